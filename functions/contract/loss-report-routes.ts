// Routes of 挂失 (report loss) and its lift (domain/loss-report.ts). Signed out, they answer
// anyone: the identity check (a code to the bound phone, then four answers) says who.
import * as s from './loss-report-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const lossReportRoutes = {
  lossReport: {
    method: 'POST',
    path: '/v1/me/loss-report',
    summary: 'Report loss (挂失), signed in: every session revoked, the e-account frozen for debits (409 LOSS_ALREADY_REPORTED)',
    auth: 'customer',
    idempotent: false,
    body: s.LossReportRequest,
    response: s.LossReportResult,
  },
  lossCode: {
    method: 'POST',
    path: '/v1/loss-report/code',
    summary: 'Signed out: send a code to the bound phone of the customer the real name, ID number and bound card name, to report loss or lift it',
    auth: 'none',
    idempotent: false,
    body: s.LossCodeRequest,
    response: s.LossCodeSent,
  },
  lossReportByIdentity: {
    method: 'POST',
    path: '/v1/loss-report',
    summary: 'Signed out: report loss (挂失) with the identity check — real name, ID number, bound card and the code',
    auth: 'none',
    idempotent: false,
    body: s.LossReportByIdentityRequest,
    response: s.LossReportResult,
  },
  lossLift: {
    method: 'POST',
    path: '/v1/loss-report/lift',
    summary: 'Lift a loss report (解除挂失) with the identity check; every session revoked, the customer signs in again (422 LOSS_NOT_REPORTED)',
    auth: 'none',
    idempotent: false,
    body: s.LossLiftRequest,
    response: s.LossLiftResult,
  },
} as const satisfies Record<string, RouteSpec>;
