// Checks shared by routes: the signed-in customer exists, has done the onboarding steps a route
// needs, and gave the right PIN.
import { config } from '../config.js';
import { type OnboardingState, assertReadyFor } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import type { Class2Limits } from '../domain/limits.js';
import { afterWrongPin, isPinLocked } from '../domain/pin.js';
import { type AccountRecord, getAccount } from '../store/accounts.js';
import { logger } from '../platform/logger.js';
import { type CustomerRecord, clearPinAttempts, countWrongPin, getCustomer, lockPin, rewritePinHash } from '../store/customers.js';
import { checkPin } from '../store/pin-hash.js';

export async function loadCustomer(customerId: string): Promise<CustomerRecord> {
  const customer = await getCustomer(customerId);
  // A valid token for a customer who no longer exists is as good as no token.
  if (!customer) return refuse('unauthenticated', 'UNAUTHENTICATED', '登录已失效，请重新登录');
  return customer;
}

export function onboardingState(customer: CustomerRecord): OnboardingState {
  return {
    phoneBound: Boolean(customer.phoneHash),
    realNameVerified: Boolean(customer.realNameVerifiedAt),
    pinSet: Boolean(customer.pinHash),
    accountOpen: Boolean(customer.accountId),
  };
}

export async function loadOwnAccount(customer: CustomerRecord): Promise<AccountRecord> {
  assertReadyFor('moveMoney', onboardingState(customer));
  const account = await getAccount(customer.accountId!);
  if (!account || account.ownerCustomerId !== customer.customerId) {
    throw new Error(`customer ${customer.customerId} points at an account it does not own`);
  }
  return account;
}

export function class2Limits(): Class2Limits {
  const c = config();
  return {
    nonBoundDailyFen: c.CLASS2_NONBOUND_DAILY_FEN,
    nonBoundYearlyFen: c.CLASS2_NONBOUND_YEARLY_FEN,
    maxSingleAmountFen: c.MAX_SINGLE_AMOUNT_FEN,
  };
}

/** Verifies the payment PIN, counting wrong attempts and locking after too many. Guesses fired
 *  at the same time cannot get past the budget: each wrong one is counted atomically (once the
 *  budget is spent the rest are answered PIN_LOCKED), and a right one is accepted only if the
 *  budget is still unspent when it is recorded — so at most `maxAttempts` guesses per lock are
 *  ever answered as checked (PIN_INCORRECT, or success).
 *
 *  A right PIN whose stored hash is a legacy scrypt hash, or keyed under a retired-to-be key, is
 *  then rewritten to the keyed hash under the key in force (store/pin-hash.ts), by a separate
 *  write conditional on the hash checked — the counter's conditional write stays as it is, so a
 *  PIN changed meanwhile can never be mistaken for a lock. The rewrite happens once per customer
 *  and key; if it fails the payment goes on and the next right PIN tries again.
 *  Returns the hash stored once the check is done (what a PIN change must replace). */
export async function requirePin(customer: CustomerRecord, pin: string, now: Date): Promise<string> {
  if (!customer.pinHash) return refuse('unprocessable', 'PIN_REQUIRED', '请先设置支付密码');
  const policy = { maxAttempts: config().PIN_MAX_ATTEMPTS, lockMinutes: config().PIN_LOCK_MINUTES };
  const state = { failedAttempts: customer.pinFailedAttempts ?? 0, lockedUntil: customer.pinLockedUntil ?? null };
  if (isPinLocked(state, now)) refuse('locked', 'PIN_LOCKED', '支付密码错误次数过多，已暂时锁定');
  const check = await checkPin(customer.customerId, pin, customer.pinHash);
  if (check.matches) {
    if (!(await clearPinAttempts(customer.customerId, policy.maxAttempts, now))) refuse('locked', 'PIN_LOCKED', '支付密码错误次数过多，已暂时锁定');
    return check.rehash ? rewriteHash(customer.customerId, customer.pinHash, check.rehash) : customer.pinHash;
  }
  const counted = await countWrongPin(customer.customerId, policy.maxAttempts, now);
  if (counted === undefined) return refuse('locked', 'PIN_LOCKED', '支付密码错误次数过多，已暂时锁定');
  const next = afterWrongPin({ failedAttempts: counted - 1, lockedUntil: null }, policy, now);
  if (next.lockedUntil) {
    await lockPin(customer.customerId, policy.maxAttempts, next.lockedUntil);
    refuse('locked', 'PIN_LOCKED', '支付密码错误次数过多，已暂时锁定');
  }
  return refuse('forbidden', 'PIN_INCORRECT', `支付密码错误，还可尝试 ${policy.maxAttempts - counted} 次`);
}

async function rewriteHash(customerId: string, checked: string, keyed: string): Promise<string> {
  try {
    return (await rewritePinHash(customerId, checked, keyed)) ? keyed : checked;
  } catch (error) {
    // The PIN was right and the attempt counter is cleared: the payment goes on, the rewrite
    // waits for the next right PIN. (The hashes are never logged.)
    logger.warn('PIN hash rewrite failed; will retry on the next right PIN', { customerId, error: error instanceof Error ? error.name : String(error) });
    return checked;
  }
}
