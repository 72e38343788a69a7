// Routes of 销户 (closing the e-account): the pre-check and the closing.
import * as s from './account-closure-schemas.js';
import type { RouteSpec } from './route-spec.js';
import { AccountClosure } from './schemas.js';

export const accountClosureRoutes = {
  closureCheck: {
    method: 'GET',
    path: '/v1/account/closure',
    summary: 'Whether the account may be closed: every blocker (loan, wealth, bill payment, a delayed transfer, freeze) at once',
    auth: 'customer',
    idempotent: false,
    response: s.ClosureCheck,
  },
  closeAccount: {
    method: 'POST',
    path: '/v1/account/closure',
    summary: 'Close the account for good: the balance swept to the bound card, records kept for the AML retention period',
    auth: 'customer',
    idempotent: true,
    secondFactor: 'required',
    body: s.AccountClosureRequest,
    response: AccountClosure,
  },
} as const satisfies Record<string, RouteSpec>;
