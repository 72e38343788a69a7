// Routes of the bank's operators (x-operator-key): the business date, the day close, the LPR
// and loan products. A table of their own, so the admin function bundles no customer route table.
import * as l from './loan-schemas.js';
import type { RouteSpec } from './route-spec.js';
import * as s from './schemas.js';

export const adminRoutes = {
  adminBusinessDate: {
    method: 'POST',
    path: '/v1/admin/business-date',
    summary: 'Operator (local and test stages only): move the business date forward',
    auth: 'operator',
    idempotent: false,
    body: s.BusinessDateRequest,
    response: s.BusinessDateView,
  },
  adminDayClose: {
    method: 'POST',
    path: '/v1/admin/day-close',
    summary: 'Operator: run the day close now (auto-debit, overdue, reminders) and open the next day',
    auth: 'operator',
    idempotent: false,
    response: s.DayCloseResult,
  },
  adminLpr: {
    method: 'POST',
    path: '/v1/admin/lpr',
    summary: 'Operator: set the 1-year LPR used for new pricing',
    auth: 'operator',
    idempotent: false,
    body: l.LprRequest,
    response: l.LprView,
  },
  adminPublishLoanProduct: {
    method: 'POST',
    path: '/v1/admin/loan-products',
    summary: 'Operator: publish a new version of a loan product',
    auth: 'operator',
    idempotent: false,
    body: l.PublishLoanProductRequest,
    response: l.LoanProductView,
  },
} as const satisfies Record<string, RouteSpec>;
