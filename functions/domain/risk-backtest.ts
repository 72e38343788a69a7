// A backtest of anti-fraud rules (issue 18): a proposed rule set tried on the movements that went
// through in the last days, each on the numbers it was judged on when it was made (recorded with
// its journal), before a second risk officer approves the set. Movements the rules refused left
// no journal, so the backtest says what the proposal would do to the traffic that was let through.
import { OPTIONAL_RISK_FIELDS, RISK_FIELDS, RISK_OUTCOMES, decideOnFields, type RiskFields, type RiskMovementKind, type RiskOutcome, type RiskRuleSet } from './risk-rules.js';

/** How far back a backtest may look, in business dates (today included). */
export const MAX_BACKTEST_DAYS = 30;
/** How many movements one backtest judges at most; past that it says it was cut short. */
export const MAX_BACKTEST_MOVEMENTS = 20_000;
/** How many changed movements it lists as examples. */
export const BACKTEST_EXAMPLES = 20;

export interface RecordedMovement {
  journalId: string;
  kind: RiskMovementKind;
  createdAt: string;
  amountFen: number;
  /** What the rules in force decided then, and on what; absent on movements made before the
   *  numbers were recorded. */
  risk?: { ruleSetVersion: number; outcome: RiskOutcome; fields?: Partial<Record<string, number>> };
}

export interface BacktestExample {
  journalId: string;
  kind: RiskMovementKind;
  createdAt: string;
  amountFen: number;
  recorded: RiskOutcome;
  proposed: RiskOutcome;
  /** The proposed set's rules that matched. */
  ruleIds: string[];
}

export interface BacktestResult {
  /** Movements judged again (those with their numbers recorded). */
  judged: number;
  /** Movements skipped: made before their numbers were recorded. */
  withoutFields: number;
  /** Outcomes as decided when the movements were made, and as the proposed set would decide. */
  recorded: Record<RiskOutcome, number>;
  proposed: Record<RiskOutcome, number>;
  /** Movements whose outcome the proposed set changes. */
  changed: number;
  /** How many movements each proposed rule matched, in the set's order. */
  byRule: { ruleId: string; matched: number }[];
  examples: BacktestExample[];
}

const zeroes = (): Record<RiskOutcome, number> => Object.fromEntries(RISK_OUTCOMES.map((outcome) => [outcome, 0])) as Record<RiskOutcome, number>;

/** The recorded numbers, when every field the rules read is there (an optional one may not be). */
function recordedFields(movement: RecordedMovement): RiskFields | undefined {
  const fields = movement.risk?.fields;
  if (!fields) return undefined;
  const required = RISK_FIELDS.filter((field) => !(OPTIONAL_RISK_FIELDS as readonly string[]).includes(field));
  return required.every((field) => Number.isFinite(fields[field])) ? (fields as RiskFields) : undefined;
}

export function backtestRiskRules(ruleSet: RiskRuleSet, movements: readonly RecordedMovement[]): BacktestResult {
  const result: BacktestResult = {
    judged: 0,
    withoutFields: 0,
    recorded: zeroes(),
    proposed: zeroes(),
    changed: 0,
    byRule: ruleSet.rules.map((rule) => ({ ruleId: rule.ruleId, matched: 0 })),
    examples: [],
  };
  for (const movement of movements.slice(0, MAX_BACKTEST_MOVEMENTS)) {
    const fields = recordedFields(movement);
    if (!fields || !movement.risk) {
      result.withoutFields++;
      continue;
    }
    const decision = decideOnFields(ruleSet, movement.kind, fields);
    result.judged++;
    result.recorded[movement.risk.outcome]++;
    result.proposed[decision.outcome]++;
    for (const matched of decision.matched) result.byRule.find((rule) => rule.ruleId === matched.ruleId)!.matched++;
    if (decision.outcome === movement.risk.outcome) continue;
    result.changed++;
    if (result.examples.length < BACKTEST_EXAMPLES) {
      result.examples.push({
        journalId: movement.journalId,
        kind: movement.kind,
        createdAt: movement.createdAt,
        amountFen: movement.amountFen,
        recorded: movement.risk.outcome,
        proposed: decision.outcome,
        ruleIds: decision.matched.map((matched) => matched.ruleId),
      });
    }
  }
  return result;
}
