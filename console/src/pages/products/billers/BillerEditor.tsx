// 新增缴费机构 / 修改: the biller form beside what customers will see. Each field is checked by the
// contract's own check (billerDraftIssues, the schema the server validates a BILLER change with),
// in Chinese, as it is typed. Submitting makes a pending change for a second product manager.
import { ProCard, ProForm, ProFormDateTimePicker, ProFormDependency, ProFormDigit, ProFormRadio, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { Alert, Col, Descriptions, Form, Input, Row, Tag, type FormRule } from 'antd';
import { useState } from 'react';
import { BILL_CATEGORIES, CATEGORY_LABELS, type BillCategory } from '../../../../../functions/domain/bills/biller';
import { billerDraftIssues } from '../../../../../functions/domain/bills/biller-draft';
import { type Biller, submitBillerChange } from '@/api/billers';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { describeAmount, describeFormat } from './describe';

type FormatKind = Biller['accountNumber']['format']['kind'];
type AmountKind = Biller['amountRule']['kind'];

export interface BillerFormValues {
  billerId?: string;
  name?: string;
  category?: BillCategory;
  cityCode?: string;
  cityName?: string;
  accountLabel?: string;
  accountHint?: string;
  formatKind?: FormatKind;
  minLength?: number | null;
  maxLength?: number | null;
  /** Comma-separated digits (e.g. 32, 33). */
  prefixes?: string;
  luhn?: boolean;
  amountKind?: AmountKind;
  minYuan?: number | null;
  maxYuan?: number | null;
  stepYuan?: number | null;
  /** Comma-separated yuan amounts (e.g. 30, 50, 100). */
  presetsYuan?: string;
  channel?: string;
  billerCode?: string;
  status?: Biller['status'];
  /** Milliseconds (the ProForm's date formatter); absent: effective as soon as it is approved. */
  effectiveAt?: number;
}

export type EditorMode = { kind: 'new' } | { kind: 'edit'; base: Biller };

const fen = (yuan: number | null | undefined) => (typeof yuan === 'number' ? Math.round(yuan * 100) : undefined);
const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The form's values in the contract's shape (yuan → fen); the contract's check judges the rest. */
export function billerOf(values: BillerFormValues): Partial<Biller> {
  const { formatKind = 'DIGITS', amountKind = 'EXACT' } = values;
  const lengths = { minLength: values.minLength ?? undefined, maxLength: values.maxLength ?? undefined };
  const prefixes = list(values.prefixes);
  const format =
    formatKind === 'MOBILE'
      ? { kind: formatKind }
      : formatKind === 'ALNUM'
        ? { kind: formatKind, ...lengths }
        : { kind: formatKind, ...lengths, ...(prefixes.length ? { prefixes } : {}), ...(values.luhn ? { checksum: 'LUHN' as const } : {}) };
  const range = { minFen: fen(values.minYuan), maxFen: fen(values.maxYuan) };
  const amountRule =
    amountKind === 'EXACT'
      ? { kind: amountKind }
      : amountKind === 'AT_LEAST_BILL'
        ? { kind: amountKind, ...range }
        : { kind: amountKind, ...range, stepFen: fen(values.stepYuan), presetsFen: list(values.presetsYuan).map((yuan) => fen(Number(yuan))) };
  return {
    billerId: values.billerId || undefined,
    name: values.name || undefined,
    category: values.category,
    city: { code: values.cityCode ?? '', name: values.cityName ?? '' },
    accountNumber: { label: values.accountLabel ?? '', hint: values.accountHint ?? '', format } as Biller['accountNumber'],
    amountRule: amountRule as Biller['amountRule'],
    gateway: { channel: values.channel ?? '', billerCode: values.billerCode ?? '' },
    status: values.status,
  };
}

export function valuesOf(biller: Biller): BillerFormValues {
  const { format } = biller.accountNumber;
  const rule = biller.amountRule;
  return {
    billerId: biller.billerId,
    name: biller.name,
    category: biller.category,
    cityCode: biller.city.code,
    cityName: biller.city.name,
    accountLabel: biller.accountNumber.label,
    accountHint: biller.accountNumber.hint,
    formatKind: format.kind,
    ...(format.kind === 'MOBILE' ? {} : { minLength: format.minLength, maxLength: format.maxLength }),
    ...(format.kind === 'DIGITS' ? { prefixes: format.prefixes?.join(', '), luhn: format.checksum === 'LUHN' } : {}),
    amountKind: rule.kind,
    ...(rule.kind === 'EXACT' ? {} : { minYuan: rule.minFen / 100, maxYuan: rule.maxFen / 100 }),
    ...(rule.kind === 'RANGE' ? { stepYuan: rule.stepFen / 100, presetsYuan: rule.presetsFen.map((amount) => amount / 100).join(', ') } : {}),
    channel: biller.gateway.channel,
    billerCode: biller.gateway.billerCode,
    status: biller.status,
  };
}

/** The form field the contract's issue path is shown under. */
export function fieldOf(path: string, values: BillerFormValues): keyof BillerFormValues | undefined {
  const fields: Record<string, keyof BillerFormValues> = {
    billerId: 'billerId',
    name: 'name',
    category: 'category',
    'city.code': 'cityCode',
    'city.name': 'cityName',
    'accountNumber.label': 'accountLabel',
    'accountNumber.hint': 'accountHint',
    'accountNumber.format': 'minLength',
    'accountNumber.format.prefixes': 'prefixes',
    amountRule: values.amountKind === 'EXACT' ? 'amountKind' : 'minYuan',
    'gateway.channel': 'channel',
    'gateway.billerCode': 'billerCode',
    status: 'status',
  };
  return fields[path];
}

/** The contract's own check (the one the server runs), for one field: its first problem. */
const contractRule =
  (name: keyof BillerFormValues): FormRule =>
  ({ getFieldsValue }) => ({
    validator: async () => {
      const values = getFieldsValue(true) as BillerFormValues;
      const problem = billerDraftIssues(billerOf(values)).find((issue) => fieldOf(issue.path, values) === name);
      if (problem) throw new Error(problem.message);
    },
  });

const checked = (name: keyof BillerFormValues) => ({ name, rules: [contractRule(name)] });

/** What the customers' 生活缴费 pages show of the draft, as they would show it. */
function CustomerPreview({ values }: { values: BillerFormValues }) {
  const biller = billerOf(values);
  const valid = billerDraftIssues(biller).length === 0;
  return (
    <ProCard title="客户看到的缴费页" subTitle={valid ? undefined : '填写完整后显示金额规则'} bordered id="biller-preview">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="缴费单位">
          {biller.name || '—'} {biller.category && <Tag>{CATEGORY_LABELS[biller.category]}</Tag>}
          {biller.city?.name}
        </Descriptions.Item>
        <Descriptions.Item label={biller.accountNumber?.label || '户号'}>
          <Input placeholder={biller.accountNumber?.hint || '请输入'} disabled style={{ maxWidth: 260 }} />
        </Descriptions.Item>
        {valid && <Descriptions.Item label="号码规则">{describeFormat((biller as Biller).accountNumber.format)}</Descriptions.Item>}
        {valid && <Descriptions.Item label="金额">{describeAmount((biller as Biller).amountRule)}</Descriptions.Item>}
        {biller.status === 'SUSPENDED' && <Descriptions.Item label="状态">暂停服务：客户不能查询或缴费</Descriptions.Item>}
      </Descriptions>
    </ProCard>
  );
}

export function BillerEditor({ mode, onSubmitted }: { mode: EditorMode; onSubmitted(change: ChangeRequest): void }) {
  const [form] = Form.useForm<BillerFormValues>();
  const [initialValues] = useState<BillerFormValues>(() =>
    mode.kind === 'new' ? { formatKind: 'DIGITS', amountKind: 'AT_LEAST_BILL', status: 'ACTIVE', channel: 'sim-bills' } : valuesOf(mode.base),
  );
  const [values, setValues] = useState<BillerFormValues>(initialValues);
  const [problem, setProblem] = useState<string | undefined>();

  async function submit(submitted: BillerFormValues): Promise<boolean> {
    setProblem(undefined);
    try {
      const effectiveAt = submitted.effectiveAt === undefined ? undefined : new Date(submitted.effectiveAt).toISOString();
      onSubmitted(await submitBillerChange(billerOf(submitted) as Biller, effectiveAt));
      return true;
    } catch (error) {
      setProblem(errorMessage(error));
      return false;
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <ProCard title={mode.kind === 'new' ? '新增缴费机构' : `修改 ${mode.base.name}`} subTitle="提交后由另一位产品经理复核，通过后按生效时间生效" bordered>
          {problem && <Alert id="biller-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
          <ProForm<BillerFormValues>
            id="biller-form"
            form={form}
            layout="vertical"
            initialValues={initialValues}
            dateFormatter="number"
            onValuesChange={(_, all) => setValues(all)}
            onFinish={submit}
            submitter={{ searchConfig: { submitText: '提交复核' }, resetButtonProps: false }}
          >
            <ProForm.Group>
              <ProFormText {...checked('billerId')} label="机构编号" width="sm" disabled={mode.kind === 'edit'} fieldProps={{ id: 'biller-id', placeholder: '如 yz-water' }} />
              <ProFormText {...checked('name')} label="机构名称" width="md" fieldProps={{ id: 'biller-name' }} />
              <ProFormSelect
                {...checked('category')}
                label="缴费类别"
                width="sm"
                fieldProps={{ id: 'biller-category' }}
                options={BILL_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }))}
              />
            </ProForm.Group>
            <ProForm.Group>
              <ProFormText {...checked('cityName')} label="城市" width="xs" fieldProps={{ id: 'biller-city-name', placeholder: '扬州' }} />
              <ProFormText {...checked('cityCode')} label="城市代码" width="sm" fieldProps={{ id: 'biller-city-code', placeholder: 'yangzhou' }} />
            </ProForm.Group>
            <ProForm.Group title="户号">
              <ProFormText {...checked('accountLabel')} label="名称" width="xs" fieldProps={{ id: 'biller-account-label', placeholder: '户号' }} />
              <ProFormText {...checked('accountHint')} label="填写提示" width="md" fieldProps={{ id: 'biller-account-hint' }} />
              <ProFormRadio.Group
                name="formatKind"
                label="号码规则"
                radioType="button"
                options={[
                  { value: 'DIGITS', label: '数字' },
                  { value: 'ALNUM', label: '字母数字' },
                  { value: 'MOBILE', label: '手机号' },
                ]}
              />
            </ProForm.Group>
            <ProFormDependency name={['formatKind']}>
              {({ formatKind }: BillerFormValues) =>
                formatKind === 'MOBILE' ? null : (
                  <ProForm.Group>
                    <ProFormDigit {...checked('minLength')} dependencies={['maxLength', 'prefixes']} label="最短位数" width="xs" fieldProps={{ id: 'biller-min-length', precision: 0 }} />
                    <ProFormDigit name="maxLength" label="最长位数" width="xs" fieldProps={{ id: 'biller-max-length', precision: 0 }} />
                    {formatKind === 'DIGITS' && (
                      <>
                        <ProFormText {...checked('prefixes')} dependencies={['maxLength']} label="号码前缀（可选，逗号分隔）" width="sm" fieldProps={{ id: 'biller-prefixes' }} />
                        <ProFormSwitch name="luhn" label="末位校验（Luhn）" />
                      </>
                    )}
                  </ProForm.Group>
                )
              }
            </ProFormDependency>
            <ProFormRadio.Group
              {...checked('amountKind')}
              label="金额规则"
              radioType="button"
              options={[
                { value: 'EXACT', label: '按账单金额' },
                { value: 'AT_LEAST_BILL', label: '不低于账单（可预存）' },
                { value: 'RANGE', label: '范围内任意金额' },
              ]}
            />
            <ProFormDependency name={['amountKind']}>
              {({ amountKind }: BillerFormValues) =>
                amountKind === 'EXACT' ? null : (
                  <ProForm.Group>
                    <ProFormDigit {...checked('minYuan')} dependencies={['maxYuan', 'stepYuan', 'presetsYuan']} label="最低（元）" width="xs" fieldProps={{ id: 'biller-min-yuan', precision: 2 }} />
                    <ProFormDigit name="maxYuan" label="最高（元）" width="xs" fieldProps={{ id: 'biller-max-yuan', precision: 2 }} />
                    {amountKind === 'RANGE' && (
                      <>
                        <ProFormDigit name="stepYuan" label="步长（元）" width="xs" fieldProps={{ id: 'biller-step-yuan', precision: 2 }} />
                        <ProFormText name="presetsYuan" label="快捷金额（元，逗号分隔）" width="sm" fieldProps={{ id: 'biller-presets' }} />
                      </>
                    )}
                  </ProForm.Group>
                )
              }
            </ProFormDependency>
            <ProForm.Group title="缴费渠道">
              <ProFormText {...checked('channel')} label="渠道" width="sm" fieldProps={{ id: 'biller-channel' }} />
              <ProFormText {...checked('billerCode')} label="渠道机构代码" width="sm" fieldProps={{ id: 'biller-code' }} />
            </ProForm.Group>
            <ProForm.Group>
              <ProFormRadio.Group
                {...checked('status')}
                label="状态"
                radioType="button"
                options={[
                  { value: 'ACTIVE', label: '正常服务' },
                  { value: 'SUSPENDED', label: '暂停服务' },
                ]}
              />
              <ProFormDateTimePicker name="effectiveAt" label="生效时间" tooltip="不填则复核通过后立即生效" fieldProps={{ placeholder: '复核通过后立即生效' }} />
            </ProForm.Group>
          </ProForm>
        </ProCard>
      </Col>
      <Col xs={24} xl={10}>
        <div style={{ position: 'sticky', top: 72 }}>
          <CustomerPreview values={values} />
        </div>
      </Col>
    </Row>
  );
}
