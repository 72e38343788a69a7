// Routes of the product factory's billers (缴费机构) and of the bill reconciliation report. Reading
// billers needs products.read; drafting products.draft, and a draft only ever becomes a change for
// a checker (console-change-routes.ts). The report is for operations and auditors (reconciliation.read).
import * as c from './console-biller-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleBillerRoutes = {
  consoleBillers: {
    method: 'GET',
    path: '/v1/console/billers',
    summary: 'Operator: every biller, suspended ones included, with the change waiting on each',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    response: c.ConsoleBillerList,
  },
  consoleBiller: {
    method: 'GET',
    path: '/v1/console/billers/{billerId}',
    summary: 'Operator: a biller as customers are offered it and the change waiting on it (404 BILLER_NOT_FOUND)',
    auth: 'console',
    permission: 'products.read',
    idempotent: false,
    params: c.BillerIdParams,
    response: c.ConsoleBillerDetail,
  },
  consoleBillerChange: {
    method: 'POST',
    path: '/v1/console/billers/changes',
    summary: 'Maker: submit a new biller, a change to one or its closing (status SUSPENDED) for a checker (400 CHANGE_EMPTY; 409 CHANGE_PENDING; 422 TOO_MANY_BILLERS)',
    auth: 'console',
    permission: 'products.draft',
    idempotent: false,
    body: c.BillerChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleBillReconciliation: {
    method: 'GET',
    path: '/v1/console/bill-reconciliations/{date}',
    summary: "Operator: a business date's reconciliation with the biller gateway, each mismatch with the action taken (404 RECONCILIATION_NOT_FOUND)",
    auth: 'console',
    permission: 'reconciliation.read',
    idempotent: false,
    params: c.ReconciliationDateParams,
    response: c.ReconciliationReport,
  },
} as const satisfies Record<string, RouteSpec>;
