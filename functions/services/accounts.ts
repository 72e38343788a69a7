// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, history.
import { randomInt, randomUUID } from 'node:crypto';
import { cardGateway } from '../adapters/card-gateway.js';
import { config } from '../config.js';
import type { MoneyMovementResult } from '../contract/schemas.js';
import { accountNumberFrom } from '../domain/account-number.js';
import { luhnValid } from '../domain/card.js';
import { assertReadyFor } from '../domain/customer.js';
import { refuse } from '../domain/errors.js';
import { HOUSE_ACCOUNTS, reversalJournal, topUpJournal, transferJournal, withdrawJournal } from '../domain/ledger.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import { assertWithinSingleLimits, class2Charges, limitBuckets } from '../domain/limits.js';
import { maskCardNumber } from '../domain/masking.js';
import { businessDate } from '../domain/time.js';
import { retry } from '../platform/retry.js';
import { type AccountRecord, getAccount, limitCounters, openAccount as storeAccount } from '../store/accounts.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { type CustomerRecord, customerIdByLookup, getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import { deterministicJournalId, historyPage, houseShard, type PostOutcome, postJournal } from '../store/ledger.js';
import { recordCustomerEvent } from './customer-events.js';
import { class2Limits, loadCustomer, loadOwnAccount, onboardingState, requirePin } from './customer-guards.js';
import { GATEWAY_RETRY } from './gateway-retry.js';

/** An account with what its limits view needs: the Class II counters of today and this year. */
export interface AccountWithUsage {
  account: AccountRecord;
  usedFen: { outToday: number; outThisYear: number; inToday: number; inThisYear: number };
}

async function withUsage(account: AccountRecord, now: Date): Promise<AccountWithUsage> {
  const today = businessDate(now);
  const out = limitBuckets('OUT', today);
  const into = limitBuckets('IN', today);
  const used = await limitCounters(account.accountId, [out.daily, out.yearly, into.daily, into.yearly]);
  return {
    account,
    usedFen: { outToday: used[out.daily]!, outThisYear: used[out.yearly]!, inToday: used[into.daily]!, inThisYear: used[into.yearly]! },
  };
}

export async function openAccount(customerId: string, cardNumber: string, now: Date): Promise<AccountWithUsage> {
  const customer = await loadCustomer(customerId);
  assertReadyFor('openAccount', onboardingState(customer));
  if (customer.accountId) return refuse('conflict', 'ACCOUNT_ALREADY_OPEN', '已开通电子账户');
  if (!luhnValid(cardNumber)) return refuse('invalid', 'CARD_NUMBER_INVALID', '银行卡号有误，请核对');
  const verified = await cardGateway().verify({
    cardNumber,
    holderName: await decrypt(customer.nameEnc!),
    idNumber: await decrypt(customer.idNumberEnc!),
  });
  if (!verified.ok) return refuse('unprocessable', verified.code, verified.message);
  const accountNumber = accountNumberFrom(String(randomInt(0, 1e12)).padStart(12, '0'));
  const account: AccountRecord = {
    accountId: randomUUID(),
    ownerCustomerId: customerId,
    accountNumberMasked: `${accountNumber.slice(0, 4)} **** **** ${accountNumber.slice(-4)}`,
    accountNumberEnc: await encrypt(accountNumber),
    accountClass: 'II',
    balanceFen: 0,
    status: 'ACTIVE',
    boundCard: {
      bankName: verified.bankName,
      cardNumberMasked: maskCardNumber(cardNumber),
      cardNumberEnc: await encrypt(cardNumber),
    },
    openedAt: now.toISOString(),
  };
  await storeAccount(account);
  await recordCustomerEvent({ customerId, kind: 'ACCOUNT_OPENED', at: account.openedAt, ref: account.accountId });
  // A new account has used no limit yet.
  return { account, usedFen: { outToday: 0, outThisYear: 0, inToday: 0, inThisYear: 0 } };
}

export async function ownAccount(customerId: string, now: Date): Promise<AccountWithUsage> {
  return withUsage(await loadOwnAccount(await loadCustomer(customerId)), now);
}

/** The answer to a posted movement, or the customer's refusal. */
async function settled(outcome: PostOutcome, ownAccountId: string, status: 'SUCCEEDED' | 'REVERSED' = 'SUCCEEDED'): Promise<MoneyMovementResult> {
  if (!outcome.ok) throw ledgerRefusal(outcome, { ownAccountId });
  const own = outcome.journal.postings.find((p) => p.accountId === ownAccountId);
  if (!own) throw new Error(`journal ${outcome.journal.journalId} does not touch account ${ownAccountId}`);
  const account = await getAccount(ownAccountId);
  return {
    journalId: outcome.journal.journalId,
    kind: outcome.journal.kind,
    status,
    amountFen: Math.abs(own.amountFen),
    balanceFen: account!.balanceFen,
    createdAt: outcome.journal.createdAt,
  };
}

const houseCardShard = (journalId: string) => houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, config().HOUSE_SHARDS);
const cardLabel = (account: AccountRecord) => `${account.boundCard.bankName} ${account.boundCard.cardNumberMasked.slice(-4)}`;

export interface CardMovement {
  customerId: string;
  amountFen: number;
  pin: string;
  now: Date;
  idempotencyKey: string;
}

/** The checks before money moves with the bound card (bound: no Class II limit but the single
 *  amount's): the customer's own account, then the PIN. */
async function cardMovementAccount({ customerId, amountFen, pin, now }: CardMovement): Promise<AccountRecord> {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  assertWithinSingleLimits(amountFen, class2Limits(), false);
  await requirePin(customer, pin, now);
  return account;
}

export async function topUp(movement: CardMovement): Promise<MoneyMovementResult> {
  const { customerId, amountFen, now, idempotencyKey } = movement;
  const account = await cardMovementAccount(movement);
  const journalId = deterministicJournalId(customerId, 'topUp', idempotencyKey);
  // Pull from the card first: the e-account is credited only with money that has arrived.
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pulled = await retry(GATEWAY_RETRY, () => cardGateway().debit({ cardNumber, amountFen, reference: journalId }));
  // The card network gave a definite no: nothing moved, and retrying will not change it.
  if (!pulled.ok) return refuse('unprocessable', pulled.code, pulled.message);
  const journal = topUpJournal({
    journalId,
    customerAccountId: account.accountId,
    cardMasked: cardLabel(account),
    houseShardAccountId: houseCardShard(journalId),
    amountFen,
    createdAt: now.toISOString(),
  });
  return settled(await postJournal(journal), account.accountId);
}

export async function withdraw(movement: CardMovement): Promise<MoneyMovementResult> {
  const { customerId, amountFen, now, idempotencyKey } = movement;
  const account = await cardMovementAccount(movement);
  // Debit first so the money cannot be spent twice while the card network is asked.
  const journalId = deterministicJournalId(customerId, 'withdraw', idempotencyKey);
  const debited = await postJournal(
    withdrawJournal({
      journalId,
      customerAccountId: account.accountId,
      cardMasked: cardLabel(account),
      houseShardAccountId: houseCardShard(journalId),
      amountFen,
      createdAt: now.toISOString(),
    }),
  );
  if (!debited.ok) return settled(debited, account.accountId);
  const cardNumber = await decrypt(account.boundCard.cardNumberEnc);
  const pushed = await retry(GATEWAY_RETRY, () => cardGateway().credit({ cardNumber, amountFen, reference: debited.journal.journalId }));
  if (pushed.ok) return settled(debited, account.accountId);
  // The card refused the money: it never left the bank, so it goes back by a reversal journal.
  const reversal = reversalJournal(debited.journal, deterministicJournalId(customerId, 'withdraw-reversal', idempotencyKey), new Date().toISOString());
  return settled(await postJournal(reversal), account.accountId, 'REVERSED');
}

interface Payee {
  customer: CustomerRecord;
  accountId: string;
  nameMasked: string;
}

async function payeeByPhone(phone: string): Promise<Payee> {
  const payeeId = await customerIdByLookup(keys.phone(await lookupHash('phone', phone)));
  const payee = payeeId ? await getCustomer(payeeId) : undefined;
  if (!payee?.accountId || !payee.nameMasked) return refuse('not_found', 'PAYEE_NOT_FOUND', '未找到该手机号对应的近邻银行账户');
  return { customer: payee, accountId: payee.accountId, nameMasked: payee.nameMasked };
}

/** Whom a phone number pays, masked, for the customer to confirm before a transfer. */
export async function findPayee(customerId: string, phone: string): Promise<{ nameMasked: string }> {
  await loadOwnAccount(await loadCustomer(customerId));
  const { nameMasked } = await payeeByPhone(phone);
  return { nameMasked };
}

export interface TransferRequest extends CardMovement {
  toPhone: string;
  memo?: string;
}

export async function transfer({ customerId, amountFen, pin, now, idempotencyKey, toPhone, memo }: TransferRequest): Promise<MoneyMovementResult> {
  const customer = await loadCustomer(customerId);
  const account = await loadOwnAccount(customer);
  const limits = class2Limits();
  assertWithinSingleLimits(amountFen, limits, true);
  const to = await payeeByPhone(toPhone);
  if (to.accountId === account.accountId) return refuse('invalid', 'SAME_ACCOUNT', '不能转账给自己');
  await requirePin(customer, pin, now);
  const today = businessDate(now);
  const journal = transferJournal({
    journalId: deterministicJournalId(customerId, 'transfer', idempotencyKey),
    from: { accountId: account.accountId, displayName: customer.nameMasked! },
    to: { accountId: to.accountId, displayName: to.nameMasked },
    amountFen,
    memo,
    createdAt: now.toISOString(),
  });
  // A transfer between two Class II accounts is non-bound on both sides.
  const outcome = await postJournal(journal, {
    limitCharges: [...class2Charges(account.accountId, 'OUT', today, amountFen, limits), ...class2Charges(to.accountId, 'IN', today, amountFen, limits)],
  });
  return settled(outcome, account.accountId);
}

export async function history(customerId: string, limit: number, cursor: string | undefined) {
  const account = await loadOwnAccount(await loadCustomer(customerId));
  return historyPage(account.accountId, limit, cursor);
}
