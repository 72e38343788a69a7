// Routes of the console's service desk (客户服务): find a customer through the keyed blind
// indexes, the masked 360 view, a reveal with a typed reason, an e-account's freeze and the
// request to lift it (approved through the changes routes by a second operator); complaint tickets
// (投诉工单): the queues by deadline, a ticket, taking and answering it, proposing a correction
// (差错调整) of its disputed movement. A table of its own, so the
// consoleService function bundles none of the other sections' schemas. None Scans.
import * as c from './complaint-schemas.js';
import { ChangeRequestView } from './console-change-schemas.js';
import * as s from './console-service-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleServiceRoutes = {
  consoleCustomerSearch: {
    method: 'GET',
    path: '/v1/console/customers',
    summary: 'Operator: customers with this exact phone, account number or name (one of them), masked, at most 20 — keyed blind-index lookups, never a Scan',
    auth: 'console',
    permission: 'customers.read',
    idempotent: false,
    query: s.CustomerSearchQuery,
    response: s.CustomerSearchResult,
  },
  consoleCustomer360: {
    method: 'GET',
    path: '/v1/console/customers/{customerId}',
    summary: 'Operator: a customer’s 360 view, masked — profile, e-account (with its freeze), recent postings, loans, bills, wealth, manager, PIN lock state (404 CUSTOMER_NOT_FOUND)',
    auth: 'console',
    permission: 'customers.read',
    idempotent: false,
    params: s.CustomerIdParams,
    response: s.Customer360View,
  },
  consoleCustomerReveal: {
    method: 'POST',
    path: '/v1/console/customers/{customerId}/reveal',
    summary: 'Operator: the full phone or ID number, with a typed reason — recorded in the audit log before the value is returned (404 CUSTOMER_NOT_FOUND, FIELD_NOT_SET)',
    auth: 'console',
    permission: 'customers.reveal',
    idempotent: false,
    params: s.CustomerIdParams,
    body: s.RevealRequest,
    response: s.RevealedValue,
  },
  consoleAccountFreeze: {
    method: 'POST',
    path: '/v1/console/accounts/{accountId}/freeze',
    summary: 'Operator: freeze an e-account at once, with a reason (audited in the same transaction); the ledger then refuses its debits (404 ACCOUNT_NOT_FOUND, 409 ACCOUNT_ALREADY_FROZEN)',
    auth: 'console',
    permission: 'accounts.freeze',
    idempotent: false,
    params: s.AccountIdParams,
    body: s.ReasonRequest,
    response: s.ConsoleAccountView,
  },
  consoleAccountUnfreezeRequest: {
    method: 'POST',
    path: '/v1/console/accounts/{accountId}/unfreeze-requests',
    summary: 'Operator: ask for a frozen e-account’s unfreeze — a change request (ACCOUNT_UNFREEZE) another operator approves (404 ACCOUNT_NOT_FOUND, 409 ACCOUNT_NOT_FROZEN, CHANGE_PENDING)',
    auth: 'console',
    permission: 'accounts.unfreeze.request',
    idempotent: false,
    params: s.AccountIdParams,
    body: s.ReasonRequest,
    response: ChangeRequestView,
  },
  consoleComplaints: {
    method: 'GET',
    path: '/v1/console/complaints',
    summary: 'Operator: complaint tickets of one queue — OPEN nearest deadline first (overdue marked), ANSWERED, CLOSED — with their customers masked; a Query on the queue’s partition, never a Scan',
    auth: 'console',
    permission: 'complaints.read',
    idempotent: false,
    query: c.DeskQueueQuery,
    response: c.DeskComplaintList,
  },
  consoleComplaint: {
    method: 'GET',
    path: '/v1/console/complaints/{ticketId}',
    summary: 'Operator: one complaint ticket, the disputed movement and the customer, masked, with its corrections (差错调整) and what may still be corrected (404 COMPLAINT_NOT_FOUND)',
    auth: 'console',
    permission: 'complaints.read',
    idempotent: false,
    params: c.ComplaintParams,
    response: c.DeskComplaintDetailView,
  },
  consoleComplaintTake: {
    method: 'POST',
    path: '/v1/console/complaints/{ticketId}/take',
    summary: 'Operator: take a received ticket (处理中), recorded in the audit log in the same transaction (409 COMPLAINT_ALREADY_TAKEN)',
    auth: 'console',
    permission: 'complaints.answer',
    idempotent: false,
    params: c.ComplaintParams,
    response: c.DeskComplaintDetailView,
  },
  consoleComplaintAnswer: {
    method: 'POST',
    path: '/v1/console/complaints/{ticketId}/answer',
    summary: 'Operator: the bank’s answer to an open ticket, which the customer then reads; recorded in the audit log in the same transaction (409 COMPLAINT_ALREADY_ANSWERED)',
    auth: 'console',
    permission: 'complaints.answer',
    idempotent: false,
    params: c.ComplaintParams,
    body: c.ComplaintAnswerRequest,
    response: c.DeskComplaintDetailView,
  },
  consoleComplaintCorrection: {
    method: 'POST',
    path: '/v1/console/complaints/{ticketId}/corrections',
    summary: 'Operator: propose a correction (差错调整) of the ticket’s disputed movement — a credit to the customer’s e-account from the bank’s correction account, a change request (COMPLAINT_CORRECTION) another operator approves (404 COMPLAINT_NOT_FOUND; 409 COMPLAINT_NOT_DISPUTE, COMPLAINT_CLOSED, ACCOUNT_CLOSED, CHANGE_PENDING; 422 CORRECTION_EXCEEDS_DISPUTED)',
    auth: 'console',
    permission: 'corrections.propose',
    idempotent: false,
    params: c.ComplaintParams,
    body: c.CorrectionRequest,
    response: ChangeRequestView,
  },
} as const satisfies Record<string, RouteSpec>;
