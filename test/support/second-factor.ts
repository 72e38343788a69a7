// The second factor as the device makes it: ask the nonce for the exact request, encrypt the PIN
// with its challenge to the key the answer names (functions/services/second-factor.ts).
import assert from 'node:assert/strict';
import { sm2 } from 'sm-crypto-v2';
import type { SecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { call } from './bank.js';

export interface Authorization {
  nonce: string;
  challenge: string;
  expiresAt: string;
  review: {
    amountFen: number | null;
    amountInWords: string | null;
    estimate: { navDisplay: string; navDate: string } | null;
    feeFen: number;
    sourceAccountMasked: string | null;
    payeeMasked: string | null;
    risk: { outcome: 'WARN' | 'DELAY'; reasons: string[]; acknowledged: boolean; delayHours: number | null } | null;
  };
  encryption: { publicKeyHex: string };
}

/** Asks the nonce for `path` with `body` (without its second factor), bound to the request's
 *  Idempotency-Key when given; asserts it was issued. */
export async function authorize(token: string, path: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<Authorization> {
  const answer = await call<Authorization>(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations',
    token,
    body: { method: 'POST', path, body, ...(idempotencyKey ? { idempotencyKey } : {}) },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** The PIN encrypted as the keypad does, with the challenge (and clock) given. */
export function encryptPin(authorization: Authorization, pin: string, { challenge = authorization.challenge, ts = Date.now() } = {}): string {
  return sm2.doEncrypt(JSON.stringify({ pin, challenge, ts }), authorization.encryption.publicKeyHex, 1);
}

/** A fresh second factor for one request (bound to its Idempotency-Key, if given, as the
 *  mini-program binds it). */
export async function secondFactorFor(token: string, path: string, body: Record<string, unknown>, pin: string, idempotencyKey?: string): Promise<SecondFactor> {
  const authorization = await authorize(token, path, body, idempotencyKey);
  return { nonce: authorization.nonce, pinCipher: encryptPin(authorization, pin) };
}

/** `body` with a fresh second factor for it. */
export async function confirmed<B extends Record<string, unknown>>(token: string, path: string, body: B, pin: string): Promise<B & { secondFactor: SecondFactor }> {
  return { ...body, secondFactor: await secondFactorFor(token, path, body, pin) };
}
