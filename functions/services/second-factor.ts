// The second factor of a money movement (DESIGN.md Security; docs/ARCHITECTURE.md threat model).
//
// 1. Before the review sheet the device asks for a nonce for one exact request (method, path,
//    body — platform/request-hash.ts). The nonce is signed by the bank (HMAC under a key from the
//    secrets), names the customer, the request's hash, an expiry, and what the issuer resolved
//    for the review (the customer's account, a transfer's payee), so the request itself needs no
//    read to find them. Issuing writes nothing; services/payment-authorization.ts asks for it and
//    works out the figures the review sheet shows.
// 2. The device encrypts {pin, challenge, ts} to the bank's SM2 public key (the challenge is the
//    nonce's id), so the PIN exists in clear only on the device and in `readSecondFactor`.
// 3. The money request carries both. It is checked here (signature, customer, expiry, that the
//    request is the one the nonce was issued for, the cipher's challenge), the PIN is checked
//    against the keyed hash, and the nonce is used up by a conditional write inside the same
//    transaction that moves the money — so a captured request cannot be replayed, and a nonce
//    issued for ¥10 cannot pay ¥10,000 or another payee.
// 4. Or, for a customer who enrolled it with the PIN, SOTER (指纹/面容): the device's TEE signs a
//    resultJSON whose `raw` is the challenge, WeChat vouches for the signature (verify_signature,
//    through the WeChat adapter), and the nonce is used up the same way. Failed SOTER checks spend
//    no PIN attempt; SOTER_MAX_FAILED_CHECKS of them revoke the enrolment (back to the PIN).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';
import type { SecondFactorRoute } from '../contract/second-factor-routes.js';
import type { PaymentAuthorization, PaymentAuthorizationRequest, SecondFactor, SoterResult } from '../contract/second-factor-schemas.js';
import { refuse } from '../domain/errors.js';
import type { GuardText } from '../domain/ledger-refusal.js';
import { afterWrongPin, isPinLocked } from '../domain/pin.js';
import { parseSoterResult, refuseSoter, SOTER_MAX_FAILED_CHECKS, type SOTER_REFUSALS } from '../domain/soter.js';
import { wechat } from '../adapters/wechat.js';
import { logger } from '../platform/logger.js';
import { retry } from '../platform/retry.js';
import { requestHash } from '../platform/request-hash.js';
import { sm2Decrypt } from '../platform/sm2.js';
import { secrets } from '../secrets.js';
import { type CustomerRecord, clearPinAttemptsItem, countWrongPin, lockPin, rewritePinHash } from '../store/customers.js';
import type { Guard } from '../store/ledger.js';
import { useNonceItem } from '../store/payment-nonces.js';
import { checkPin } from '../store/pin-hash.js';
import { countFailedSoterCheck, removeSoterEnrolment } from '../store/soter.js';
import { transactWrite } from '../store/transact.js';
import { GATEWAY_RETRY } from './gateway-retry.js';

/** How long a nonce stays good: a review and a PIN, not a coffee break. */
export const NONCE_TTL_MS = 5 * 60_000;
/** How far the device's clock in the cipher may stray from ours. */
const CIPHER_CLOCK_SKEW_MS = 5 * 60_000;

/** What a transfer's nonce carries about its payee, resolved when it was issued. */
export interface NoncePayee {
  accountId: string;
  nameMasked: string;
}

interface NoncePayload {
  /** The nonce's id: the challenge the cipher carries, and the key it is used up under. */
  id: string;
  customerId: string;
  route: SecondFactorRoute;
  requestHash: string;
  /** The Idempotency-Key the request will carry, when the device named it: the nonce then pays
   *  under that key only, so a captured request sent again under another key is refused (and
   *  under the same key the stored answer is all it gets). */
  idempotencyKey?: string;
  expiresAtMs: number;
  /** The customer's account when the nonce was issued (absent before one is open). */
  accountId?: string;
  payee?: NoncePayee;
}

/** A second factor whose nonce checked out, with the PIN its cipher opened to, or the SOTER
 *  result that carries its challenge; neither the PIN nor the SOTER signature is checked yet. */
export type OpenedSecondFactor = {
  nonceId: string;
  expiresAtMs: number;
  /** The Idempotency-Key the nonce was bound to, if the device named one. */
  idempotencyKey?: string;
  accountId?: string;
  payee?: NoncePayee;
} & ({ method: 'PIN'; pin: Promise<string> } | { method: 'SOTER'; soter: SoterResult });

export type OpenedPin = Extract<OpenedSecondFactor, { method: 'PIN' }>;
type OpenedSoter = Extract<OpenedSecondFactor, { method: 'SOTER' }>;

const NONCE_INVALID = () => refuse('forbidden', 'NONCE_INVALID', '支付验证无效，请重新发起');

async function nonceKey(): Promise<Buffer> {
  return Buffer.from((await secrets()).paymentNonceKey, 'base64');
}

async function sign(payload: NoncePayload): Promise<string> {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', await nonceKey()).update(`v1.${body}`).digest('base64url');
  return `v1.${body}.${mac}`;
}

async function verifiedPayload(nonce: string): Promise<NoncePayload> {
  const [version, body, mac, extra] = nonce.split('.');
  if (version !== 'v1' || !body || !mac || extra !== undefined) return NONCE_INVALID();
  const expected = createHmac('sha256', await nonceKey()).update(`v1.${body}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return NONCE_INVALID();
  // Signed by us, so well-formed; parsed defensively all the same.
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as NoncePayload;
  if (typeof payload.id !== 'string' || typeof payload.expiresAtMs !== 'number') return NONCE_INVALID();
  return payload;
}

/** One exact request a nonce is asked for, with what the issuer resolved for it. */
export interface NonceRequest {
  customerId: string;
  route: SecondFactorRoute;
  asked: PaymentAuthorizationRequest;
  /** The customer's account (absent on the steps that come before one, or need none). */
  accountId: string | undefined;
  payee: NoncePayee | undefined;
}

/** Signs the nonce for one exact request: the authorization but for its review sheet
 *  (services/payment-authorization.ts works that out). Writes nothing. */
export async function issueNonce({ customerId, route, asked, accountId, payee }: NonceRequest, now: Date): Promise<Omit<PaymentAuthorization, 'review'>> {
  const { pinSm2PublicKey } = await secrets();
  const payload: NoncePayload = {
    id: randomBytes(16).toString('base64url'),
    customerId,
    route,
    requestHash: requestHash(asked.method, asked.path, asked.body),
    ...(asked.idempotencyKey ? { idempotencyKey: asked.idempotencyKey } : {}),
    expiresAtMs: now.getTime() + NONCE_TTL_MS,
    ...(accountId ? { accountId } : {}),
    ...(payee ? { payee } : {}),
  };
  return {
    nonce: await sign(payload),
    challenge: payload.id,
    expiresAt: new Date(payload.expiresAtMs).toISOString(),
    encryption: { algorithm: 'SM2', cipherMode: 1, publicKeyHex: pinSm2PublicKey },
  };
}

/** Opens a PIN cipher made with `challenge`: the PIN, or PIN_CIPHER_INVALID. */
async function decryptPin(pinCipher: string, challenge: string, now: Date): Promise<string> {
  const invalid = () => refuse('forbidden', 'PIN_CIPHER_INVALID', '支付密码校验失败，请重新输入');
  let plain: unknown;
  try {
    plain = JSON.parse(sm2Decrypt(pinCipher, (await secrets()).pinSm2PrivateKey)?.toString('utf8') ?? '');
  } catch {
    return invalid();
  }
  const { pin, challenge: carried, ts } = (plain ?? {}) as { pin?: unknown; challenge?: unknown; ts?: unknown };
  if (typeof pin !== 'string' || !/^\d{6}$/.test(pin) || carried !== challenge) return invalid();
  if (typeof ts !== 'number' || Math.abs(now.getTime() - ts) > CIPHER_CLOCK_SKEW_MS) return invalid();
  return pin;
}

/** Checks a second factor against the request it came with (its hash, from the HTTP layer):
 *  the nonce is ours, this customer's, unexpired and issued for this very request; the cipher
 *  opens and carries the nonce's challenge, or the SOTER result's `raw` is that challenge.
 *  Whether the nonce is still unused is settled by the write that uses it up. */
/** Opens a request's second factor and the new PIN sent with it, if any. The two travel under
 *  one nonce: with two, the one not spent could be used again. */
export async function openSecondFactors(
  customerId: string,
  { secondFactor, newPin }: { secondFactor?: SecondFactor; newPin?: SecondFactor },
  request: { hashOfRequest: string; idempotencyKey: string | undefined },
  now: Date,
): Promise<{ secondFactor?: OpenedSecondFactor; newPin?: OpenedSecondFactor }> {
  if (secondFactor && newPin && secondFactor.nonce !== newPin.nonce) return refuse('forbidden', 'NONCE_MISMATCH', '支付信息已变更，请重新确认');
  return {
    ...(secondFactor ? { secondFactor: await openSecondFactor(customerId, secondFactor, request, now) } : {}),
    ...(newPin ? { newPin: await openSecondFactor(customerId, newPin, request, now) } : {}),
  };
}

export async function openSecondFactor(
  customerId: string,
  factor: SecondFactor,
  { hashOfRequest, idempotencyKey }: { hashOfRequest: string; idempotencyKey: string | undefined },
  now: Date,
): Promise<OpenedSecondFactor> {
  const payload = await verifiedPayload(factor.nonce);
  if (payload.customerId !== customerId) return NONCE_INVALID();
  if (payload.expiresAtMs <= now.getTime()) return refuse('forbidden', 'NONCE_EXPIRED', '支付验证已超时，请重新发起');
  if (payload.requestHash !== hashOfRequest || (payload.idempotencyKey !== undefined && payload.idempotencyKey !== idempotencyKey)) {
    return refuse('forbidden', 'NONCE_MISMATCH', '支付信息已变更，请重新确认');
  }
  const opened = { nonceId: payload.id, expiresAtMs: payload.expiresAtMs, idempotencyKey: payload.idempotencyKey, accountId: payload.accountId, payee: payload.payee };
  if ('soter' in factor) {
    // A result made for another challenge (an old one replayed, or another request's).
    if (parseSoterResult(factor.soter.resultJson)?.raw !== payload.id) return refuseSoterCheck(customerId, 'CHALLENGE_MISMATCH');
    return { ...opened, method: 'SOTER', soter: factor.soter };
  }
  // The cipher opens (an SM2 scalar multiplication: about 1 ms of CPU) on the event loop's next
  // turn, by which time the request's first read is on the wire: the two overlap. Whoever needs
  // the PIN awaits it; a request refused before then never opens it, hence the empty catch.
  const pin = new Promise<void>((resolve) => setImmediate(resolve)).then(() => decryptPin(factor.pinCipher, payload.id, now));
  pin.catch(() => undefined);
  return { ...opened, method: 'PIN', pin };
}

/** The refusal of a request's PIN cipher that does not open, if one does not: a request refused
 *  for another reason before it needed the PIN answers this instead, as if the cipher had been
 *  opened up front. */
export async function unopenedCipherRefusal(factors: readonly (OpenedSecondFactor | undefined)[]): Promise<unknown> {
  for (const factor of factors) {
    if (factor?.method !== 'PIN') continue;
    try {
      await factor.pin;
    } catch (refusal) {
      return refusal;
    }
  }
  return undefined;
}

/** The PIN itself, for what only the PIN may do — set or change it, reset it, enrol SOTER: a
 *  fingerprint stands in for the PIN on payments only. */
export function pinFactor(factor: OpenedSecondFactor): OpenedPin {
  if (factor.method !== 'PIN') return refuse('invalid', 'SOTER_NOT_ACCEPTED', '此操作需输入支付密码，不能使用指纹/面容');
  return factor;
}

/** Counts a failed SOTER check against the customer's enrolment (if any) and refuses; the check
 *  that reaches the bound revokes the enrolment, so the customer is back to the PIN. */
async function refuseSoterCheck(customerId: string, refusal: keyof typeof SOTER_REFUSALS): Promise<never> {
  const counted = await countFailedSoterCheck(customerId);
  if (counted && counted.failedChecks >= SOTER_MAX_FAILED_CHECKS) {
    await removeSoterEnrolment(customerId, counted.enrolmentId);
    logger.warn('SOTER enrolment revoked after failed checks', { customerId, failedChecks: counted.failedChecks });
  }
  return refuseSoter(refusal);
}

const PIN_LOCKED_TEXT: GuardText = ['PIN_LOCKED', '支付密码错误次数过多，已暂时锁定', 'locked'];

/** The writes a checked second factor adds to the transaction it confirms, and what each
 *  refusal means: the nonce used up (refused if it was used before), the PIN's attempt count
 *  cleared (refused if wrong guesses spent the budget meanwhile). */
export interface SecondFactorGuards {
  guards: Guard[];
  texts: Readonly<Record<string, GuardText>>;
  /** The PIN hash stored once the check is done (a legacy one may have been rewritten). */
  pinHash: string;
}

export const SECOND_FACTOR_GUARD_TEXTS: Readonly<Record<string, GuardText>> = {
  NONCE_USED: ['NONCE_USED', '该支付验证已使用，请重新发起', 'conflict'],
  PIN_LOCKED: PIN_LOCKED_TEXT,
};

/** Verifies the payment PIN, counting wrong attempts and locking after too many. Guesses fired
 *  at the same time cannot get past the budget: each wrong one is counted atomically (once the
 *  budget is spent the rest are answered PIN_LOCKED), and a right one is accepted only if the
 *  budget is still unspent when its transaction is written (the PIN_LOCKED guard) — so at most
 *  `maxAttempts` guesses per lock are ever answered as checked.
 *
 *  A right PIN whose stored hash is a legacy scrypt hash, or keyed under an older key, is then
 *  rewritten under the key in force (store/pin-hash.ts), by a separate write conditional on the
 *  hash checked; if it fails the payment goes on and the next right PIN tries again.
 *
 *  Or SOTER: while the PIN is locked it moves no money either; otherwise see `requireSoter`.
 *
 *  `journalKey`: the Idempotency-Key from which the journal written with these guards derives its
 *  id. A nonce bound to that same key is used up by that journal, which is written only if absent:
 *  the nonce pays under its key alone, so its second use meets the journal already written (and is
 *  answered as the replay it is). Such a nonce needs no item of its own — one write less per
 *  payment. */
export async function requireSecondFactor(customer: CustomerRecord, factor: OpenedSecondFactor, now: Date, journalKey?: string): Promise<SecondFactorGuards> {
  if (!customer.pinHash) return refuse('unprocessable', 'PIN_REQUIRED', '请先设置支付密码');
  const policy = { maxAttempts: config().PIN_MAX_ATTEMPTS, lockMinutes: config().PIN_LOCK_MINUTES };
  const state = { failedAttempts: customer.pinFailedAttempts ?? 0, lockedUntil: customer.pinLockedUntil ?? null };
  if (isPinLocked(state, now)) refuse('locked', ...lockedText());
  const nonceGuards: Guard[] =
    journalKey !== undefined && factor.idempotencyKey === journalKey ? [] : [{ name: 'NONCE_USED', item: useNonceItem(factor.nonceId, customer.customerId, factor.expiresAtMs) }];
  if (factor.method === 'SOTER') return requireSoter(customer, customer.pinHash, factor, nonceGuards);
  const check = await checkPin(customer.customerId, await factor.pin, customer.pinHash);
  if (!check.matches) return countWrongGuess(customer.customerId, policy, now);
  const pinHash = check.rehash ? await rewriteHash(customer.customerId, customer.pinHash, check.rehash) : customer.pinHash;
  return {
    pinHash,
    guards: [...nonceGuards, { name: 'PIN_LOCKED', item: clearPinAttemptsItem(customer, policy.maxAttempts, now) }],
    texts: SECOND_FACTOR_GUARD_TEXTS,
  };
}

const lockedText = () => [PIN_LOCKED_TEXT[0], PIN_LOCKED_TEXT[1]] as const;

/** SOTER: the customer enrolled it, and WeChat vouches that their device's key signed the result
 *  (whose `raw` openSecondFactor matched to the nonce). Its only guard is the nonce's use (if it needs an item): the PIN's
 *  attempt counter is neither spent nor cleared. */
async function requireSoter(customer: CustomerRecord, pinHash: string, factor: OpenedSoter, nonceGuards: Guard[]): Promise<SecondFactorGuards> {
  if (!customer.soterEnrolment) return refuseSoter('NOT_ENROLLED');
  const signed = { openid: customer.openid, jsonString: factor.soter.resultJson, jsonSignature: factor.soter.resultJsonSignature };
  if (!(await retry(GATEWAY_RETRY, () => wechat().verifySoterSignature(signed)))) return refuseSoterCheck(customer.customerId, 'SIGNATURE_INVALID');
  return { pinHash, guards: nonceGuards, texts: SECOND_FACTOR_GUARD_TEXTS };
}

async function countWrongGuess(customerId: string, policy: { maxAttempts: number; lockMinutes: number }, now: Date): Promise<never> {
  const counted = await countWrongPin(customerId, policy.maxAttempts, now);
  if (counted === undefined) return refuse('locked', ...lockedText());
  const next = afterWrongPin({ failedAttempts: counted - 1, lockedUntil: null }, policy, now);
  if (next.lockedUntil) {
    await lockPin(customerId, policy.maxAttempts, next.lockedUntil);
    return refuse('locked', ...lockedText());
  }
  return refuse('forbidden', 'PIN_INCORRECT', `支付密码错误，还可尝试 ${policy.maxAttempts - counted} 次`);
}

async function rewriteHash(customerId: string, checked: string, keyed: string): Promise<string> {
  try {
    return (await rewritePinHash(customerId, checked, keyed)) ? keyed : checked;
  } catch (error) {
    // The PIN was right: the payment goes on, the rewrite waits for the next right PIN. (The
    // hashes are never logged.)
    logger.warn('PIN hash rewrite failed; will retry on the next right PIN', { customerId, error: error instanceof Error ? error.name : String(error) });
    return checked;
  }
}

/** For a confirmation that moves no money (a deferral, auto-pay settings): writes the second
 *  factor's guards on their own, refused as the ledger would refuse them. */
export async function spendSecondFactor({ guards, texts }: SecondFactorGuards): Promise<void> {
  const refusedAt = await transactWrite(guards.map((guard) => guard.item));
  if (refusedAt === undefined) return;
  const [code, message, kind = 'unprocessable'] = texts[guards[refusedAt]!.name]!;
  refuse(kind, code, message);
}
