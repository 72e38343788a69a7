// 新建理财产品 / 复制为新版本 / 复制为新产品: the wealth product form (ProForm) beside the server's
// live preview of the customer's card, rules and risk disclosure. Each field is checked by the
// contract's own check (wealthProductDraftIssues, the schema the server validates with), in
// Chinese; what the server still refuses — in the preview or on submit — is shown under its field.
// Submitting makes a pending change for a second operator: nothing reaches customers before that.
import {
  ProCard,
  ProForm,
  ProFormDatePicker,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormGroup,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, Col, Empty, Form, Row, Spin, type FormInstance } from 'antd';
import { memo, useCallback, useRef, useState } from 'react';
import { ISSUER_TYPE_LABELS, ISSUER_TYPES, PRODUCT_TYPE_LABELS, RISK_LEVEL_LABELS, RISK_LEVELS, WEALTH_PRODUCT_TYPES } from '../../../../../functions/domain/wealth/product';
import { wealthProductDraftIssues } from '../../../../../functions/domain/wealth/product-draft';
import { ApiError, errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { previewWealthProduct, submitWealthProductChange, type WealthProduct, type WealthProductDraft } from '@/api/wealth';
import { contractRuleFor, type DraftFields, type FieldName, refusedFields, useDraftProblems, useServerPreview } from '../draft-form';
import { WealthCardView } from './WealthCardView';

export type WealthEditorMode = { kind: 'new' } | { kind: 'new-version'; base: WealthProduct } | { kind: 'clone'; base: WealthProduct };

/** A date as the pickers hold it (dayjs) or as it was given (YYYY-MM-DD). */
type DateValue = string | { format(pattern: string): string } | null | undefined;

export interface WealthFormValues {
  productId?: string;
  name?: string;
  type?: WealthProductDraft['type'];
  issuerType?: WealthProductDraft['issuerType'];
  issuerName?: string;
  offering?: WealthProductDraft['offering'];
  riskLevel?: WealthProductDraft['riskLevel'];
  status?: WealthProductDraft['status'];
  minPurchaseYuan?: number | null;
  stepYuan?: number | null;
  maxPurchaseYuan?: number | null;
  subscriptionOpensOn?: DateValue;
  subscriptionClosesOn?: DateValue;
  termDays?: number | null;
  maturityDate?: DateValue;
  benchmarkBps?: number | null;
  coolingOffHours?: number | null;
  fees?: Partial<Record<keyof WealthProductDraft['fees'], number | null>>;
  disclosureVersion?: string;
  description?: string;
  /** Milliseconds; absent: effective as soon as it is approved. */
  effectiveAt?: DateValue | number;
}

const FEE_FIELDS = ['managementBpsPerYear', 'custodyBpsPerYear', 'salesServiceBpsPerYear'] as const;
const FEE_LABELS: Record<(typeof FEE_FIELDS)[number], string> = { managementBpsPerYear: '管理费', custodyBpsPerYear: '托管费', salesServiceBpsPerYear: '销售服务费' };
const YUAN_FIELDS: Record<string, string> = { minPurchaseFen: 'minPurchaseYuan', stepFen: 'stepYuan', maxPurchaseFen: 'maxPurchaseYuan' };
const FORM_FIELDS = new Set([
  'productId',
  'name',
  'type',
  'issuerType',
  'issuerName',
  'offering',
  'riskLevel',
  'status',
  'subscriptionOpensOn',
  'subscriptionClosesOn',
  'termDays',
  'maturityDate',
  'benchmarkBps',
  'coolingOffHours',
  'disclosureVersion',
  'description',
]);

const present = (value: number | null | undefined): value is number => typeof value === 'number';
/** Yuan typed with up to two decimals, in whole fen (0.29 × 100 is not 29 in floating point). */
const fenOf = (yuan: number | null | undefined) => (present(yuan) ? Math.round(yuan * 100) : undefined);
const dateOf = (value: DateValue): string | null => (value ? (typeof value === 'string' ? value : value.format('YYYY-MM-DD')) : null);

/** The picked time (a picker's dayjs, or ProForm's `YYYY-MM-DD HH:mm:ss` in local time) as ISO. */
export function effectiveAtOf(at: DateValue | number): string | undefined {
  if (at === undefined || at === null) return undefined;
  return new Date(typeof at === 'number' ? at : typeof at === 'string' ? at.replace(' ', 'T') : at.format('YYYY-MM-DDTHH:mm:ss')).toISOString();
}

/** The form's values in the contract's shape as far as they are filled in (yuan → fen; an empty
 *  optional date or term is null, as the contract has it). */
export function rawDraftOf(values: WealthFormValues): Partial<WealthProductDraft> {
  const fees = Object.fromEntries(FEE_FIELDS.map((field) => [field, values.fees?.[field] ?? undefined]));
  return {
    productId: values.productId || undefined,
    name: values.name || undefined,
    type: values.type,
    issuerType: values.issuerType,
    issuerName: values.issuerName || undefined,
    offering: values.offering,
    riskLevel: values.riskLevel,
    status: values.status,
    minPurchaseFen: fenOf(values.minPurchaseYuan),
    stepFen: fenOf(values.stepYuan),
    maxPurchaseFen: fenOf(values.maxPurchaseYuan),
    subscriptionOpensOn: dateOf(values.subscriptionOpensOn) ?? undefined,
    subscriptionClosesOn: dateOf(values.subscriptionClosesOn),
    termDays: present(values.termDays) ? values.termDays : null,
    maturityDate: dateOf(values.maturityDate),
    benchmarkBps: present(values.benchmarkBps) ? values.benchmarkBps : null,
    coolingOffHours: values.coolingOffHours ?? undefined,
    fees: fees as WealthProductDraft['fees'],
    disclosureVersion: values.disclosureVersion || undefined,
    description: values.description ?? '',
  };
}

/** The draft once every required field is filled in (the server then judges it); undefined before. */
export function draftOf(values: WealthFormValues): WealthProductDraft | undefined {
  const raw = rawDraftOf(values);
  const complete = Object.values(raw).every((value) => value !== undefined) && FEE_FIELDS.every((field) => raw.fees?.[field] !== undefined);
  return complete ? (raw as WealthProductDraft) : undefined;
}

/** The form field a server path names (`product.minPurchaseFen` → minPurchaseYuan, `fees.x` →
 *  fees.x); undefined when no one field holds it. */
export function fieldOf(path: string): FieldName | undefined {
  const [head, next] = path.replace(/^product\./, '').split('.');
  if (head && head in YUAN_FIELDS) return YUAN_FIELDS[head];
  if (head === 'fees') return ['fees', next && (FEE_FIELDS as readonly string[]).includes(next) ? next : 'managementBpsPerYear'];
  return head && FORM_FIELDS.has(head) ? head : undefined;
}

/** How the form and the contract's check meet. */
const FIELDS: DraftFields<WealthFormValues> = {
  issuesOf: (values) => wealthProductDraftIssues(rawDraftOf(values)),
  fieldOf,
  unplacedLine: ({ message }) => message,
};

const contractRule = contractRuleFor(FIELDS);

export function valuesOf(product: WealthProduct, mode: WealthEditorMode['kind']): WealthFormValues {
  return {
    productId: mode === 'clone' ? undefined : product.productId,
    name: mode === 'clone' ? `${product.name}（副本）` : product.name,
    type: product.type,
    issuerType: product.issuerType,
    issuerName: product.issuerName,
    offering: product.offering,
    riskLevel: product.riskLevel,
    status: product.status,
    minPurchaseYuan: product.minPurchaseFen / 100,
    stepYuan: product.stepFen / 100,
    maxPurchaseYuan: product.maxPurchaseFen / 100,
    subscriptionOpensOn: product.subscriptionOpensOn,
    subscriptionClosesOn: product.subscriptionClosesOn,
    termDays: product.termDays,
    maturityDate: product.maturityDate,
    benchmarkBps: product.benchmarkBps ?? null,
    coolingOffHours: product.coolingOffHours,
    fees: product.fees,
    disclosureVersion: mode === 'clone' ? undefined : product.disclosureVersion,
    description: product.description,
  };
}

const TITLES: Record<WealthEditorMode['kind'], string> = { new: '新建理财产品', 'new-version': '复制为新版本', clone: '复制为新产品' };
const INITIAL_NEW: WealthFormValues = {
  offering: 'PUBLIC',
  status: 'OPEN',
  issuerType: 'FUND',
  stepYuan: 0.01,
  coolingOffHours: 0,
  fees: { managementBpsPerYear: 0, custodyBpsPerYear: 0, salesServiceBpsPerYear: 0 },
  description: '',
};

interface Props {
  mode: WealthEditorMode;
  onSubmitted(change: ChangeRequest): void;
}

export function WealthEditor({ mode, onSubmitted }: Props) {
  const [form] = Form.useForm<WealthFormValues>();
  const [initialValues] = useState<WealthFormValues>(() => (mode.kind === 'new' ? INITIAL_NEW : valuesOf(mode.base, mode.kind)));
  const [draft, setDraft] = useState<WealthProductDraft | undefined>(() => draftOf(initialValues));
  const { problem, setProblem, showProblems } = useDraftProblems(form, FIELDS);

  const submitRef = useRef(submit);
  submitRef.current = submit;
  const onFinish = useCallback((values: WealthFormValues) => submitRef.current(values), []);

  async function submit(values: WealthFormValues): Promise<boolean> {
    const product = draftOf(values);
    if (!product) return false;
    setProblem(undefined);
    try {
      onSubmitted(await submitWealthProductChange(product, effectiveAtOf(values.effectiveAt)));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) showProblems(refusedFields(error, wealthProductDraftIssues(product)), error.message);
      else setProblem({ title: errorMessage(error), lines: [] });
      return false;
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <ProCard title={TITLES[mode.kind]} subTitle={mode.kind === 'new-version' ? `${mode.base.name} 当前为 v${mode.base.version}，复核通过后发布为新版本` : undefined} bordered>
          {problem && (
            <Alert
              id="wealth-editor-problem"
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={problem.title}
              description={problem.lines.length > 0 ? problem.lines.map((line) => <div key={line}>{line}</div>) : undefined}
            />
          )}
          <WealthForm form={form} mode={mode} initialValues={initialValues} onDraft={setDraft} onFinish={onFinish} />
        </ProCard>
      </Col>
      <Col xs={24} xl={11}>
        <div style={{ position: 'sticky', top: 72 }}>
          <WealthPreviewPanel draft={draft} onRefused={(error) => draft && showProblems(refusedFields(error, wealthProductDraftIssues(draft)))} onAccepted={() => showProblems([])} />
        </div>
      </Col>
    </Row>
  );
}

/** 客户视角预览: the server's rendering of the draft, asked again when typing pauses. */
function WealthPreviewPanel({ draft, onRefused, onAccepted }: { draft: WealthProductDraft | undefined; onRefused(error: ApiError): void; onAccepted(): void }) {
  const { state, shown } = useServerPreview(draft ? JSON.stringify(draft) : '', draft && (() => previewWealthProduct(draft)), onAccepted, onRefused);
  return (
    <ProCard title="客户视角预览" subTitle="产品卡片、规则与风险揭示书由服务端生成" bordered id="wealth-preview">
      {state.kind === 'idle' && <Empty description="填写完整的产品信息后显示预览" />}
      {state.kind === 'refused' && <Alert id="wealth-preview-problem" type="warning" showIcon message="暂无法预览" description={state.message} />}
      {shown && (
        <Spin spinning={state.kind === 'loading'} tip="正在更新预览…">
          <WealthCardView card={shown.card} disclosure={shown.disclosure} />
        </Spin>
      )}
    </ProCard>
  );
}

interface FormProps {
  form: FormInstance<WealthFormValues>;
  mode: WealthEditorMode;
  initialValues: WealthFormValues;
  onDraft(draft: WealthProductDraft | undefined): void;
  onFinish(values: WealthFormValues): Promise<boolean>;
}

/** The fields, apart from the editor: typing re-renders only what rc-field-form updates. */
const WealthForm = memo(function WealthForm({ form, mode, initialValues, onDraft, onFinish }: FormProps) {
  const dateProps = (id: string) => ({ id, format: 'YYYY-MM-DD' });
  return (
    <ProForm<WealthFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(_, all) => onDraft(draftOf(all))}
      onFinish={onFinish}
      submitter={{ searchConfig: { submitText: '提交复核' }, resetButtonProps: false, submitButtonProps: { id: 'wealth-submit' } }}
    >
      <ProFormGroup>
        <ProFormText
          name="productId"
          label="产品编号"
          width="md"
          disabled={mode.kind === 'new-version'}
          tooltip="创建后不可更改；新版本沿用原编号"
          fieldProps={{ id: 'productId', maxLength: 40 }}
          rules={[contractRule('productId')]}
        />
        <ProFormText name="name" label="产品名称" width="md" fieldProps={{ id: 'name', maxLength: 40, showCount: true }} rules={[contractRule('name')]} />
      </ProFormGroup>
      <ProFormGroup>
        <ProFormSelect
          name="type"
          label="产品类型"
          width="sm"
          disabled={mode.kind === 'new-version'}
          tooltip="发布后不可更改（持仓依赖产品类型）"
          fieldProps={{ id: 'type' }}
          options={WEALTH_PRODUCT_TYPES.map((type) => ({ value: type, label: PRODUCT_TYPE_LABELS[type] }))}
          rules={[contractRule('type')]}
        />
        <ProFormSelect
          name="riskLevel"
          label="风险等级"
          width="sm"
          fieldProps={{ id: 'riskLevel' }}
          options={RISK_LEVELS.map((level) => ({ value: level, label: RISK_LEVEL_LABELS[level] }))}
          rules={[contractRule('riskLevel')]}
        />
        <ProFormRadio.Group
          name="status"
          label="申购状态"
          options={[
            { value: 'OPEN', label: '开放申购' },
            { value: 'CLOSED', label: '暂停申购' },
          ]}
          rules={[contractRule('status')]}
        />
      </ProFormGroup>
      <ProFormGroup title="发行">
        <ProFormSelect
          name="issuerType"
          label="发行机构类型"
          width="sm"
          fieldProps={{ id: 'issuerType' }}
          options={ISSUER_TYPES.map((type) => ({ value: type, label: ISSUER_TYPE_LABELS[type] }))}
          dependencies={['minPurchaseYuan']}
          rules={[contractRule('issuerType')]}
        />
        <ProFormText name="issuerName" label="发行机构名称" width="md" fieldProps={{ id: 'issuerName', maxLength: 40 }} rules={[contractRule('issuerName')]} />
        <ProFormRadio.Group
          name="offering"
          label="募集方式"
          options={[
            { value: 'PUBLIC', label: '公募' },
            { value: 'PRIVATE', label: '私募' },
          ]}
          rules={[contractRule('offering')]}
        />
      </ProFormGroup>
      <ProFormGroup title="购买规则（元）">
        <ProFormDigit
          name="minPurchaseYuan"
          label="起购金额"
          width="sm"
          dependencies={['issuerType', 'maxPurchaseYuan']}
          fieldProps={{ id: 'minPurchaseYuan', precision: 2 }}
          rules={[contractRule('minPurchaseYuan')]}
        />
        <ProFormDigit name="stepYuan" label="递增金额" width="sm" fieldProps={{ id: 'stepYuan', precision: 2 }} rules={[contractRule('stepYuan')]} />
        <ProFormDigit name="maxPurchaseYuan" label="单笔上限" width="sm" fieldProps={{ id: 'maxPurchaseYuan', precision: 2 }} rules={[contractRule('maxPurchaseYuan')]} />
      </ProFormGroup>
      <ProFormGroup title="募集期与期限">
        <ProFormDatePicker name="subscriptionOpensOn" label="募集开始日" width="sm" fieldProps={dateProps('subscriptionOpensOn')} rules={[contractRule('subscriptionOpensOn')]} />
        <ProFormDatePicker
          name="subscriptionClosesOn"
          label="募集结束日"
          width="sm"
          tooltip="留空表示长期开放；定期理财必填"
          dependencies={['subscriptionOpensOn']}
          fieldProps={dateProps('subscriptionClosesOn')}
          rules={[contractRule('subscriptionClosesOn')]}
        />
        <ProFormDigit name="termDays" label="期限（天）" width="xs" tooltip="仅定期理财" fieldProps={{ id: 'termDays', precision: 0 }} rules={[contractRule('termDays')]} />
        <ProFormDatePicker
          name="maturityDate"
          label="到期日"
          width="sm"
          tooltip="仅定期理财，须晚于募集结束日"
          dependencies={['type', 'termDays', 'subscriptionClosesOn']}
          fieldProps={dateProps('maturityDate')}
          rules={[contractRule('maturityDate')]}
        />
        <ProFormDigit
          name="benchmarkBps"
          label="业绩比较基准（基点/年）"
          width="xs"
          tooltip="仅定期理财，如 260 即 2.60%；客户端以此为产品的主要展示指标"
          fieldProps={{ id: 'benchmarkBps', precision: 0 }}
          rules={[contractRule('benchmarkBps')]}
        />
      </ProFormGroup>
      <ProFormGroup title="费率（基点/年，1 基点 = 0.01%）与冷静期">
        {FEE_FIELDS.map((field) => (
          <ProFormDigit
            key={field}
            name={['fees', field]}
            label={FEE_LABELS[field]}
            width={110}
            fieldProps={{ id: `fees_${field}`, precision: 0 }}
            rules={[contractRule(['fees', field])]}
          />
        ))}
        <ProFormDigit
          name="coolingOffHours"
          label="冷静期（小时）"
          width={120}
          tooltip="私募产品不少于 24 小时"
          dependencies={['offering']}
          fieldProps={{ id: 'coolingOffHours', precision: 0 }}
          rules={[contractRule('coolingOffHours')]}
        />
      </ProFormGroup>
      <ProFormText
        name="disclosureVersion"
        label="风险揭示书版本"
        width="md"
        tooltip="客户购买时须确认的揭示书版本；内容变化时请更换版本号"
        fieldProps={{ id: 'disclosureVersion', maxLength: 40 }}
        rules={[contractRule('disclosureVersion')]}
      />
      <ProFormTextArea name="description" label="产品说明" fieldProps={{ id: 'description', maxLength: 200, showCount: true, rows: 2 }} rules={[contractRule('description')]} />
      <ProFormDateTimePicker name="effectiveAt" label="生效时间" tooltip="不填则复核通过后立即生效" width="md" fieldProps={{ id: 'effectiveAt', placeholder: '复核通过后立即生效' }} />
    </ProForm>
  );
});
