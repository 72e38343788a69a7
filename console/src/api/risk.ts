// The anti-fraud rules' routes (/v1/console/risk-rules*): the rule set in force with the condition
// fields' labels and units, a new version submitted as a change for a second operator, and a
// backtest of a set on recorded transfers.
import { consoleRequest } from './http';
import type { ChangeRequest, RiskRulesBacktest, RiskRulesBacktestRequest, RiskRulesChange, RiskRulesView } from './types';

export function fetchRiskRules(): Promise<RiskRulesView> {
  return consoleRequest({ method: 'GET', path: '/v1/console/risk-rules' });
}

export function submitRiskRulesChange(change: RiskRulesChange): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/risk-rules/changes', body: change });
}

/** A rule set tried on the transfers of the last days; writes nothing. */
export function backtestRiskRules(request: RiskRulesBacktestRequest): Promise<RiskRulesBacktest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/risk-rules/backtest', body: request });
}
