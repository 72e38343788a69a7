// Demo operators of the operations console, safe to run any number of times: one per role (two
// product managers and two administrators, so one can approve the other's change), password
// Jinlin@2026, each enrolled
// with a TOTP secret derived from the login — local demo data only (adapters/simulators/
// authenticator.ts); GET /v1/sim/console/totp?login=pm.li shows the current code.
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, demoTotpSecret } from '../../functions/adapters/simulators/authenticator.js';
import { createOperator } from '../../functions/services/operators.js';
import { ensureDirectoryEntry, getOperator, operatorIdByLogin } from '../../functions/store/operators.js';

export async function seedOperators(now: Date): Promise<void> {
  for (const demo of DEMO_OPERATORS) {
    const operatorId = await operatorIdByLogin(demo.login);
    // One seeded before 运营人员管理 existed gets its entry in the operators' directory.
    const existing = operatorId ? await getOperator(operatorId) : undefined;
    if (existing) await ensureDirectoryEntry(existing);
    if (operatorId) continue;
    await createOperator({ login: demo.login, displayName: demo.displayName, roles: [demo.role], password: DEMO_OPERATOR_PASSWORD, totpSecret: demoTotpSecret(demo.login) }, now);
  }
}
