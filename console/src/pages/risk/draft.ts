// The rule editor's form values and the rule set they make. Money is typed in yuan and read into
// whole fen digit by digit (fenOfYuanText); other values are plain numbers in the field's unit.
// A rule's own version goes up only when the rule changed; a new rule starts at 1.
import { fenOfYuanText, formatYuan } from '../../../../functions/domain/format';
import { kindsOfRule, RISK_MOVEMENT_KINDS, type RiskMovementKind } from '../../../../functions/domain/risk-rules';
import type { RiskCondition, RiskField, RiskFieldView, RiskOp, RiskRule, RiskRuleSet } from '@/api/types';
import { isMoney } from './rule-words';

export interface ConditionValues {
  field?: RiskField;
  op?: RiskOp;
  /** The value, or the lower bound of 介于. */
  value?: string;
  /** The upper bound of 介于. */
  max?: string;
}

export interface RuleValues {
  ruleId?: string;
  /** Added in this draft: its ruleId may still be chosen (a rule in force keeps its own). */
  added?: boolean;
  name?: string;
  /** The movements it judges (适用交易). */
  kinds?: RiskMovementKind[];
  conditions?: ConditionValues[];
  outcome?: RiskRule['outcome'];
  /** 延时到账's hours, when the outcome is DELAY. */
  delayHours?: string;
  reason?: string;
}

export interface DraftValues {
  rules?: RuleValues[];
}

export const RULE_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
export const MAX_RULES = 50;
export const MAX_CONDITIONS = 8;
export const RULE_NAME_MAX = 40;
export const REASON_MAX = 200;
export const DELAY_HOURS_MAX = 72;

/** Non-negative, at most two decimals: hours, an hour of the day. */
const PLAIN_NUMBER = /^\d{1,9}(?:\.\d{1,2})?$/;

/** What the field's input holds for a stored value: yuan for money (500010 → "5000.10"). */
export function inputOf(field: RiskFieldView | undefined, value: number): string {
  return isMoney(field) && Number.isSafeInteger(value) && value >= 0 ? formatYuan(value).replaceAll(',', '') : String(value);
}

/** The stored value an input holds (yuan → fen exactly); undefined when it is not one. */
export function numberOf(field: RiskFieldView | undefined, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (isMoney(field)) return fenOfYuanText(text);
  return PLAIN_NUMBER.test(text.trim()) ? Number(text.trim()) : undefined;
}

export function valuesOf(ruleSet: RiskRuleSet, fields: readonly RiskFieldView[]): DraftValues {
  const fieldView = (field: RiskField) => fields.find((candidate) => candidate.field === field);
  return {
    rules: ruleSet.rules.map(({ ruleId, name, kinds, conditions, outcome, delayHours, reason }) => ({
      ruleId,
      added: false,
      name,
      kinds: [...kindsOfRule({ kinds })],
      outcome,
      ...(delayHours === undefined ? {} : { delayHours: String(delayHours) }),
      reason,
      conditions: conditions.map(({ field, op, value }) =>
        typeof value === 'number'
          ? { field, op, value: inputOf(fieldView(field), value) }
          : { field, op, value: inputOf(fieldView(field), value[0]), max: inputOf(fieldView(field), value[1]) },
      ),
    })),
  };
}

function conditionOf({ field, op, value, max }: ConditionValues, fields: readonly RiskFieldView[]): RiskCondition {
  const view = fields.find((candidate) => candidate.field === field);
  const at = (text: string | undefined) => numberOf(view, text)!;
  return op === 'between' ? { field: field!, op, value: [at(value), at(max)] } : { field: field!, op: op!, value: at(value) };
}

/** What a rule says, its version aside: a rule without kinds says transfers (kindsOfRule). */
const saying = (rule: Omit<RiskRule, 'version'>) =>
  JSON.stringify([rule.name, kindsOfRule(rule), rule.conditions.map(({ field, op, value }) => [field, op, value]), rule.outcome, rule.delayHours ?? null, rule.reason]);

/** Two rules say the same thing (their versions aside). */
const sameRule = (a: Omit<RiskRule, 'version'>, b: Omit<RiskRule, 'version'>) => saying(a) === saying(b);

/** The kinds as the server lists them, whatever order they were picked in. */
const inKindOrder = (kinds: readonly RiskMovementKind[]) => RISK_MOVEMENT_KINDS.filter((kind) => kinds.includes(kind));

/** The next version of the set from a validated form: numbered after the one in force. */
export function ruleSetOf(values: DraftValues, current: RiskRuleSet, fields: readonly RiskFieldView[]): RiskRuleSet {
  const inForce = new Map(current.rules.map((rule) => [rule.ruleId, rule]));
  return {
    version: current.version + 1,
    rules: (values.rules ?? []).map((rule) => {
      const drafted = {
        ruleId: rule.ruleId!.trim(),
        name: rule.name!.trim(),
        kinds: inKindOrder(rule.kinds ?? []),
        conditions: (rule.conditions ?? []).map((condition) => conditionOf(condition, fields)),
        outcome: rule.outcome!,
        ...(rule.outcome === 'DELAY' ? { delayHours: Number(rule.delayHours!.trim()) } : {}),
        reason: rule.reason!.trim(),
      };
      const before = inForce.get(drafted.ruleId);
      const version = before ? (sameRule(before, drafted) ? before.version : before.version + 1) : 1;
      const { ruleId, name, kinds, conditions, outcome, delayHours, reason } = drafted;
      return { ruleId, version, name, kinds, conditions, outcome, ...(delayHours === undefined ? {} : { delayHours }), reason };
    }),
  };
}
