// The anti-fraud rules' routes (/v1/console/risk-rules*): the rule set in force with the condition
// fields' labels and units, and a new version submitted as a change for a second operator.
import { consoleRequest } from './http';
import type { ChangeRequest, RiskRulesChange, RiskRulesView } from './types';

export function fetchRiskRules(): Promise<RiskRulesView> {
  return consoleRequest({ method: 'GET', path: '/v1/console/risk-rules' });
}

export function submitRiskRulesChange(change: RiskRulesChange): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: '/v1/console/risk-rules/changes', body: change });
}
