// Routes of the operations console (运营中台): operators sign in with a password and a TOTP code
// and present the session's token; every route after sign-in names the permission it needs. A
// table of its own, so the console function bundles no customer route table.
import * as c from './console-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleRoutes = {
  consoleSignIn: {
    method: 'POST',
    path: '/v1/console/sign-in',
    summary: 'Operator sign-in, step one: login and password → a challenge for the TOTP code (401 SIGN_IN_FAILED, 423 OPERATOR_LOCKED)',
    auth: 'none',
    idempotent: false,
    body: c.ConsoleSignInRequest,
    response: c.ConsoleSignInChallenge,
  },
  consoleSignInTotp: {
    method: 'POST',
    path: '/v1/console/sign-in/totp',
    summary: 'Operator sign-in, step two: the challenge and the authenticator code → a console session (401 TOTP_INCORRECT, TOTP_USED, SIGN_IN_EXPIRED; 423 OPERATOR_LOCKED)',
    auth: 'none',
    idempotent: false,
    body: c.ConsoleTotpRequest,
    response: c.ConsoleSession,
  },
  consoleSignOut: {
    method: 'POST',
    path: '/v1/console/sign-out',
    summary: 'Operator: end this session; its token stops working at once',
    auth: 'console',
    permission: 'console.me',
    idempotent: false,
    response: c.ConsoleSignedOut,
  },
  consoleMe: {
    method: 'GET',
    path: '/v1/console/me',
    summary: 'Operator: who is signed in, their roles and permissions',
    auth: 'console',
    permission: 'console.me',
    idempotent: false,
    response: c.OperatorView,
  },
  // Reading the log changes nothing and is not itself recorded (docs/ARCHITECTURE.md, Audit log).
  consoleAuditPage: {
    method: 'GET',
    path: '/v1/console/audit',
    summary: 'Operator: the audit log, newest first, a page at a time by sequence number (beforeSeq, limit ≤ 100, 20 by default)',
    auth: 'console',
    permission: 'audit.read',
    idempotent: false,
    query: c.AuditPageQuery,
    response: c.AuditPage,
  },
  consoleAuditVerification: {
    method: 'GET',
    path: '/v1/console/audit/verification',
    summary: 'Operator: verify the audit log’s MAC chain, its head and the newest anchor; the first problem with its entry number',
    auth: 'console',
    permission: 'audit.read',
    idempotent: false,
    response: c.AuditVerification,
  },
  simConsoleTotp: {
    method: 'GET',
    path: '/v1/sim/console/totp',
    summary: 'Simulator (local stage only): the current TOTP code of a demo operator',
    auth: 'none',
    idempotent: false,
    query: c.SimulatorTotpQuery,
    response: c.SimulatorTotpCode,
    simulatorOnly: true,
  },
} as const satisfies Record<string, RouteSpec>;
