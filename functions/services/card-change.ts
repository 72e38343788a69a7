// 更换绑定卡: the identity check (the ID number, and the PIN under a nonce asked for this very
// request, services/second-factor.ts), the new card verified by the card gateway as the customer's
// own, then in one transaction the old card unbound and the new one bound, the change kept in the
// account's card history, the nonce used up and the security event recorded; then a notice to the
// bound phone.
//
// Money in flight: a top-up or withdrawal reads the bound card once, with the account, and moves
// money with that card only, so one in flight when the card changes still settles with the card it
// started with (its journal names that card). The change itself is conditional on the account
// still being bound to the card it read, and ACTIVE.
import { randomUUID } from 'node:crypto';
import { newCardRefusal } from '../domain/card.js';
import type { CustomerEvent } from '../domain/customer-events.js';
import { refuse } from '../domain/errors.js';
import { guardRefusal } from '../domain/ledger-refusal.js';
import { maskPhone } from '../domain/masking.js';
import { chinaMinute } from '../domain/time.js';
import type { AccountRecord } from '../store/accounts.js';
import { type CardChangeRecord, cardChangeItems, cardChanges } from '../store/card-changes.js';
import { decrypt, lookupHash } from '../store/crypto.js';
import { transactWrite } from '../store/transact.js';
import { verifiedOwnCard } from './accounts.js';
import { creditRecordedEvent, customerEventGuards } from './customer-events.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';
import { type OpenedSecondFactor, pinFactor, requireSecondFactor } from './second-factor.js';
import { postMessage } from './messages.js';
import { sendNotice } from './sms-notice.js';

export interface CardChangeDone {
  account: AccountRecord;
  change: CardChangeRecord;
  phoneMasked: string;
}

const ACCOUNT_NOT_ACTIVE = ['ACCOUNT_FROZEN', '电子账户已冻结，暂不能更换绑定卡，请联系近邻银行客服'] as const;

/** The ID number given is the one verified at onboarding (compared as keyed hashes). */
async function sameIdNumber(given: string, verified: string): Promise<boolean> {
  const [a, b] = await Promise.all([lookupHash('id', given.toUpperCase()), lookupHash('id', verified.toUpperCase())]);
  return a === b;
}

export async function changeBoundCard(customerId: string, { idNumber, cardNumber }: { idNumber: string; cardNumber: string }, opened: OpenedSecondFactor, now: Date): Promise<CardChangeDone> {
  const factor = pinFactor(opened);
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  if (account.status !== 'ACTIVE') return refuse('conflict', ...ACCOUNT_NOT_ACTIVE);
  const currentCardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const invalid = newCardRefusal(currentCardNumber, cardNumber);
  if (invalid) return refuse('invalid', invalid.code, invalid.message);
  // The PIN first (wrong ones are counted), then the ID number: only the PIN's holder learns
  // whether an ID number is right.
  const guards = await requireSecondFactor(customer, factor, now);
  if (!(await sameIdNumber(idNumber, await decrypt(customer.idNumberEnc!)))) return refuse('unprocessable', 'IDENTITY_MISMATCH', '身份证号与实名信息不一致');
  const newCard = await verifiedOwnCard(customer, cardNumber);

  const change: CardChangeRecord = { changeId: randomUUID(), accountId: account.accountId, changedAt: now.toISOString(), oldCard: account.boundCard, newCard };
  const event: CustomerEvent = { customerId, kind: 'CARD_CHANGED', at: change.changedAt, ref: change.changeId };
  const eventGuards = customerEventGuards(event);
  const refusedAt = await transactWrite([...cardChangeItems(change), ...eventGuards.map((guard) => guard.item), ...guards.guards.map((guard) => guard.item)]);
  if (refusedAt === 0) return refuse('conflict', 'CARD_CHANGE_CONFLICT', '绑定卡或账户状态已变化，请刷新后重试');
  if (refusedAt !== undefined) {
    const guard = guards.guards[refusedAt - 2 - eventGuards.length];
    if (!guard) throw new Error(`card change ${change.changeId}: refused by item ${refusedAt}`);
    throw guardRefusal(guards.texts[guard.name]!);
  }

  await creditRecordedEvent(event);
  const phone = await decrypt(customer.phoneEnc!);
  await sendNotice(phone, { template: 'CARD_CHANGED_NOTICE', params: { time: chinaMinute(now), last4: cardNumber.slice(-4) } });
  await postMessage({ customerId, kind: 'CARD_CHANGED', ref: change.changeId, at: change.changedAt, detail: `新卡尾号 ${cardNumber.slice(-4)}` });
  return { account: { ...account, boundCard: newCard }, change, phoneMasked: maskPhone(phone) };
}

/** The card in force, since when, and the account's last card changes. */
export async function cardBindings(customerId: string): Promise<{ account: AccountRecord; changes: CardChangeRecord[] }> {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  return { account, changes: await cardChanges(account.accountId) };
}
