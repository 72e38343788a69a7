// The anti-fraud rules in the console (风控规则): the set in force, and a new version submitted
// for a second operator's approval (maker-checker, services/change-requests.ts); it is in force
// once approved (change-kinds/risk-rules.ts).
import type { ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import type { RiskRuleSet } from '../domain/risk-rules.js';
import { getRiskRuleSet } from '../store/transfer-risk.js';
import { RISK_RULES_ENTITY_ID } from './change-kinds/risk-rules.js';
import { pendingChangeIds, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

/** The set in force, and the change waiting on it, if any. */
export async function riskRulesInForce(): Promise<{ ruleSet: RiskRuleSet; pendingChangeId: string | undefined }> {
  const [ruleSet, pending] = await Promise.all([getRiskRuleSet(), pendingChangeIds([RISK_RULES_ENTITY_ID])]);
  return { ruleSet, pendingChangeId: pending.get(RISK_RULES_ENTITY_ID) };
}

/** A new version of the whole set: the next number after the one in force. */
export async function submitRiskRulesChange(ruleSet: RiskRuleSet, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const current = await getRiskRuleSet();
  if (ruleSet.version !== current.version + 1) {
    return refuse('conflict', 'RISK_RULES_VERSION', `风控规则当前为第 ${current.version} 版，新版本应为第 ${current.version + 1} 版，请刷新后重新起草`);
  }
  // The version number alone is no change.
  if (JSON.stringify(ruleSet.rules) === JSON.stringify(current.rules)) return refuse('invalid', 'CHANGE_EMPTY', '变更内容与当前一致，无需提交');
  return submitChange({
    kind: 'RISK_RULES',
    entityId: RISK_RULES_ENTITY_ID,
    entityLabel: `风控规则 第 ${ruleSet.version} 版`,
    before: { ruleSet: current },
    after: { ruleSet },
    maker,
    now,
  });
}
