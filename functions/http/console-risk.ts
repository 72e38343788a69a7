// 风控规则 in the operations console: the anti-fraud rules in force, and a new version submitted
// for a checker (services/risk-rules.ts). Nothing here puts rules in force.
import { consoleRiskRoutes as routes } from '../contract/console-risk-routes.js';
import { RISK_FIELD_LABELS, RISK_FIELDS } from '../domain/risk-rules.js';
import { backtestRiskRuleSet, riskRulesInForce, submitRiskRulesChange } from '../services/risk-rules.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const inForce = defineConsoleRoute('consoleRiskRules', routes.consoleRiskRules, async () => {
  const { ruleSet, pendingChangeId } = await riskRulesInForce();
  return {
    ruleSet,
    fields: RISK_FIELDS.map((field) => ({ field, ...RISK_FIELD_LABELS[field] })),
    ...(pendingChangeId ? { pendingChangeId } : {}),
  };
});

const change = defineConsoleRoute('consoleRiskRulesChange', routes.consoleRiskRulesChange, ({ body, operator, now }) => submitRiskRulesChange(body.ruleSet, operator, now));

const backtest = defineConsoleRoute('consoleRiskRulesBacktest', routes.consoleRiskRulesBacktest, ({ body, now }) => backtestRiskRuleSet(body.ruleSet, body.days, now));

export const handler = lambda([inForce, change, backtest]);
