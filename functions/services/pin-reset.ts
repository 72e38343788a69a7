// 忘记支付密码 (docs/ARCHITECTURE.md, PIN reset): a code to the bound phone, then the four answers
// and the new PIN — encrypted on the device like every PIN (services/second-factor.ts). The rules
// are domain/pin-reset.ts; this is the workflow around them.
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { type SmsTemplate, sms } from '../adapters/sms.js';
import { assertReadyFor, validateRealName } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { guardRefusal } from '../domain/ledger-refusal.js';
import { maskPhone } from '../domain/masking.js';
import { assertPinStrongEnough } from '../domain/pin.js';
import {
  afterCodeSent,
  afterPinReset,
  afterWrongAnswer,
  assertMaySendCode,
  codeInForce,
  type IdentityAnswers,
  normalizedAnswers,
  PIN_RESET_POLICY,
  refuseIfPinResetLocked,
  type WrongAnswer,
} from '../domain/pin-reset.js';
import { businessDate, chinaMinute } from '../domain/time.js';
import { logger } from '../platform/logger.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import type { CustomerRecord } from '../store/customers.js';
import { useNonceItem } from '../store/payment-nonces.js';
import { getPinReset, pinResetItem, resetPinItem, savePinReset } from '../store/pin-reset.js';
import { hashPin } from '../store/pin-hash.js';
import { transactWrite } from '../store/transact.js';
import { recordCustomerEvent } from './customer-events.js';
import { loadCustomer, loadOwnAccount, onboardingState } from './customer-guards.js';
import { GATEWAY_RETRY } from './gateway-retry.js';
import { type OpenedSecondFactor, pinFactor, SECOND_FACTOR_GUARD_TEXTS } from './second-factor.js';

/** Two requests of one customer racing for the reset state: the loser reads again, a few times. */
const PIN_RESET_RACE_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100, retryable: isTryAgain };

export interface PinResetCodeSent {
  phoneMasked: string;
  expiresAt: string;
  resendAfterSeconds: number;
  sendsLeftToday: number;
}

export interface PinResetAnswers extends IdentityAnswers {
  smsCode: string;
}

export interface PinResetDone {
  resetAt: string;
  /** Where the notice went. */
  phoneMasked: string;
}

/** A reset is for a customer who has a PIN to forget, and the phone, identity and card to prove
 *  who they are: the onboarding a money movement needs. */
function assertMayReset(customer: CustomerRecord): void {
  assertReadyFor('moveMoney', onboardingState(customer));
}

/** The code's keyed hash, this customer's only: another customer's code never matches. */
const codeHash = (customerId: string, code: string) => lookupHash('pin-reset-code', `${customerId}:${code}`);

const newCode = () => String(randomInt(0, 10 ** PIN_RESET_POLICY.codeDigits)).padStart(PIN_RESET_POLICY.codeDigits, '0');

/** Equal in constant time, whatever the lengths. */
function same(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Sends under one reference, so a retry after no answer sends one message. */
async function sendSms(phone: string, message: SmsTemplate): Promise<boolean> {
  const reference = randomUUID();
  const answer = await retry(GATEWAY_RETRY, () => sms().send({ ...message, phone, reference }));
  if (!answer.ok) logger.warn('SMS refused by the gateway', { template: message.template, code: answer.code });
  return answer.ok;
}

/** 发送验证码: a new code to the bound phone, replacing any before it. */
export async function startPinReset(customerId: string, now: Date): Promise<PinResetCodeSent> {
  const customer = await loadCustomer(customerId);
  assertMayReset(customer);
  const today = businessDate(now);
  const { state, version } = await getPinReset(customerId);
  assertMaySendCode(state, now, today);
  const code = newCode();
  const next = afterCodeSent(state, await codeHash(customerId, code), now, today);
  // Stored before it is sent: a send always counts, and of two sends at once one is refused.
  if (!(await savePinReset(customerId, next, version))) return refuse('conflict', 'SMS_CODE_TOO_FREQUENT', '验证码已发送，请稍后再试');
  const phone = await decrypt(customer.phoneEnc!);
  const sent = await sendSms(phone, { template: 'PIN_RESET_CODE', params: { code, minutes: String(PIN_RESET_POLICY.codeTtlMinutes) } });
  if (!sent) return refuse('unprocessable', 'SMS_SEND_FAILED', '短信发送失败，请稍后再试');
  return {
    phoneMasked: maskPhone(phone),
    expiresAt: next.codeExpiresAt!,
    resendAfterSeconds: PIN_RESET_POLICY.resendAfterSeconds,
    sendsLeftToday: PIN_RESET_POLICY.maxSendsPerDay - next.sendsOnDate,
  };
}

/**
 * The four answers and the new PIN. A wrong answer is counted (and nothing else changes); when all
 * four are right, one transaction uses the code up, stores the new PIN's keyed hash, clears the PIN
 * lockout, revokes the SOTER enrolment and uses the new PIN's nonce up. Then the notice goes to the
 * bound phone and the event is recorded.
 *
 * A wrong code is named as such; a wrong name, ID number or card number is one IDENTITY_MISMATCH
 * that does not say which, and is only ever answered to someone who holds the phone's code.
 */
export async function completePinReset(customerId: string, answers: PinResetAnswers, opened: OpenedSecondFactor | undefined, now: Date): Promise<PinResetDone> {
  if (!opened) return refuse('invalid', 'VALIDATION_FAILED', '请求参数有误：newPin');
  const newPin = pinFactor(opened);
  const newPinValue = await newPin.pin;
  const customer = await loadCustomer(customerId);
  assertMayReset(customer);
  const account = await loadOwnAccount(customer);
  const given = normalizedAnswers(answers);
  const [realName, idNumber, cardNumber, phone] = await Promise.all([
    decrypt(customer.nameEnc!),
    decrypt(customer.idNumberEnc!),
    decrypt(account.boundCard.cardNumberEnc),
    decrypt(customer.phoneEnc!),
  ]);
  const identityRight = [same(given.realName, realName), same(given.idNumber, idNumber), same(given.cardNumber, cardNumber)].every(Boolean);
  const givenCode = await codeHash(customerId, answers.smsCode);
  const pinHash = await hashPin(customerId, newPinValue);

  await raceBounded(async () => {
    const { state, version } = await getPinReset(customerId);
    refuseIfPinResetLocked(state, now);
    const wrong: WrongAnswer | undefined = !same(givenCode, codeInForce(state, now)) ? 'SMS_CODE' : identityRight ? undefined : 'IDENTITY';
    if (wrong) {
      const next = afterWrongAnswer(state, wrong, now);
      if (!(await savePinReset(customerId, next.state, version))) throw new TryAgain('PIN reset state moved');
      return next.refusal();
    }
    // Judged only once the customer is known: a birthday PIN is refused to nobody else.
    assertPinStrongEnough(newPinValue, validateRealName(idNumber, businessDate(now)).birthDate);
    const refusedAt = await transactWrite([
      pinResetItem(customerId, afterPinReset(state), version),
      resetPinItem(customerId, pinHash),
      useNonceItem(newPin.nonceId, customerId, newPin.expiresAtMs),
    ]);
    if (refusedAt === 0) throw new TryAgain('PIN reset state moved');
    if (refusedAt === 2) throw guardRefusal(SECOND_FACTOR_GUARD_TEXTS.NONCE_USED!);
    if (refusedAt !== undefined) throw new Error(`customer ${customerId} has no PIN to reset`);
  });

  const resetAt = now.toISOString();
  await sendNotice(phone, now);
  await recordCustomerEvent({ customerId, kind: 'PIN_RESET', at: resetAt, ref: resetAt });
  return { resetAt, phoneMasked: maskPhone(phone) };
}

/** Runs an attempt that reads the reset state and writes over it; if other requests keep moving
 *  it, the customer is asked to try again rather than be answered from a stale read. */
async function raceBounded(attempt: () => Promise<void>): Promise<void> {
  try {
    await retry(PIN_RESET_RACE_RETRY, attempt);
  } catch (error) {
    if (isTryAgain(error)) refuse('conflict', 'PIN_RESET_BUSY', '请求处理中，请稍后重试');
    throw error;
  }
}

/** The PIN is reset whether or not the notice arrives: a failed notice is logged for operations. */
async function sendNotice(phone: string, now: Date): Promise<void> {
  try {
    await sendSms(phone, { template: 'PIN_RESET_NOTICE', params: { time: chinaMinute(now) } });
  } catch (error) {
    logger.error('PIN reset notice not sent', { error: error instanceof Error ? error.name : String(error) });
  }
}
