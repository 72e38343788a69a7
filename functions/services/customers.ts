// The signed-in customer: profile, phone binding, real-name verification and payment PIN.
import { wechat } from '../adapters/wechat.js';
import { assertReadyFor, validateRealName } from '../domain/customer.js';
import { searchableName } from '../domain/customer-service.js';
import { refuse } from '../domain/errors.js';
import { guardRefusal } from '../domain/ledger-refusal.js';
import { config } from '../config.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/masking.js';
import { assertPinStrongEnough } from '../domain/pin.js';
import { businessDate } from '../domain/time.js';
import { type AccountRecord, getAccount } from '../store/accounts.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { bindPhone as storePhone, type CustomerRecord, savePinHashItem, setRealName } from '../store/customers.js';
import { useNonceItem } from '../store/payment-nonces.js';
import { transactWrite } from '../store/transact.js';
import { hashPin } from '../store/pin-hash.js';
import { recordCustomerEvent } from './customer-events.js';
import { postMessage } from './messages.js';
import { loadCustomer, loadSignedInCustomer, onboardingState } from './customer-guards.js';
import { type OpenedSecondFactor, pinFactor, requireSecondFactor, SECOND_FACTOR_GUARD_TEXTS } from './second-factor.js';
import { rerateCustomer } from './customer-risk-rating.js';

/** The customer as their profile shows them: the record and their account, if open. */
export interface CustomerProfile {
  customer: CustomerRecord;
  account: AccountRecord | undefined;
}

export async function profileOf(customer: CustomerRecord): Promise<CustomerProfile> {
  return { customer, account: customer.accountId ? await getAccount(customer.accountId) : undefined };
}

export async function profile(customerId: string): Promise<CustomerProfile> {
  return profileOf(await loadCustomer(customerId));
}

/** The profile every screen reads first: refused to an access token a loss report revoked. */
export async function signedInProfile(customerId: string, tokenIssuedAtMs: number, tokenSessionId: string | undefined): Promise<CustomerProfile> {
  return profileOf(await loadSignedInCustomer(customerId, tokenIssuedAtMs, tokenSessionId));
}

export async function bindPhone(customerId: string, phoneCode: string): Promise<CustomerProfile> {
  const phoneNumber = await wechat().phoneNumber(phoneCode);
  if (!phoneNumber) return refuse('invalid', 'PHONE_CODE_INVALID', '手机号授权已失效，请重试');
  await storePhone(customerId, {
    hash: await lookupHash('phone', phoneNumber),
    enc: await encrypt(phoneNumber),
    masked: maskPhone(phoneNumber),
  });
  return profile(customerId);
}

export async function verifyRealName(customerId: string, name: string, rawIdNumber: string, now: Date): Promise<CustomerProfile> {
  const customer = await loadCustomer(customerId);
  assertReadyFor('realName', onboardingState(customer));
  if (customer.realNameVerifiedAt) return refuse('conflict', 'ALREADY_VERIFIED', '已完成实名认证');
  const { idNumber, birthDate } = validateRealName(rawIdNumber, businessDate(now));
  await setRealName(
    customerId,
    {
      idHash: await lookupHash('id', idNumber),
      nameHash: await lookupHash('name', searchableName(name)),
      nameEnc: await encrypt(name),
      nameMasked: maskName(name),
      idNumberEnc: await encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      birthYear: Number(birthDate.slice(0, 4)),
    },
    now,
  );
  await recordCustomerEvent({ customerId, kind: 'REAL_NAME_VERIFIED', at: now.toISOString(), ref: customerId });
  // Rated at onboarding (客户身份识别), before any money moves.
  await rerateCustomer(customerId, now);
  return profile(customerId);
}

/** Sets the first PIN, or changes it with the current one as the second factor (the PIN itself:
 *  a fingerprint does not change it). The new PIN comes encrypted with the same nonce's
 *  challenge; the nonce is used up by the write. */
export async function setPin(
  customerId: string,
  factors: { newPin: OpenedSecondFactor; current: OpenedSecondFactor | undefined },
  now: Date,
): Promise<CustomerProfile> {
  const newPin = pinFactor(factors.newPin);
  const newPinValue = await newPin.pin;
  const current = factors.current && pinFactor(factors.current);
  const customer = await loadCustomer(customerId);
  assertReadyFor('setPin', onboardingState(customer));
  if (customer.pinHash && !current) return refuse('invalid', 'CURRENT_PIN_REQUIRED', '修改支付密码需要输入原密码');
  const { birthDate } = validateRealName(await decrypt(customer.idNumberEnc!), businessDate(now));
  try {
    assertPinStrongEnough(newPinValue, birthDate);
  } catch (refusal) {
    // The request carried the current PIN under a nonce that does not cover the new PIN (no
    // nonce can: the device encrypts it afterwards), so the nonce is spent before refusing —
    // else a captured request could be sent again with a new PIN of someone else's choosing.
    if (customer.pinHash) await transactWrite([useNonceItem(newPin.nonceId, customerId, newPin.expiresAtMs)]);
    throw refusal;
  }
  // The current PIN last: once it is verified, only the write below (which spends the nonce) or
  // a concurrent change (after which the current PIN is no longer current) can follow.
  // A legacy hash the check rewrote is what the new one must replace.
  const previousHash = customer.pinHash ? (await requireSecondFactor(customer, current!, now)).pinHash : undefined;
  const items = [
    savePinHashItem(customerId, await hashPin(customerId, newPinValue), previousHash, config().PIN_MAX_ATTEMPTS, now),
    useNonceItem(newPin.nonceId, customerId, newPin.expiresAtMs),
  ];
  const refusedAt = await transactWrite(items);
  if (refusedAt === 0) refuse('conflict', 'PIN_CHANGED_CONCURRENTLY', '支付密码已被修改，请重试');
  if (refusedAt === 1) throw guardRefusal(SECOND_FACTOR_GUARD_TEXTS.NONCE_USED!);
  // A first PIN is part of onboarding; a change is a security event.
  if (previousHash) await postMessage({ customerId, kind: 'PIN_CHANGED', ref: `${now.toISOString()}#${newPin.nonceId}`, at: now });
  return profile(customerId);
}
