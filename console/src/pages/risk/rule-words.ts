// A rule as officers read it: each condition in words with the server's field labels and units —
// money (FEN) as ¥ with its fen, formatted from the server's integers, never recomputed.
import { kindsOfRule, RISK_MOVEMENT_KIND_LABELS } from '../../../../functions/domain/risk-rules';
import type { RiskCondition, RiskFieldView, RiskOp, RiskRule } from '@/api/types';
import { money } from '@/money';

export const OP_LABELS: Record<RiskOp, string> = { lt: '小于', lte: '不大于', gt: '大于', gte: '不小于', eq: '等于', between: '介于' };

export const OUTCOME_LABELS: Record<RiskRule['outcome'], string> = { WARN: '提示确认', STEP_UP: '加强验证', DELAY: '延时到账', BLOCK: '拦截' };

/** A rule's outcome in words: 延时到账 with its hours (the customer confirms, then the money waits). */
export function outcomeText(rule: Pick<RiskRule, 'outcome' | 'delayHours'>): string {
  return rule.outcome === 'DELAY' ? `${OUTCOME_LABELS.DELAY} ${rule.delayHours} 小时` : OUTCOME_LABELS[rule.outcome];
}

/** Money is typed and shown in yuan. */
export const isMoney = (field: RiskFieldView | undefined) => field?.unit === 'FEN';

const UNIT_WORDS: Record<RiskFieldView['unit'], string> = { FEN: '元', HOUR_OF_DAY: '时', HOURS: '小时', COUNT: '笔', YEARS: '岁', LEVEL: '级' };

/** The word after a value as typed: 元 for money, 时 for an hour of the day, 小时 for a number of
 *  hours, 笔 for a number of movements, 级 for a risk level. */
export function unitWord(field: RiskFieldView | undefined): string {
  return field ? UNIT_WORDS[field.unit] : '';
}

function valueText(field: RiskFieldView | undefined, value: number): string {
  if (isMoney(field) && Number.isSafeInteger(value) && value >= 0) return money(value);
  return field ? `${value} ${unitWord(field)}` : String(value);
}

/** The movements a rule judges in words: 转账、缴费. */
export const kindsText = (rule: Pick<RiskRule, 'kinds'>): string => kindsOfRule(rule).map((kind) => RISK_MOVEMENT_KIND_LABELS[kind]).join('、');

/** A rule in one line, for the checker (复核中心): 疑似被骗转账（VICTIM_TRANSFER v3）：金额 不小于
 *  ¥5,000.00，且 …；适用 转账；提示确认；客户提示语：…. */
export function ruleText(fields: readonly RiskFieldView[], rule: RiskRule): string {
  const conditions = rule.conditions.map((condition) => conditionText(fields, condition)).join('，且 ');
  return `${rule.name}（${rule.ruleId} v${rule.version}）：${conditions}；适用 ${kindsText(rule)}；${outcomeText(rule)}；客户提示语：${rule.reason}`;
}

/** 金额 不小于 ¥5,000.00; 北京时间（时） 介于 0 时 至 6 时. A field the server did not label
 *  shows its own name. */
export function conditionText(fields: readonly RiskFieldView[], condition: RiskCondition): string {
  const field = fields.find((candidate) => candidate.field === condition.field);
  const value = condition.op === 'between' ? `${valueText(field, condition.value[0])} 至 ${valueText(field, condition.value[1])}` : valueText(field, condition.value);
  return `${field?.label ?? condition.field} ${OP_LABELS[condition.op]} ${value}`;
}
