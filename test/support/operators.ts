// Console operators for tests: created through the service (a random TOTP secret each, as in
// production), signed in through the console function with the code their authenticator would
// show, and requests with their token.
import { randomUUID } from 'node:crypto';
import type { OperatorRole } from '../../functions/domain/operator-roles.js';
import { base32Decode, timeStep, totpForStep } from '../../functions/domain/totp.js';
import { handler as consoleHandler } from '../../functions/http/console.js';
import { createOperator } from '../../functions/services/operators.js';
import { call, type CallOptions, type CallResult } from './bank.js';
import { expectOk } from './expect.js';

export interface TestOperator {
  operatorId: string;
  login: string;
  password: string;
  /** Base32, as enrolled in the authenticator app. */
  totpSecret: string;
}

export async function newOperator(roles: OperatorRole[], displayName = '测试操作员'): Promise<TestOperator> {
  const login = `t.${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const password = `Pw-${randomUUID()}`;
  const { operator, totpSecret } = await createOperator({ login, displayName, roles, password }, new Date());
  return { operatorId: operator.operatorId, login, password, totpSecret };
}

/** The code the operator's authenticator shows `stepsAhead` steps from now (a later step than
 *  the one last used, for a second sign-in within 30 seconds). */
export const totpCode = (who: TestOperator, stepsAhead = 0, at = new Date()) => totpForStep(base32Decode(who.totpSecret)!, timeStep(at) + stepsAhead);

export const consoleCall = (options: CallOptions): Promise<CallResult> => call(consoleHandler, options);

export const passwordStep = (login: string, password: string) => consoleCall({ method: 'POST', path: '/v1/console/sign-in', body: { login, password } });

export const codeStep = (challengeId: string, code: string) => consoleCall({ method: 'POST', path: '/v1/console/sign-in/totp', body: { challengeId, code } });

/** Both steps; the session (token, expiry, operator view). */
export async function signInOperator(who: TestOperator, stepsAhead = 0): Promise<{ accessToken: string; expiresAt: string; operator: Record<string, unknown> }> {
  const { challengeId } = expectOk(await passwordStep(who.login, who.password));
  return expectOk(await codeStep(challengeId, totpCode(who, stepsAhead)));
}
