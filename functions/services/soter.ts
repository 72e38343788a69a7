// 指纹/面容支付 (SOTER): turning it on with the PIN, and off. Paying with it is the second factor's
// business (services/second-factor.ts); a PIN reset turns it off (store/pin-reset.ts).
import { randomUUID } from 'node:crypto';
import { config } from '../config.js';
import type { SoterAuthMode } from '../contract/second-factor-schemas.js';
import { refuse } from '../domain/errors.js';
import { guardRefusal } from '../domain/ledger-refusal.js';
import { useNonceItem } from '../store/payment-nonces.js';
import { enrolSoterItem, removeSoterEnrolment } from '../store/soter.js';
import { transactWrite } from '../store/transact.js';
import { loadCustomer } from './customer-guards.js';
import { type CustomerProfile, profile, profileOf } from './customers.js';
import { type OpenedSecondFactor, pinFactor, requireSecondFactor, SECOND_FACTOR_GUARD_TEXTS } from './second-factor.js';

/** Enrols (or enrols again, starting a fresh count of failed checks) with the PIN, whose nonce
 *  was asked for this enrolment. Like setting the PIN: the PIN is checked (a wrong one counts),
 *  then one transaction uses the nonce up and writes the enrolment with the attempt count cleared. */
export async function enrolSoter(customerId: string, authMode: SoterAuthMode, secondFactor: OpenedSecondFactor, now: Date): Promise<CustomerProfile> {
  const pin = pinFactor(secondFactor);
  const customer = await loadCustomer(customerId);
  const { pinHash } = await requireSecondFactor(customer, pin, now);
  const enrolment = { enrolmentId: randomUUID(), authMode, enrolledAt: now.toISOString(), failedChecks: 0 };
  const refusedAt = await transactWrite([
    useNonceItem(pin.nonceId, customerId, pin.expiresAtMs),
    enrolSoterItem(customerId, enrolment, pinHash, config().PIN_MAX_ATTEMPTS, now),
  ]);
  if (refusedAt === 0) throw guardRefusal(SECOND_FACTOR_GUARD_TEXTS.NONCE_USED!);
  if (refusedAt === 1) refuse('conflict', 'PIN_CHANGED_CONCURRENTLY', '支付密码已被修改，请重试');
  return profile(customerId);
}

/** Turns SOTER off; nothing to do when it is off already. */
export async function revokeSoter(customerId: string): Promise<CustomerProfile> {
  const customer = await removeSoterEnrolment(customerId);
  // None only when the customer no longer exists: answered as for a token of nobody.
  return customer ? profileOf(customer) : profile(customerId);
}
