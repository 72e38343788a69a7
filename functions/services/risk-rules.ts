// The anti-fraud rules in the console (风控规则): the set in force, and a new version submitted
// for a second operator's approval (maker-checker, services/change-requests.ts); it is in force
// once approved (change-kinds/risk-rules.ts).
import type { ChangeRequest } from '../domain/change-requests.js';
import { type BacktestResult, backtestRiskRules, MAX_BACKTEST_MOVEMENTS, type RecordedMovement } from '../domain/risk-backtest.js';
import type { RiskRuleSet } from '../domain/risk-rules.js';
import { businessDate } from '../domain/time.js';
import { getRiskRuleSet, movementsOfDay } from '../store/movement-risk.js';
import { RISK_RULES_ENTITY_ID } from './change-kinds/risk-rules.js';
import type { ConsoleOperator } from './operators.js';
import { inForceWithPending, submitNextVersion, type VersionedSubject } from './versioned-changes.js';

const RISK_RULES: VersionedSubject = { kind: 'RISK_RULES', entityId: RISK_RULES_ENTITY_ID, field: 'ruleSet', name: '风控规则', versionCode: 'RISK_RULES_VERSION' };

/** The set in force, and the change waiting on it, if any. */
export async function riskRulesInForce(): Promise<{ ruleSet: RiskRuleSet; pendingChangeId: string | undefined }> {
  const { inForce, pendingChangeId } = await inForceWithPending(RISK_RULES, getRiskRuleSet);
  return { ruleSet: inForce, pendingChangeId };
}

/** A new version of the whole set: the next number after the one in force. */
export async function submitRiskRulesChange(ruleSet: RiskRuleSet, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  return submitNextVersion(RISK_RULES, await getRiskRuleSet(), ruleSet, (set) => set.rules, maker, now);
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RiskRulesBacktest extends BacktestResult {
  fromDate: string;
  toDate: string;
  /** More movements than one backtest judges: the oldest dates were left out. */
  truncated: boolean;
}

/** A rule set tried on the movements of the last `days` business dates, today included, newest
 *  date first (so a cut-short backtest keeps the most recent traffic). Writes nothing. */
export async function backtestRiskRuleSet(ruleSet: RiskRuleSet, days: number, now: Date): Promise<RiskRulesBacktest> {
  const dates = Array.from({ length: days }, (_, i) => businessDate(new Date(now.getTime() - i * DAY_MS)));
  const movements: RecordedMovement[] = [];
  let truncated = false;
  for (const date of dates) {
    // One more than fits tells a full backtest from one cut short.
    const found = await movementsOfDay(date, MAX_BACKTEST_MOVEMENTS - movements.length + 1);
    movements.push(...found);
    if (movements.length > MAX_BACKTEST_MOVEMENTS) {
      truncated = true;
      break;
    }
  }
  // Newest first, as the examples are read (the index gives each shard in its own order).
  movements.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { ...backtestRiskRules(ruleSet, movements), fromDate: dates.at(-1)!, toDate: dates[0]!, truncated };
}
