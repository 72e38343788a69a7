// The identity check (本人身份核验) that 忘记支付密码 and 挂失 share: a code to the bound phone,
// then four answers — the real name and ID number verified at onboarding, the bound card's
// number, and the code. The codes, their limits and the lockout are one state per customer
// (domain/pin-reset.ts), so wrong answers to any of these workflows count against the same budget.
// 更换手机号 asks for a code to the phone it would bind too: the same rules, in a state of its own.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { SmsTemplate } from '../adapters/sms.js';
import { refuse } from '../domain/errors.js';
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
import { businessDate } from '../domain/time.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import type { AccountRecord } from '../store/accounts.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import type { CustomerRecord } from '../store/customers.js';
import { getPinReset, pinResetItem, savePinReset } from '../store/pin-reset.js';
import type { TransactItem } from '../store/transact.js';
import { sendSms } from './sms-notice.js';
import { maskPhone } from '../domain/masking.js';

/** What a code is for: it answers only that workflow's check. */
export type IdentityCheckPurpose = 'PIN_RESET' | 'LOSS_REPORT' | 'LOSS_LIFT' | 'PHONE_CHANGE' | 'DEVICE_VERIFY' | 'STEP_UP';

type CodeTemplate = Extract<SmsTemplate, { params: { code: string } }>['template'];

const CODE_TEMPLATES: Record<IdentityCheckPurpose, CodeTemplate> = {
  PIN_RESET: 'PIN_RESET_CODE',
  LOSS_REPORT: 'LOSS_REPORT_CODE',
  LOSS_LIFT: 'LOSS_LIFT_CODE',
  PHONE_CHANGE: 'PHONE_CHANGE_CODE',
  DEVICE_VERIFY: 'DEVICE_VERIFY_CODE',
  STEP_UP: 'STEP_UP_CODE',
};

/** Two requests of one customer racing for the check's state: the loser reads again, a few times. */
const RACE_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100, retryable: isTryAgain };

export interface IdentityCodeSent {
  phone: string;
  expiresAt: string;
  sendsLeftToday: number;
}

/** What the app shows of a code sent (a PIN reset's, a phone change's, a device's, a step-up's). */
export interface CodeSent {
  phoneMasked: string;
  expiresAt: string;
  resendAfterSeconds: number;
  sendsLeftToday: number;
}

export const codeSent = (sent: IdentityCodeSent): CodeSent => ({
  phoneMasked: maskPhone(sent.phone),
  expiresAt: sent.expiresAt,
  resendAfterSeconds: PIN_RESET_POLICY.resendAfterSeconds,
  sendsLeftToday: sent.sendsLeftToday,
});

/** A code as the customer answers it: one sent to the bound phone for a purpose, or one sent to
 *  the phone a phone change would bind. `name` is how a refusal names it. */
type CodeRef = { code: string } & ({ slot: 'BOUND_PHONE'; purpose: IdentityCheckPurpose } | { slot: 'NEW_PHONE'; newPhone: string });
export type CodeAnswer = CodeRef & { name: string };

/** The code's keyed hash, this customer's and this purpose's only (a new phone's: that phone's only). */
const codeHash = (customerId: string, answer: CodeRef) =>
  lookupHash('pin-reset-code', answer.slot === 'BOUND_PHONE' ? `${answer.purpose}:${customerId}:${answer.code}` : `NEW_PHONE:${customerId}:${answer.newPhone}:${answer.code}`);

const newCode = () => String(randomInt(0, 10 ** PIN_RESET_POLICY.codeDigits)).padStart(PIN_RESET_POLICY.codeDigits, '0');

/** Equal in constant time, whatever the lengths. */
function same(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** 发送验证码: a new code to the bound phone, replacing any before it. */
export async function sendIdentityCode(customer: CustomerRecord, purpose: IdentityCheckPurpose, now: Date): Promise<IdentityCodeSent> {
  const phone = await decrypt(customer.phoneEnc!);
  return sendCode(customer.customerId, phone, (code) => ({ slot: 'BOUND_PHONE', purpose, code }), CODE_TEMPLATES[purpose], now);
}

/** 发送验证码 to the phone a phone change would bind, replacing any code sent there before. */
export async function sendNewPhoneCode(customer: CustomerRecord, newPhone: string, now: Date): Promise<IdentityCodeSent> {
  return sendCode(customer.customerId, newPhone, (code) => ({ slot: 'NEW_PHONE', newPhone, code }), 'PHONE_CHANGE_NEW_CODE', now);
}

async function sendCode(customerId: string, phone: string, answerOf: (code: string) => CodeRef, template: CodeTemplate, now: Date): Promise<IdentityCodeSent> {
  const today = businessDate(now);
  const code = newCode();
  const answer = answerOf(code);
  const { state, version } = await getPinReset(customerId, answer.slot);
  assertMaySendCode(state, now, today);
  const next = afterCodeSent(state, await codeHash(customerId, answer), now, today);
  // Stored before it is sent: a send always counts, and of two sends at once one is refused.
  if (!(await savePinReset(customerId, answer.slot, next, version))) return refuse('conflict', 'SMS_CODE_TOO_FREQUENT', '验证码已发送，请稍后再试');
  const message = { template, params: { code, minutes: String(PIN_RESET_POLICY.codeTtlMinutes) } } as SmsTemplate;
  if (!(await sendSms(phone, message))) return refuse('unprocessable', 'SMS_SEND_FAILED', '短信发送失败，请稍后再试');
  return { phone, expiresAt: next.codeExpiresAt!, sendsLeftToday: PIN_RESET_POLICY.maxSendsPerDay - next.sendsOnDate };
}

/** Whether the name, ID number and card number are this customer's (no code asked, nothing counted). */
export async function identityMatches(customer: CustomerRecord, account: AccountRecord, answers: IdentityAnswers): Promise<boolean> {
  const given = normalizedAnswers(answers);
  const [realName, idNumber, cardNumber] = await Promise.all([decrypt(customer.nameEnc!), decrypt(customer.idNumberEnc!), decrypt(account.boundCard.cardNumberEnc)]);
  return [same(given.realName, realName), same(given.idNumber, idNumber), same(given.cardNumber, cardNumber)].every(Boolean);
}

/**
 * Checks the four answers. A wrong answer is counted (and nothing else changes); when all four
 * are right, `complete` writes the workflow's change in one transaction whose first item is the
 * code's use (`codeUsedUp`), refuses for any other item it finds refused, and returns the
 * transaction's answer: refused at 0, the state moved and the check runs again. Returns the bound
 * phone, for the notice.
 *
 * A wrong code is named as such; a wrong name, ID number or card number is one IDENTITY_MISMATCH
 * that does not say which, and is only ever answered to someone who holds the phone's code.
 */
export async function checkIdentity(
  customer: CustomerRecord,
  account: AccountRecord,
  answers: IdentityAnswers & { smsCode: string },
  purpose: IdentityCheckPurpose,
  now: Date,
  complete: (codeUsedUp: TransactItem) => Promise<number | undefined>,
): Promise<string> {
  const [identityRight, phone] = await Promise.all([identityMatches(customer, account, answers), decrypt(customer.phoneEnc!)]);
  await checkCodes(customer, [{ slot: 'BOUND_PHONE', purpose, code: answers.smsCode, name: '验证码' }], identityRight, now, ([codeUsedUp]) => complete(codeUsedUp!));
  return phone;
}

/**
 * Checks one code or more, and the identity answers when `identityRight` is given. Each code is
 * checked against its own state, in order; a wrong code is counted against its state, wrong
 * identity answers against the first code's. When all are right, `complete` writes the change in
 * one transaction whose first items are the codes' uses (`usedUp`, in the order given), and
 * returns its answer: refused at one of those, a state moved and the check runs again.
 */
export async function checkCodes(
  customer: CustomerRecord,
  answers: CodeAnswer[],
  identityRight: boolean,
  now: Date,
  complete: (usedUp: TransactItem[]) => Promise<number | undefined>,
): Promise<void> {
  const { customerId } = customer;
  const given = await Promise.all(answers.map((answer) => codeHash(customerId, answer)));
  await raceBounded(async () => {
    const stored = await Promise.all(answers.map((answer) => getPinReset(customerId, answer.slot)));
    for (const { state } of stored) refuseIfPinResetLocked(state, now);
    const wrongCodeAt = answers.findIndex((answer, i) => !same(given[i]!, codeInForce(stored[i]!.state, now, answer.name)));
    const wrong: { at: number; what: WrongAnswer } | undefined = wrongCodeAt >= 0 ? { at: wrongCodeAt, what: 'SMS_CODE' } : identityRight ? undefined : { at: 0, what: 'IDENTITY' };
    if (wrong) {
      const { state, version } = stored[wrong.at]!;
      const { slot, name } = answers[wrong.at]!;
      const next = afterWrongAnswer(state, wrong.what, now, name);
      if (!(await savePinReset(customerId, slot, next.state, version))) throw new TryAgain('identity check state moved');
      return next.refusal();
    }
    const usedUp = answers.map((answer, i) => pinResetItem(customerId, answer.slot, afterPinReset(stored[i]!.state), stored[i]!.version));
    const refusedAt = await complete(usedUp);
    if (refusedAt !== undefined && refusedAt < usedUp.length) throw new TryAgain('identity check state moved');
  });
}

/** Runs an attempt that reads the check's state and writes over it; if other requests keep moving
 *  it, the customer is asked to try again rather than be answered from a stale read. */
async function raceBounded(attempt: () => Promise<void>): Promise<void> {
  try {
    await retry(RACE_RETRY, attempt);
  } catch (error) {
    if (isTryAgain(error)) refuse('conflict', 'PIN_RESET_BUSY', '请求处理中，请稍后重试');
    throw error;
  }
}
