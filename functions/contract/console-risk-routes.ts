// Routes of 风控规则 (anti-fraud rules) for risk officers: reading needs risk.rules.read; a new
// version only ever becomes a change for a checker (console-change-routes.ts approves it).
import { ChangeRequestView } from './console-change-schemas.js';
import * as c from './console-risk-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleRiskRoutes = {
  consoleRiskRules: {
    method: 'GET',
    path: '/v1/console/risk-rules',
    summary: 'Operator: the anti-fraud rule set in force, with the condition fields\' labels and units',
    auth: 'console',
    permission: 'risk.rules.read',
    idempotent: false,
    response: c.RiskRulesView,
  },
  consoleRiskRulesChange: {
    method: 'POST',
    path: '/v1/console/risk-rules/changes',
    summary: 'Maker: submit a new version of the anti-fraud rules for a checker (400 CHANGE_EMPTY; 409 RISK_RULES_VERSION, CHANGE_PENDING)',
    auth: 'console',
    permission: 'risk.rules.draft',
    idempotent: false,
    body: c.RiskRulesChangeRequest,
    response: ChangeRequestView,
  },
  consoleRiskRulesBacktest: {
    method: 'POST',
    path: '/v1/console/risk-rules/backtest',
    summary: 'Risk officer: try a rule set on the transfers of the last days (each on the numbers it was judged on); writes nothing',
    auth: 'console',
    permission: 'risk.rules.draft',
    idempotent: false,
    body: c.RiskRulesBacktestRequest,
    response: c.RiskRulesBacktestView,
  },
} as const satisfies Record<string, RouteSpec>;
