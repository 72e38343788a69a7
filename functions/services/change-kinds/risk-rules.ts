// Anti-fraud rules (entity `risk-rules`, after = { ruleSet }): a new version of the whole set,
// in force once approved. Applying it twice, or after a later version, changes nothing.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { RiskRuleSetSchema } from '../../domain/risk-rules.js';
import { putRiskRuleSet } from '../../store/movement-risk.js';
import type { ChangeKindHandler } from './handler.js';

export const RISK_RULES_ENTITY_ID = 'risk-rules';
export const RiskRulesChangeAfter = /* @__PURE__ */ lazySchema(() => z.strictObject({ ruleSet: RiskRuleSetSchema }));

export const riskRulesChange: ChangeKindHandler = {
  permissionToApprove: 'risk.rules.approve',
  async apply(change: ChangeRequest) {
    await putRiskRuleSet(RiskRulesChangeAfter.parse(change.after).ruleSet);
  },
};
