// The signed-in customer: profile, phone binding, real-name verification and payment PIN.
import { wechat } from '../adapters/wechat.js';
import { assertReadyFor, validateRealName } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/masking.js';
import { assertPinStrongEnough } from '../domain/pin.js';
import { businessDate } from '../domain/time.js';
import { type AccountRecord, getAccount } from '../store/accounts.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { bindPhone as storePhone, type CustomerRecord, savePinHash, setRealName } from '../store/customers.js';
import { hashPin } from '../store/pin-hash.js';
import { recordCustomerEvent } from './customer-events.js';
import { loadCustomer, onboardingState, requirePin } from './customer-guards.js';

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
  const { idNumber } = validateRealName(rawIdNumber, businessDate(now));
  await setRealName(
    customerId,
    {
      idHash: await lookupHash('id', idNumber),
      nameEnc: await encrypt(name),
      nameMasked: maskName(name),
      idNumberEnc: await encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
    },
    now,
  );
  await recordCustomerEvent({ customerId, kind: 'REAL_NAME_VERIFIED', at: now.toISOString(), ref: customerId });
  return profile(customerId);
}

export async function setPin(customerId: string, pin: string, currentPin: string | undefined, now: Date): Promise<CustomerProfile> {
  const customer = await loadCustomer(customerId);
  assertReadyFor('setPin', onboardingState(customer));
  let previousHash = customer.pinHash;
  if (previousHash) {
    if (!currentPin) return refuse('invalid', 'CURRENT_PIN_REQUIRED', '修改支付密码需要输入原密码');
    // The check may have rewritten a legacy hash: the new PIN replaces what is stored now.
    previousHash = await requirePin(customer, currentPin, now);
  }
  const { birthDate } = validateRealName(await decrypt(customer.idNumberEnc!), businessDate(now));
  assertPinStrongEnough(pin, birthDate);
  await savePinHash(customerId, await hashPin(customerId, pin), previousHash);
  return profile(customerId);
}
