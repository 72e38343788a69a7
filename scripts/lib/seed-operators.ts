// Demo operators of the operations console, safe to run any number of times: one per role (two
// product managers, so one can approve the other's change), password Jinlin@2026, each enrolled
// with a TOTP secret derived from the login — local demo data only (adapters/simulators/
// authenticator.ts); GET /v1/sim/console/totp?login=pm.li shows the current code.
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, demoTotpSecret } from '../../functions/adapters/simulators/authenticator.js';
import { createOperator } from '../../functions/services/operators.js';
import { operatorIdByLogin } from '../../functions/store/operators.js';

export async function seedOperators(now: Date): Promise<void> {
  for (const demo of DEMO_OPERATORS) {
    if (await operatorIdByLogin(demo.login)) continue;
    await createOperator({ login: demo.login, displayName: demo.displayName, roles: [demo.role], password: DEMO_OPERATOR_PASSWORD, totpSecret: demoTotpSecret(demo.login) }, now);
  }
}
