// SOTER (指纹/面容支付) as the device does it: wx.startSoterAuthentication for the nonce's challenge,
// answered here by the WeChat simulator's phone of the signed-in customer (its own key).
import assert from 'node:assert/strict';
import type { SoterSecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call } from './bank.js';
import { authorize, encryptPin } from './second-factor.js';

export const SOTER_PATH = '/v1/me/soter';

/** What the phone of the customer signed in with `token` answers for `challenge`. */
export async function soterResult(token: string, challenge: string): Promise<{ resultJson: string; resultJsonSignature: string }> {
  const answer = await call(simulator, { method: 'POST', path: '/v1/sim/wechat/soter', token, body: { challenge } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const { resultJson, resultJsonSignature } = answer.body;
  return { resultJson, resultJsonSignature };
}

/**
 * A SOTER second factor for one request of the customer signed in with `token`: a nonce asked for
 * it, and the result their phone signs for its challenge. `signer` signs instead (another
 * customer's phone: another key); `challenge` replaces the nonce's (a result made for another).
 */
export async function soterFactor(
  token: string,
  path: string,
  body: Record<string, unknown>,
  { signer = token, challenge }: { signer?: string; challenge?: string } = {},
): Promise<SoterSecondFactor> {
  const authorization = await authorize(token, path, body);
  return { nonce: authorization.nonce, soter: await soterResult(signer, challenge ?? authorization.challenge) };
}

/** 开启指纹/面容支付 with `pin` (the customer's own unless given); the answer as sent back. */
export async function enrolSoter(who: { token: string; pin: string }, { authMode = 'fingerPrint', pin = who.pin } = {}) {
  const authorization = await authorize(who.token, SOTER_PATH, { authMode });
  const secondFactor = { nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) };
  return call(customer, { method: 'POST', path: SOTER_PATH, token: who.token, body: { authMode, secondFactor } });
}

export function revokeSoter(token: string) {
  return call(customer, { method: 'POST', path: `${SOTER_PATH}/revoke`, token });
}
