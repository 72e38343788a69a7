// The console's sign-in routes (/v1/console/*) and the local stage's demo-code simulator.
import { consoleRequest, publicRequest } from './http';
import type { ConsoleSignIn, DemoCode, OperatorView, SignedOut, SignInChallenge } from './types';

/** Step 1: the password. The answer is a challenge for the 动态口令 (TOTP) step. */
export function signIn(login: string, password: string): Promise<SignInChallenge> {
  return publicRequest({ method: 'POST', path: '/v1/console/sign-in', body: { login, password } });
}

/** Step 2: the 6-digit 动态口令 for the challenge. */
export function submitTotp(challengeId: string, code: string): Promise<ConsoleSignIn> {
  return publicRequest({ method: 'POST', path: '/v1/console/sign-in/totp', body: { challengeId, code } });
}

export function fetchMe(): Promise<OperatorView> {
  return consoleRequest({ method: 'GET', path: '/v1/console/me' });
}

export function signOut(): Promise<SignedOut> {
  return consoleRequest({ method: 'POST', path: '/v1/console/sign-out' });
}

/** Local stage only: a demo operator's current code, from the TOTP simulator. */
export async function localDemoCode(login: string): Promise<string> {
  const answer = await publicRequest<DemoCode>({ method: 'GET', path: '/v1/sim/console/totp', query: { login } });
  return answer.code;
}
