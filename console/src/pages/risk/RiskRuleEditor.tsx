// 起草新版本: the rule set in force, editable as a whole — each rule's conditions (the server's
// fields, a comparison, a value in the field's unit; money in yuan), its outcome, name and what the
// customer is told; rules added and removed — submitted as the next version for a second
// operator's review. Nothing is in force before that review.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DrawerForm, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Typography, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { submitRiskRulesChange } from '@/api/risk';
import type { ChangeRequest, RiskFieldView, RiskRulesView } from '@/api/types';
import { type ConditionValues, DELAY_HOURS_MAX, type DraftValues, MAX_CONDITIONS, MAX_RULES, numberOf, RULE_ID_PATTERN, RULE_NAME_MAX, type RuleValues, ruleSetOf, REASON_MAX, valuesOf } from './draft';
import { RiskBacktest } from './RiskBacktest';
import { isMoney, OP_LABELS, OUTCOME_LABELS, unitWord } from './rule-words';
import { RISK_MOVEMENT_KIND_LABELS, type RiskMovementKind } from '../../../../functions/domain/risk-rules';

const OP_OPTIONS = Object.entries(OP_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(RISK_MOVEMENT_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** At least one kind; 延时到账 only for transfers (the server's schema says why). */
const kindsRule =
  (index: number): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, kinds: RiskMovementKind[] = []) => {
      if (kinds.length === 0) throw new Error('请选择适用的交易');
      if (getFieldValue(['rules', index, 'outcome']) === 'DELAY' && kinds.some((kind) => kind !== 'TRANSFER')) throw new Error('延时到账只适用于转账');
    },
  });
const OUTCOME_OPTIONS = Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

/** Whole hours from 1 to 72, as the server's schema allows. */
const delayHoursRule: FormRule = {
  validator: async (_, text: string = '') => {
    const hours = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!(hours >= 1 && hours <= DELAY_HOURS_MAX)) throw new Error(`请填写 1–${DELAY_HOURS_MAX} 的整数小时`);
  },
};

/** Counted as the server's schema counts them (string length). */
const textRule = (max: number, what: string): FormRule => ({
  validator: async (_, text: string = '') => {
    const length = text.trim().length;
    if (length < 1 || length > max) throw new Error(`请填写 1–${max} 个字的${what}`);
  },
});

const ruleIdRule: FormRule = ({ getFieldValue }) => ({
  validator: async (_, ruleId: string = '') => {
    if (!RULE_ID_PATTERN.test(ruleId.trim())) throw new Error('规则编号须为大写字母开头的 2–40 位大写字母、数字或下划线');
    const rules = (getFieldValue('rules') ?? []) as RuleValues[];
    if (rules.filter((rule) => rule.ruleId?.trim() === ruleId.trim()).length > 1) throw new Error('规则编号不能重复');
  },
});

const listRule = (max: number, message: string) => ({
  validator: async (_: unknown, items?: unknown[]) => {
    if (!items?.length || items.length > max) throw new Error(message);
  },
});

interface ConditionProps {
  fields: readonly RiskFieldView[];
  rule: number;
  index: number;
  onRemove(): void;
}

function ConditionRow({ fields, rule, index, onRemove }: ConditionProps) {
  const path = ['rules', rule, 'conditions', index];
  const id = `rule-${rule}-cond-${index}`;
  const where = `规则 ${rule + 1} 条件 ${index + 1}`;
  const viewOf = (getFieldValue: (name: (string | number)[]) => unknown) => fields.find((field) => field.field === getFieldValue([...path, 'field']));
  const valueRule =
    (bound: 'value' | 'max'): FormRule =>
    ({ getFieldValue }) => ({
      validator: async (_, text?: string) => {
        const view = viewOf(getFieldValue);
        const value = numberOf(view, text ?? '');
        if (value === undefined) throw new Error(isMoney(view) ? '请输入金额（元），最多两位小数' : '请输入不小于 0 的数，最多两位小数');
        const min = bound === 'max' ? numberOf(view, getFieldValue([...path, 'value']) as string | undefined) : undefined;
        if (min !== undefined && value < min) throw new Error('上限不能小于下限');
      },
    });
  return (
    // A row of its own (Space is inline): 添加条件 goes under the last one.
    <Space align="start" wrap style={{ display: 'flex' }}>
      <Form.Item name={[index, 'field']} rules={[{ required: true, message: '请选择条件' }]}>
        <Select id={`${id}-field`} aria-label={`${where} 字段`} style={{ width: 240 }} placeholder="条件" options={fields.map(({ field, label }) => ({ value: field, label }))} />
      </Form.Item>
      <Form.Item name={[index, 'op']} rules={[{ required: true, message: '请选择比较方式' }]}>
        <Select id={`${id}-op`} aria-label={`${where} 比较`} style={{ width: 110 }} placeholder="比较" options={OP_OPTIONS} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const view = viewOf(getFieldValue);
          // Always a suffix: adding or removing one would move focus out of the input.
          const affixes = { suffix: <span>{unitWord(view)}</span> };
          const between = getFieldValue([...path, 'op']) === 'between';
          return (
            <Space align="start">
              <Form.Item name={[index, 'value']} dependencies={[[...path, 'field']]} rules={[valueRule('value')]}>
                <Input id={`${id}-value`} aria-label={between ? `${where} 下限` : `${where} 值`} style={{ width: 180 }} inputMode="decimal" autoComplete="off" {...affixes} />
              </Form.Item>
              {between && (
                <>
                  <Typography.Text style={{ lineHeight: '32px' }}>至</Typography.Text>
                  <Form.Item name={[index, 'max']} dependencies={[[...path, 'field'], [...path, 'value']]} rules={[valueRule('max')]}>
                    <Input id={`${id}-max`} aria-label={`${where} 上限`} style={{ width: 180 }} inputMode="decimal" autoComplete="off" {...affixes} />
                  </Form.Item>
                </>
              )}
            </Space>
          );
        }}
      </Form.Item>
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除${where}`} onClick={onRemove} />
    </Space>
  );
}

interface RuleProps {
  fields: readonly RiskFieldView[];
  index: number;
  onRemove(): void;
}

function RuleCard({ fields, index, onRemove }: RuleProps) {
  const id = `rule-${index}`;
  return (
    <ProCard
      bordered
      size="small"
      title={`规则 ${index + 1}`}
      style={{ marginBottom: 16 }}
      extra={
        <Button type="link" danger icon={<DeleteOutlined />} id={`${id}-remove`} onClick={onRemove}>
          删除规则
        </Button>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => {
              const locked = getFieldValue(['rules', index, 'added']) !== true;
              return (
                <Form.Item name={[index, 'ruleId']} label="规则编号" htmlFor={`${id}-ruleId`} tooltip="规则的编号不可更改" required rules={[ruleIdRule]}>
                  {/* Read-only rather than disabled: a rule in force keeps its id, still legible. */}
                  <Input id={`${id}-ruleId`} maxLength={40} autoComplete="off" placeholder="例如 NIGHT_LARGE" readOnly={locked} variant={locked ? 'filled' : 'outlined'} />
                </Form.Item>
              );
            }}
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={[index, 'name']} label="规则名称" htmlFor={`${id}-name`} required rules={[textRule(RULE_NAME_MAX, '规则名称')]}>
            <Input id={`${id}-name`} maxLength={RULE_NAME_MAX} showCount autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[index, 'outcome']} label="处置" htmlFor={`${id}-outcome`} rules={[{ required: true, message: '请选择处置' }]}>
            <Select id={`${id}-outcome`} options={OUTCOME_OPTIONS} placeholder="处置" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={[index, 'kinds']}
        label="适用交易"
        htmlFor={`${id}-kinds`}
        tooltip="规则判断哪些交易：转账、提现到绑定卡、缴费"
        required
        dependencies={[['rules', index, 'outcome']]}
        rules={[kindsRule(index)]}
      >
        <Select id={`${id}-kinds`} mode="multiple" options={KIND_OPTIONS} placeholder="适用交易" style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item noStyle dependencies={[['rules', index, 'outcome']]}>
        {({ getFieldValue }) =>
          getFieldValue(['rules', index, 'outcome']) === 'DELAY' && (
            <Form.Item
              name={[index, 'delayHours']}
              label="延时到账时长（小时）"
              htmlFor={`${id}-delayHours`}
              tooltip="客户确认风险提示后，资金暂不到账，到期放行；到账前客户可随时撤销"
              required
              rules={[delayHoursRule]}
            >
              <Input id={`${id}-delayHours`} inputMode="numeric" maxLength={2} autoComplete="off" style={{ maxWidth: 160 }} addonAfter="小时" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Typography.Paragraph strong>条件（须同时满足）</Typography.Paragraph>
      <Form.List name={[index, 'conditions']} rules={[listRule(MAX_CONDITIONS, `每条规则须有 1–${MAX_CONDITIONS} 个条件`)]}>
        {(conditions, { add, remove }, { errors }) => (
          <>
            {conditions.map((condition) => (
              <ConditionRow key={condition.key} fields={fields} rule={index} index={condition.name} onRemove={() => remove(condition.name)} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} id={`${id}-add-condition`} disabled={conditions.length >= MAX_CONDITIONS} onClick={() => add({} satisfies ConditionValues)} style={{ marginBottom: 16 }}>
              添加条件
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name={[index, 'reason']} label="客户提示语（交易时客户将看到）" htmlFor={`${id}-reason`} required rules={[textRule(REASON_MAX, '客户提示语')]}>
        <Input.TextArea id={`${id}-reason`} rows={3} maxLength={REASON_MAX} showCount />
      </Form.Item>
    </ProCard>
  );
}

interface Props {
  view: RiskRulesView;
  onSubmitted(change: ChangeRequest): void;
}

export function RiskRuleEditor({ view, onSubmitted }: Props) {
  const { ruleSet, fields } = view;
  const [form] = Form.useForm<DraftValues>();
  const [problem, setProblem] = useState<string>();
  // The refusal shows above the rules; the submit button is below them.
  useEffect(() => {
    if (problem) document.getElementById('risk-problem')?.scrollIntoView?.({ block: 'nearest' });
  }, [problem]);
  return (
    <DrawerForm<DraftValues>
      title={`起草风控规则 第 ${ruleSet.version + 1} 版`}
      width={1000}
      form={form}
      initialValues={valuesOf(ruleSet, fields)}
      trigger={
        <Button id="risk-draft" type="primary" icon={<EditOutlined />}>
          起草新版本
        </Button>
      }
      drawerProps={{ destroyOnHidden: true, onClose: () => setProblem(undefined) }}
      submitter={{ searchConfig: { submitText: '提交复核', resetText: '取消' }, submitButtonProps: { id: 'risk-submit' } }}
      onFinish={async () => {
        // The whole store: a rule's `added` mark has no input of its own.
        const values = form.getFieldsValue(true) as DraftValues;
        setProblem(undefined);
        try {
          onSubmitted(await submitRiskRulesChange({ ruleSet: ruleSetOf(values, ruleSet, fields) }));
          return true;
        } catch (error) {
          setProblem(errorMessage(error));
          return false;
        }
      }}
    >
      {problem && <Alert id="risk-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        {`当前为第 ${ruleSet.version} 版。提交后由另一名有复核权限的运营人员在复核中心复核，通过后立即对新的转账生效。金额以元填写。提交前可先回测。`}
      </Typography.Paragraph>
      <RiskBacktest
        ruleSet={async () => {
          // A draft that does not validate shows its own errors and is not tried.
          const valid = await form.validateFields().then(
            () => true,
            () => false,
          );
          return valid ? ruleSetOf(form.getFieldsValue(true) as DraftValues, ruleSet, fields) : undefined;
        }}
      />
      <Form.List name="rules" rules={[listRule(MAX_RULES, `规则须有 1–${MAX_RULES} 条`)]}>
        {(rules, { add, remove }, { errors }) => (
          <>
            {rules.map((rule) => (
              <RuleCard key={rule.key} fields={fields} index={rule.name} onRemove={() => remove(rule.name)} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} id="risk-add-rule" disabled={rules.length >= MAX_RULES} onClick={() => add({ added: true, kinds: ['TRANSFER'], conditions: [{}] } satisfies RuleValues)}>
              添加规则
            </Button>
          </>
        )}
      </Form.List>
    </DrawerForm>
  );
}
