// 更换手机号: a code to the old phone and one to the new phone — or, when the old phone is lost,
// the identity check (the real name, ID number and bound card: services/identity-check.ts) with
// the new phone's code — then in one transaction the codes used up, the phone's lookup item moved
// from the old phone to the new one with the phone on the customer (so a payer who types the new
// phone finds this customer, and the old phone finds nobody), the change kept in the customer's
// phone history and the security event recorded; then a notice to both phones and a message in
// the message centre.
//
// A transfer whose nonce was issued before the change pays the account it named then: the nonce
// holds the payee's account, not the phone (services/payment-authorization.ts).
import { randomUUID } from 'node:crypto';
import type { CustomerEvent } from '../domain/customer-events.js';
import { assertReadyFor } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { maskPhone } from '../domain/masking.js';
import { type IdentityAnswers, normalizedAnswers } from '../domain/pin-reset.js';
import { chinaMinute } from '../domain/time.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, customerIdByLookup } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { NEW_PHONE_ITEM_AT, type PhoneChangeRecord, phoneChangeItems, phoneChanges } from '../store/phone-changes.js';
import { transactWrite } from '../store/transact.js';
import { creditRecordedEvent, customerEventGuards } from './customer-events.js';
import { loadOwnAccount, loadSignedInCustomer, onboardingState } from './customer-guards.js';
import { type CodeAnswer, type CodeSent, checkCodes, codeSent, identityMatches, sendIdentityCode, sendNewPhoneCode } from './identity-check.js';
import { postMessage } from './messages.js';
import { sendNotice } from './sms-notice.js';

export type PhoneCodeRequest = { to: 'OLD' } | { to: 'NEW'; newPhone: string };

/** The old phone's code, or (the old phone lost) the identity check's three answers. */
export type PhoneChangeRequest = { newPhone: string; newPhoneCode: string } & ({ oldPhoneCode: string } | IdentityAnswers);

export interface PhoneChangeDone {
  change: PhoneChangeRecord;
}

const OLD_CODE_NAME = '原手机号验证码';
const NEW_CODE_NAME = '新手机号验证码';

/** The customer asking, signed in with a session no loss report revoked, with the onboarding the
 *  identity check needs (a bound card), and an account not closed. */
async function loadChanger(customerId: string, tokenIssuedAtMs: number): Promise<CustomerRecord> {
  const customer = await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  assertReadyFor('moveMoney', onboardingState(customer));
  if (customer.accountClosure) return refuse('conflict', 'ACCOUNT_CLOSED', '电子账户已销户，无法更换手机号');
  return customer;
}

/** The new phone's keyed hash, once it is known to be neither the bound phone nor another
 *  customer's. (A payer can already learn whether a phone is a customer's; this says no more.) */
async function freePhoneHash(customer: CustomerRecord, newPhone: string): Promise<string> {
  const hash = await lookupHash('phone', newPhone);
  if (hash === customer.phoneHash) return refuse('unprocessable', 'PHONE_UNCHANGED', '新手机号与当前绑定的手机号相同');
  if (await customerIdByLookup(keys.phone(hash))) return refusePhoneInUse();
  return hash;
}

const refusePhoneInUse = (): never => refuse('conflict', 'PHONE_IN_USE', '该手机号已被其他用户绑定');

/** 发送验证码 to the bound phone, or to the new one (each its own code, limits and countdown). */
export async function sendPhoneChangeCode(customerId: string, tokenIssuedAtMs: number, request: PhoneCodeRequest, now: Date): Promise<CodeSent> {
  const customer = await loadChanger(customerId, tokenIssuedAtMs);
  let sent;
  if (request.to === 'OLD') sent = await sendIdentityCode(customer, 'PHONE_CHANGE', now);
  else {
    await freePhoneHash(customer, request.newPhone);
    sent = await sendNewPhoneCode(customer, request.newPhone, now);
  }
  return codeSent(sent);
}

/**
 * The change. Wrong codes and wrong identity answers are counted as the identity check counts them
 * (and nothing else changes); a phone another customer took meanwhile is refused with nothing
 * changed, the codes still in force.
 */
export async function changePhone(customerId: string, tokenIssuedAtMs: number, request: PhoneChangeRequest, now: Date): Promise<PhoneChangeDone> {
  const customer = await loadChanger(customerId, tokenIssuedAtMs);
  const account = await loadOwnAccount(customer);
  const { newPhone } = request;
  const newHash = await freePhoneHash(customer, newPhone);
  const oldPhone = await decrypt(customer.phoneEnc!);
  const newCode: CodeAnswer = { slot: 'NEW_PHONE', newPhone, code: request.newPhoneCode, name: NEW_CODE_NAME };
  const byOldPhone = 'oldPhoneCode' in request;
  const codes: CodeAnswer[] = byOldPhone ? [{ slot: 'BOUND_PHONE', purpose: 'PHONE_CHANGE', code: request.oldPhoneCode, name: OLD_CODE_NAME }, newCode] : [newCode];
  const identityRight = byOldPhone || (await identityMatches(customer, account, normalizedAnswers(request)));

  const change: PhoneChangeRecord = {
    changeId: randomUUID(),
    customerId,
    changedAt: now.toISOString(),
    oldPhoneMasked: maskPhone(oldPhone),
    newPhoneMasked: maskPhone(newPhone),
    verifiedBy: byOldPhone ? 'OLD_PHONE_CODE' : 'IDENTITY_CHECK',
  };
  const event: CustomerEvent = { customerId, kind: 'PHONE_CHANGED', at: change.changedAt, ref: change.changeId };
  const sealed = { hash: newHash, enc: await encrypt(newPhone), masked: change.newPhoneMasked };
  await checkCodes(customer, codes, identityRight, now, async (usedUp) => {
    const refusedAt = await transactWrite([...usedUp, ...phoneChangeItems(change, customer.phoneHash!, sealed), ...customerEventGuards(event).map((guard) => guard.item)]);
    if (refusedAt === undefined || refusedAt < usedUp.length) return refusedAt;
    if (refusedAt === usedUp.length + NEW_PHONE_ITEM_AT) return refusePhoneInUse();
    return refuse('conflict', 'PHONE_CHANGE_CONFLICT', '绑定手机号或账户状态已变化，请刷新后重试');
  });

  await creditRecordedEvent(event);
  const notice = { template: 'PHONE_CHANGED_NOTICE', params: { time: chinaMinute(now), oldPhone: change.oldPhoneMasked, newPhone: change.newPhoneMasked } } as const;
  await Promise.all([
    sendNotice(oldPhone, notice),
    sendNotice(newPhone, notice),
    postMessage({ customerId, kind: 'PHONE_CHANGED', ref: change.changeId, at: change.changedAt, detail: `新手机号 ${change.newPhoneMasked}` }),
  ]);
  return { change };
}

/** The bound phone, masked, and the customer's last phone changes. */
export async function phoneBindings(customerId: string, tokenIssuedAtMs: number): Promise<{ phoneMasked: string; changes: PhoneChangeRecord[] }> {
  const customer = await loadSignedInCustomer(customerId, tokenIssuedAtMs);
  assertReadyFor('moveMoney', onboardingState(customer));
  return { phoneMasked: customer.phoneMasked!, changes: await phoneChanges(customerId) };
}
