// The demo operators' authenticator app (local stage and tests only; see ../simulated.ts). Local
// demo data only: each demo operator's TOTP secret is derived from their login under a constant
// written here, so the local seed (scripts/lib/seed-operators.ts) enrols them with it and
// GET /v1/sim/console/totp can show the code their phone would. Anyone can derive these secrets
// — which is why this module is never bundled outside the local stage, and an operator created
// anywhere else gets a random secret (services/operators.ts createOperator).
import { createHmac } from 'node:crypto';
import type { OperatorRole } from '../../domain/operator-roles.js';
import { base32Encode, TOTP_SECRET_BYTES, totpAt } from '../../domain/totp.js';

const DEMO_SECRET_KEY = 'jinlin-local-demo-operator-totp-v1';

/** The local stack's demo operators; every one's password is DEMO_OPERATOR_PASSWORD. */
export const DEMO_OPERATORS: readonly { login: string; displayName: string; role: OperatorRole }[] = [
  { login: 'pm.li', displayName: '李娜', role: 'PRODUCT_MANAGER' },
  // The second pair of eyes for pm.li's product changes.
  { login: 'pm.zhou', displayName: '周洋', role: 'PRODUCT_MANAGER' },
  { login: 'risk.wang', displayName: '王磊', role: 'RISK_OFFICER' },
  // The second pair of eyes for risk.wang's anti-fraud rule changes.
  { login: 'risk.liu', displayName: '刘芳', role: 'RISK_OFFICER' },
  { login: 'ops.chen', displayName: '陈晨', role: 'OPERATIONS' },
  { login: 'cs.zhao', displayName: '赵敏', role: 'CUSTOMER_SERVICE' },
  { login: 'audit.sun', displayName: '孙悦', role: 'AUDITOR' },
  { login: 'admin.qian', displayName: '钱坤', role: 'ADMIN' },
  // The second administrator: operators are created, re-roled and deactivated by one and approved by the other.
  { login: 'admin.he', displayName: '何静', role: 'ADMIN' },
];
export const DEMO_OPERATOR_PASSWORD = 'Jinlin@2026';

const isDemo = (login: string) => DEMO_OPERATORS.some((demo) => demo.login === login);

function secretOf(login: string): Buffer {
  return createHmac('sha256', DEMO_SECRET_KEY).update(login).digest().subarray(0, TOTP_SECRET_BYTES);
}

/** A demo operator's TOTP secret (base32), or undefined for any other login. */
export function demoTotpSecret(login: string): string | undefined {
  return isDemo(login) ? base32Encode(secretOf(login)) : undefined;
}

/** The code a demo operator's authenticator shows at `now`, or undefined for any other login. */
export function demoTotpCode(login: string, now: Date): string | undefined {
  return isDemo(login) ? totpAt(secretOf(login), now) : undefined;
}
