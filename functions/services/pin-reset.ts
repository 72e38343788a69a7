// 忘记支付密码 (docs/ARCHITECTURE.md, PIN reset): a code to the bound phone, then the four answers
// and the new PIN — encrypted on the device like every PIN (services/second-factor.ts). The rules
// are domain/pin-reset.ts; this is the workflow around them.
import { assertReadyFor, validateRealName } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { guardRefusal } from '../domain/ledger-refusal.js';
import { maskPhone } from '../domain/masking.js';
import { assertPinStrongEnough } from '../domain/pin.js';
import { type IdentityAnswers, normalizedAnswers } from '../domain/pin-reset.js';
import { businessDate, chinaMinute } from '../domain/time.js';
import type { CustomerRecord } from '../store/customers.js';
import { useNonceItem } from '../store/payment-nonces.js';
import { resetPinItem } from '../store/pin-reset.js';
import { hashPin } from '../store/pin-hash.js';
import { transactWrite } from '../store/transact.js';
import { recordCustomerEvent } from './customer-events.js';
import { loadCustomer, loadOwnAccount, onboardingState } from './customer-guards.js';
import { checkIdentity, type CodeSent, codeSent, sendIdentityCode } from './identity-check.js';
import { type OpenedSecondFactor, pinFactor, SECOND_FACTOR_GUARD_TEXTS } from './second-factor.js';
import { postMessage } from './messages.js';
import { sendNotice } from './sms-notice.js';

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

/** 发送验证码: a new code to the bound phone, replacing any before it. */
export async function startPinReset(customerId: string, now: Date): Promise<CodeSent> {
  const customer = await loadCustomer(customerId);
  assertMayReset(customer);
  return codeSent(await sendIdentityCode(customer, 'PIN_RESET', now));
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
  const pinHash = await hashPin(customerId, newPinValue);
  const phone = await checkIdentity(customer, account, answers, 'PIN_RESET', now, async (codeUsedUp) => {
    // Judged only once the customer is known: a birthday PIN is refused to nobody else.
    assertPinStrongEnough(newPinValue, validateRealName(normalizedAnswers(answers).idNumber, businessDate(now)).birthDate);
    const refusedAt = await transactWrite([codeUsedUp, resetPinItem(customerId, pinHash), useNonceItem(newPin.nonceId, customerId, newPin.expiresAtMs)]);
    if (refusedAt === 2) throw guardRefusal(SECOND_FACTOR_GUARD_TEXTS.NONCE_USED!);
    if (refusedAt !== undefined && refusedAt !== 0) throw new Error(`customer ${customerId} has no PIN to reset`);
    return refusedAt;
  });

  const resetAt = now.toISOString();
  await sendNotice(phone, { template: 'PIN_RESET_NOTICE', params: { time: chinaMinute(now) } });
  await recordCustomerEvent({ customerId, kind: 'PIN_RESET', at: resetAt, ref: resetAt });
  await postMessage({ customerId, kind: 'PIN_RESET', ref: resetAt, at: resetAt });
  return { resetAt, phoneMasked: maskPhone(phone) };
}
