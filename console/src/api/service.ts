// The service desk's routes (/v1/console/customers*, /v1/console/accounts/*): find, the masked
// 360 view, a reveal with a reason, a freeze, an unfreeze request. The server audits each change
// and each reveal; the console only asks.
import { consoleRequest } from './http';
import type { ChangeRequest, ConsoleAccount, Customer360, CustomerSearchCriterion, CustomerSearchResult, RevealField } from './types';

export function searchCustomers(criterion: CustomerSearchCriterion, value: string): Promise<CustomerSearchResult> {
  return consoleRequest({ method: 'GET', path: '/v1/console/customers', query: { [criterion]: value } });
}

export function fetchCustomer360(customerId: string): Promise<Customer360> {
  return consoleRequest({ method: 'GET', path: `/v1/console/customers/${encodeURIComponent(customerId)}` });
}

export function revealCustomerField(customerId: string, field: RevealField, reason: string): Promise<{ value: string }> {
  return consoleRequest({ method: 'POST', path: `/v1/console/customers/${encodeURIComponent(customerId)}/reveal`, body: { field, reason } });
}

export function freezeAccount(accountId: string, reason: string): Promise<ConsoleAccount> {
  return consoleRequest({ method: 'POST', path: `/v1/console/accounts/${encodeURIComponent(accountId)}/freeze`, body: { reason } });
}

export function requestUnfreeze(accountId: string, reason: string): Promise<ChangeRequest> {
  return consoleRequest({ method: 'POST', path: `/v1/console/accounts/${encodeURIComponent(accountId)}/unfreeze-requests`, body: { reason } });
}
