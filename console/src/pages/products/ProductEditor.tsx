// 新建产品 / 复制为新版本 / 复制为新产品: the loan product form (ProForm) beside the server's live
// preview. Each field is checked by the contract's own check (loanProductDraftIssues, the schema
// the server validates with), in Chinese; what the server still refuses — in the preview or on
// submit — is shown under its field.
// Submitting makes a pending change for a second operator: nothing reaches customers before that.
import {
  ProCard,
  ProForm,
  ProFormCheckbox,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormGroup,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
} from '@ant-design/pro-components';
import { Alert, Col, Form, Row, type FormInstance } from 'antd';
import { memo, useCallback, useRef, useState } from 'react';
import {
  JUDICIAL_RATE_CEILING_BPS,
  LOAN_KINDS,
  LOAN_PURPOSES,
  MAX_PRODUCT_TERM_MONTHS,
  METHOD_LABELS,
  PURPOSE_LABELS,
  REPAYMENT_METHODS,
  RISK_GRADES,
  type LoanKind,
  type LoanPurpose,
  type RepaymentMethod,
  type RiskGrade,
} from '../../../../functions/domain/loan/product';
import { loanProductDraftIssues } from '../../../../functions/domain/loan/product-draft';
import { ApiError, errorMessage } from '@/api/http';
import { submitLoanProductChange } from '@/api/products';
import type { ChangeRequest, LoanProduct, LoanProductDraft } from '@/api/types';
import { fieldLabel, GRADE_LABEL, LOAN_KIND_LABELS } from '../changes/labels';
import { contractRuleFor, type DraftFields, type FieldName, refusedFields, useDraftProblems } from './draft-form';
import { PreviewPanel } from './PreviewPanel';

export type EditorMode = { kind: 'new' } | { kind: 'new-version'; base: LoanProduct } | { kind: 'clone'; base: LoanProduct };

export interface ProductFormValues {
  productId?: string;
  name?: string;
  kind?: LoanKind;
  minAmountYuan?: number | null;
  maxAmountYuan?: number | null;
  termsMonths?: number[];
  methods?: RepaymentMethod[];
  spreads?: Partial<Record<RiskGrade, number | null>>;
  rateCapBps?: number | null;
  penaltyRateMarkupPercent?: number | null;
  coolingOffDays?: number | null;
  disclosureVersion?: string;
  purposes?: LoanPurpose[];
  requiresBusinessLicence?: boolean;
  /** Milliseconds (the ProForm's date formatter); absent: effective as soon as it is approved. */
  effectiveAt?: number;
}

const TERM_CHOICES = [1, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72, 84, 96, 108, MAX_PRODUCT_TERM_MONTHS];
const FORM_FIELDS = new Set([
  'productId',
  'name',
  'kind',
  'termsMonths',
  'methods',
  'rateCapBps',
  'penaltyRateMarkupPercent',
  'coolingOffDays',
  'disclosureVersion',
  'purposes',
  'requiresBusinessLicence',
  'effectiveAt',
]);

const present = (value: number | null | undefined): value is number => typeof value === 'number';

const orNothing = (value: number | null | undefined) => (present(value) ? value : undefined);

/** The form's values in the contract's shape as far as they are filled in (yuan → fen; terms in
 *  ascending order, as the contract wants them; an empty grade is a grade not lent to). */
export function rawDraftOf(values: ProductFormValues): Partial<LoanProductDraft> {
  const spreadBpsByGrade: LoanProductDraft['spreadBpsByGrade'] = {};
  for (const grade of RISK_GRADES) {
    const spread = values.spreads?.[grade];
    if (present(spread)) spreadBpsByGrade[grade] = spread;
  }
  return {
    productId: values.productId || undefined,
    name: values.name || undefined,
    kind: values.kind,
    minAmountFen: present(values.minAmountYuan) ? values.minAmountYuan * 100 : undefined,
    maxAmountFen: present(values.maxAmountYuan) ? values.maxAmountYuan * 100 : undefined,
    termsMonths: values.termsMonths?.length ? [...values.termsMonths].sort((a, b) => a - b) : undefined,
    methods: values.methods?.length ? values.methods : undefined,
    spreadBpsByGrade,
    rateCapBps: orNothing(values.rateCapBps),
    penaltyRateMarkupPercent: orNothing(values.penaltyRateMarkupPercent),
    coolingOffDays: orNothing(values.coolingOffDays),
    disclosureVersion: values.disclosureVersion || undefined,
    purposes: values.purposes?.length ? values.purposes : undefined,
    requiresBusinessLicence: values.requiresBusinessLicence ?? false,
  };
}

/** The draft once every field is filled in (the server then judges it); undefined before. */
export function draftOf(values: ProductFormValues): LoanProductDraft | undefined {
  const raw = rawDraftOf(values);
  const complete = Object.values(raw).every((value) => value !== undefined) && Object.keys(raw.spreadBpsByGrade ?? {}).length > 0;
  return complete ? (raw as LoanProductDraft) : undefined;
}

/** How the form and the contract's check meet. */
const FIELDS: DraftFields<ProductFormValues> = {
  issuesOf: (values) => loanProductDraftIssues(rawDraftOf(values)),
  fieldOf,
  unplacedLine: ({ path, message }) => `${fieldLabel(path.replace(/^product\./, ''))}：${message}`,
};

const contractRule = contractRuleFor(FIELDS);

export function valuesOf(product: LoanProduct, mode: EditorMode['kind']): ProductFormValues {
  return {
    productId: mode === 'clone' ? undefined : product.productId,
    name: mode === 'clone' ? `${product.name}（副本）` : product.name,
    kind: product.kind,
    minAmountYuan: product.minAmountFen / 100,
    maxAmountYuan: product.maxAmountFen / 100,
    termsMonths: product.termsMonths,
    methods: product.methods,
    spreads: product.spreadBpsByGrade,
    rateCapBps: product.rateCapBps,
    penaltyRateMarkupPercent: product.penaltyRateMarkupPercent,
    coolingOffDays: product.coolingOffDays,
    disclosureVersion: product.disclosureVersion,
    purposes: product.purposes,
    requiresBusinessLicence: product.requiresBusinessLicence,
  };
}

/** The form field a server path names (`product.minAmountFen` → minAmountYuan, `spreadBpsByGrade.B`
 *  → spreads.B, `termsMonths.2` → termsMonths); undefined when no one field holds it. */
export function fieldOf(path: string): FieldName | undefined {
  const [head, next] = path.replace(/^product\./, '').split('.');
  if (head === 'minAmountFen') return 'minAmountYuan';
  if (head === 'maxAmountFen') return 'maxAmountYuan';
  // The record as a whole (no grade priced) is shown under grade A, the first of the row.
  if (head === 'spreadBpsByGrade') return ['spreads', next && (RISK_GRADES as readonly string[]).includes(next) ? next : 'A'];
  return head && FORM_FIELDS.has(head) ? head : undefined;
}

interface FormProps {
  form: FormInstance<ProductFormValues>;
  mode: EditorMode;
  initialValues: ProductFormValues;
  onDraft(draft: LoanProductDraft | undefined): void;
  onFinish(values: ProductFormValues): Promise<boolean>;
}

const TITLES: Record<EditorMode['kind'], string> = { new: '新建贷款产品', 'new-version': '复制为新版本', clone: '复制为新产品' };

interface Props {
  mode: EditorMode;
  onSubmitted(change: ChangeRequest): void;
}

export function ProductEditor({ mode, onSubmitted }: Props) {
  const [form] = Form.useForm<ProductFormValues>();
  const [initialValues] = useState<ProductFormValues>(() =>
    mode.kind === 'new' ? { requiresBusinessLicence: false, penaltyRateMarkupPercent: 50, coolingOffDays: 7 } : valuesOf(mode.base, mode.kind),
  );
  const [draft, setDraft] = useState<LoanProductDraft | undefined>(() => draftOf(initialValues));
  const { problem, setProblem, showProblems } = useDraftProblems(form, FIELDS);

  // The memoized form calls the newest submit.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  const onFinish = useCallback((values: ProductFormValues) => submitRef.current(values), []);

  async function submit(values: ProductFormValues): Promise<boolean> {
    const product = draftOf(values);
    if (!product) return false;
    setProblem(undefined);
    try {
      const effectiveAt = values.effectiveAt === undefined ? undefined : new Date(values.effectiveAt).toISOString();
      onSubmitted(await submitLoanProductChange(product, effectiveAt));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) showProblems(refusedFields(error, loanProductDraftIssues(product)), error.message);
      else setProblem({ title: errorMessage(error), lines: [] });
      return false;
    }
  }

  return (
    // Columns stretch to the row's height, so the preview can stay in view beside a long form.
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <ProCard title={TITLES[mode.kind]} subTitle={mode.kind === 'new-version' ? `${mode.base.name} 当前为 v${mode.base.version}，复核通过后发布为新版本` : undefined} bordered>
          {problem && (
            <Alert
              id="editor-problem"
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={problem.title}
              description={problem.lines.length > 0 ? problem.lines.map((line) => <div key={line}>{line}</div>) : undefined}
            />
          )}
          <ProductForm form={form} mode={mode} initialValues={initialValues} onDraft={setDraft} onFinish={onFinish} />
        </ProCard>
      </Col>
      <Col xs={24} xl={11}>
        <div style={{ position: 'sticky', top: 72 }}>
          <PreviewPanel draft={draft} onRefused={(error) => draft && showProblems(refusedFields(error, loanProductDraftIssues(draft)))} onAccepted={() => showProblems([])} />
        </div>
      </Col>
    </Row>
  );
}

/** The fields, apart from the editor: typing re-renders only what rc-field-form updates (the
 *  editor re-renders on every draft, for the preview). */
const ProductForm = memo(function ProductForm({ form, mode, initialValues, onDraft, onFinish }: FormProps) {
  return (
    <ProForm<ProductFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      dateFormatter="number"
      onValuesChange={(_, all) => onDraft(draftOf(all))}
      onFinish={onFinish}
      submitter={{ searchConfig: { submitText: '提交复核' }, resetButtonProps: false, submitButtonProps: { id: 'product-submit' } }}
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
        <ProFormText
          name="name"
          label="产品名称"
          width="md"
          fieldProps={{ id: 'name', maxLength: 40, showCount: true }}
          rules={[contractRule('name')]}
        />
      </ProFormGroup>
      <ProFormSelect
        name="kind"
        label="产品类型"
        width="md"
        fieldProps={{ id: 'kind' }}
        options={LOAN_KINDS.map((kind) => ({ value: kind, label: LOAN_KIND_LABELS[kind] ?? kind }))}
        rules={[contractRule('kind')]}
      />
      <ProFormGroup title="额度与期限">
        <ProFormDigit name="minAmountYuan" label="最低借款金额（元）" width="sm" fieldProps={{ id: 'minAmountYuan', precision: 0 }} rules={[contractRule('minAmountYuan')]} />
        <ProFormDigit
          name="maxAmountYuan"
          label="最高借款金额（元）"
          width="sm"
          dependencies={['minAmountYuan']}
          fieldProps={{ id: 'maxAmountYuan', precision: 0 }}
          rules={[contractRule('maxAmountYuan')]}
        />
        <ProFormSelect
          name="termsMonths"
          label="可选期限"
          width="md"
          mode="multiple"
          fieldProps={{ id: 'termsMonths' }}
          options={TERM_CHOICES.map((term) => ({ value: term, label: `${term} 个月` }))}
          rules={[contractRule('termsMonths')]}
        />
      </ProFormGroup>
      <ProFormCheckbox.Group
        name="methods"
        label="还款方式"
        options={REPAYMENT_METHODS.map((method) => ({ value: method, label: METHOD_LABELS[method] }))}
        rules={[contractRule('methods')]}
      />
      <ProFormGroup title="定价（一年期 LPR + 利差，单位：基点，1 基点 = 0.01%）" tooltip="不填的等级表示本产品不向该等级的客户放款">
        {RISK_GRADES.map((grade) => (
          <ProFormDigit
            key={grade}
            name={['spreads', grade]}
            label={`${GRADE_LABEL(grade)}利差`}
            width={110}
            fieldProps={{ id: `spreads_${grade}`, precision: 0 }}
            dependencies={grade === 'A' ? RISK_GRADES.filter((other) => other !== 'A').map((other) => ['spreads', other]) : undefined}
            rules={[contractRule(['spreads', grade])]}
          />
        ))}
        <ProFormDigit
          name="rateCapBps"
          label="利率上限（基点）"
          width={130}
          tooltip={`不超过 ${JUDICIAL_RATE_CEILING_BPS} 基点（司法保护上限 24%）`}
          fieldProps={{ id: 'rateCapBps', precision: 0 }}
          rules={[contractRule('rateCapBps')]}
        />
      </ProFormGroup>
      <ProFormGroup title="规则">
        <ProFormDigit
          name="penaltyRateMarkupPercent"
          label="罚息上浮比例（%）"
          width="sm"
          fieldProps={{ id: 'penaltyRateMarkupPercent', precision: 0 }}
          rules={[contractRule('penaltyRateMarkupPercent')]}
        />
        <ProFormDigit
          name="coolingOffDays"
          label="冷静期（天）"
          width="sm"
          fieldProps={{ id: 'coolingOffDays', precision: 0 }}
          rules={[contractRule('coolingOffDays')]}
        />
        <ProFormText
          name="disclosureVersion"
          label="信息披露版本"
          width="md"
          fieldProps={{ id: 'disclosureVersion', maxLength: 40 }}
          rules={[contractRule('disclosureVersion')]}
        />
      </ProFormGroup>
      <ProFormCheckbox.Group
        name="purposes"
        label="借款用途"
        options={LOAN_PURPOSES.map((purpose) => ({ value: purpose, label: PURPOSE_LABELS[purpose] }))}
        rules={[contractRule('purposes')]}
      />
      <ProFormSwitch name="requiresBusinessLicence" label="申请时需提供营业执照" fieldProps={{ id: 'requiresBusinessLicence' }} />
      <ProFormDateTimePicker
        name="effectiveAt"
        label="生效时间"
        tooltip="不填则复核通过后立即生效"
        width="md"
        fieldProps={{ id: 'effectiveAt', placeholder: '复核通过后立即生效' }}
      />
    </ProForm>
  );
});
