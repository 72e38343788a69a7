// The two-phase bill payment, shared by the payment route and the day close (auto-pay, and
// finishing payments a crash left HELD).
//
// Phase 1 — hold: one transaction writes the BILL_HOLD journal (customer → bill clearing), the
// payment record (HELD), its history pointer, its HELD index entry, the per-bill duplicate guard,
// the Class II limit counters and the customer's second factor (used up: the money moves here).
// The amount has left the customer's balance, so it cannot be spent elsewhere while the gateway
// is asked.
// Phase 2 — the gateway is asked under the payment id as reference, retried under GATEWAY_RETRY
// with the same reference (the biller dedupes on it). Confirmed → BILL_SETTLEMENT journal
// (clearing → billers' settlement) with the record SETTLED, the BILL_PAID event and, for the
// payment route, the request's answer; declined, or no answer and the gateway does not know the
// reference → BILL_VOID journal (clearing → customer) with the record VOIDED, the duplicate guard
// released and the limit given back. Both transitions are conditional on HELD, so a payment is
// never both delivered and refunded.
import { billerGateway } from '../adapters/biller-gateway.js';
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';
import { config } from '../config.js';
import type { CustomerEvent } from '../domain/customer-events.js';
import { billPeriodPaid } from '../domain/bills/amount.js';
import { maskBillAccount } from '../domain/bills/account-number.js';
import { type BillLookup, declinedMessage, TIMEOUT_MESSAGE } from '../domain/bills/bill.js';
import type { Biller } from '../domain/bills/biller.js';
import { billHoldJournal, billSettlementJournal, billVoidJournal } from '../domain/bills/journals.js';
import { refuse } from '../domain/errors.js';
import { HOUSE_ACCOUNTS, type Journal, type JournalRisk } from '../domain/ledger.js';
import { ledgerRefusal } from '../domain/ledger-refusal.js';
import { class2Charges } from '../domain/limits.js';
import { businessDate as calendarDate } from '../domain/time.js';
import { retry } from '../platform/retry.js';
import type { AccountRecord } from '../store/accounts.js';
import * as bills from '../store/bills.js';
import { decrypt, encrypt, lookupHash } from '../store/crypto.js';
import { deterministicJournalId, getJournal, type Guard, houseShard, limitRelease, postingShortOfFunds, postJournal } from '../store/ledger.js';
import { creditRecordedEvent, customerEventGuards } from './customer-events.js';
import { class2Limits } from './customer-guards.js';
import { GATEWAY_RETRY } from './gateway-retry.js';
import { COMPLETION_GUARD_TEXT } from './idempotency.js';
import type { AnswerCompletion } from './idempotency.js';
import type { SecondFactorGuards } from './second-factor.js';
import type { TransactItem } from '../store/transact.js';

/** A bill the gateway found (an account it does not know is refused before any payment). */
export type FoundBill = Exclude<BillLookup, { outcome: 'ACCOUNT_NOT_FOUND' }>;

const shard = (house: string, journalId: string) => houseShard(house, journalId, config().HOUSE_SHARDS);

export const billAccountHash = (billerId: string, accountNumber: string) => lookupHash('bill-account', `${billerId}:${accountNumber}`);

/** The key of a bill's duplicate guard: one payment per biller, account and period. */
export async function billGuardKey(billerId: string, accountNumber: string, period: string) {
  return bills.billAccountGuardKey(billerId, await billAccountHash(billerId, accountNumber), period);
}

/** The customer's balance moved between its read and the hold: read it again, a few times. */

/** A payment's id derives from its hold journal's, so a retried request finds its payment. */
export const paymentIdFor = (holdJournalId: string) => `P${holdJournalId.slice(1)}`;

/** Refuses a payment of a bill whose duplicate guard `holder` holds: paid already, or being paid. */
async function refuseTakenBill(holder: { customerId: string; paymentId: string } | undefined): Promise<never> {
  const payment = holder ? await bills.getPayment(holder.customerId, holder.paymentId) : undefined;
  if (payment?.status === 'SETTLED') return refuse('unprocessable', 'BILL_ALREADY_PAID', '该账单已缴清，请勿重复缴费');
  return refuse('conflict', 'BILL_PAYMENT_IN_PROGRESS', '该账单正在缴费处理中，请稍后查看缴费记录');
}

export interface HoldInput {
  customerId: string;
  account: AccountRecord;
  biller: Biller;
  accountNumber: string;
  lookup: FoundBill;
  amountFen: number;
  prepaymentFen: number;
  /** Derived from what asked for the payment (an Idempotency-Key, or payee + period for auto-pay). */
  journalId: string;
  origin: 'CUSTOMER' | 'AUTO_PAY';
  payeeId: string | null;
  now: Date;
  /** Jinlin's business date: the settlement date the gateway files the payment under. */
  businessDate: string;
  /** The customer's second factor, for a payment the customer confirms: used up by the hold. */
  factor?: SecondFactorGuards;
  /** The anti-fraud decision on a payment the customer asks for, and the writes that keep the
   *  rules' memory (auto-pay is not judged). */
  risk?: { journalRisk: JournalRisk; records: TransactItem[] };
}

/** A payment once held, with its hold journal (what the settlement or void moves on). */
export interface HeldPayment {
  payment: bills.BillPaymentRecord;
  hold: Journal;
  /** The customer's balance right after the hold; unknown when an earlier try made the hold. */
  balanceFen: number | undefined;
}

/** Phase 1. Answers the payment (the existing one when the request is a retry), or refuses with
 *  nothing written. */
export async function holdBillPayment(input: HoldInput): Promise<HeldPayment> {
  const { biller, lookup, now } = input;
  const paymentId = paymentIdFor(input.journalId);
  const guardedPeriod = billPeriodPaid(biller.amountRule, lookup);
  // Class II limits count per calendar day, as the account's limits view shows them.
  const limitCharges = class2Charges(input.account.accountId, 'OUT', calendarDate(now), input.amountFen, class2Limits());
  const accountNumberMasked = maskBillAccount(biller.accountNumber.format, input.accountNumber);
  const record: bills.BillPaymentRecord = {
    paymentId,
    customerId: input.customerId,
    accountId: input.account.accountId,
    billerId: biller.billerId,
    billerName: biller.name,
    category: biller.category,
    cityName: biller.city.name,
    accountNumberMasked,
    accountNumberEnc: await encrypt(input.accountNumber),
    gatewayBillerCode: biller.gateway.billerCode,
    holderNameMasked: lookup.holderNameMasked,
    period: lookup.outcome === 'BILL' ? lookup.period : null,
    amountDueFen: lookup.outcome === 'BILL' ? lookup.amountDueFen : null,
    amountFen: input.amountFen,
    prepaymentFen: input.prepaymentFen,
    status: 'HELD',
    holdJournalId: input.journalId,
    settleJournalId: null,
    voidJournalId: null,
    gatewayReference: null,
    businessDate: input.businessDate,
    heldAt: now.toISOString(),
    settledAt: null,
    voidedAt: null,
    failure: null,
    // A top-up or a prepayment without a bill has no bill to pay twice.
    guardKey: guardedPeriod ? await billGuardKey(biller.billerId, input.accountNumber, guardedPeriod) : null,
    limitBuckets: limitCharges.map((charge) => charge.bucket),
    origin: input.origin,
    payeeId: input.payeeId,
  };
  const hold: Journal = {
    ...billHoldJournal({
      journalId: input.journalId,
      customerAccountId: input.account.accountId,
      clearingShardAccountId: shard(HOUSE_ACCOUNTS.BILL_CLEARING, input.journalId),
      amountFen: input.amountFen,
      billerName: biller.name,
      accountNumberMasked,
      paymentId,
      createdAt: record.heldAt,
      ...(input.origin === 'AUTO_PAY' ? { origin: 'DAY_CLOSE' as const } : {}),
    }),
    ...(input.risk && { risk: input.risk.journalRisk }),
  };
  const guards = [...(input.factor?.guards ?? []), ...bills.newPaymentGuards(record)];
  const account = input.account;
  // A bill payment is a non-bound outflow of the Class II account (PBoC: 消费和缴费). Posted
  // against the balance as read, so the balance after it is known unread unless another
  // movement came between.
  const outcome =
    account.balanceFen < input.amountFen
      ? await postingShortOfFunds(hold, account.accountId)
      : await postJournal(hold, { limitCharges, guards, records: input.risk?.records, expectBalance: { accountId: account.accountId, balanceFen: account.balanceFen } });
  if (outcome.ok) {
    // Written just now by this transaction, exactly as `record`. A replayed hold (a retry whose
    // first reply was lost) may have moved on since: read what is stored.
    if (outcome.replayed) return { payment: await reread(record), hold: outcome.journal, balanceFen: undefined };
    return { payment: record, hold, balanceFen: outcome.atExpectedBalance ? account.balanceFen - input.amountFen : undefined };
  }
  // The bill is paid, or being paid, already (a duplicate guard taken meanwhile, or before).
  if (outcome.reason === 'GUARD_FAILED' && outcome.guard === 'BILL_GUARD' && record.guardKey) {
    return refuseTakenBill(await bills.guardHolder(record.guardKey));
  }
  throw ledgerRefusal(outcome, { ownAccountId: account.accountId, guards: input.factor?.texts });
}

/** How phase 2 runs: for the day close (its journals say so), on the hold journal when this run
 *  just wrote it, and storing the request's answer with a settlement (a void's answer needs the
 *  refunded balance read back, so the HTTP layer stores it). */
export interface Finishing {
  dayClose?: boolean;
  hold?: Journal;
  completion?: AnswerCompletion<bills.BillPaymentRecord>;
}

/** Phase 2 from the payment route (and auto-pay): ask the gateway, then settle or void. A payment
 *  that is not HELD any more is answered as it is. */
export async function completeBillPayment(record: bills.BillPaymentRecord, finishing: Finishing = {}): Promise<bills.BillPaymentRecord> {
  if (record.status !== 'HELD') return record;
  const gateway = billerGateway();
  const accountNumber = await decrypt(record.accountNumberEnc);
  const answer = await retry(GATEWAY_RETRY, () =>
    gateway.pay({
      billerId: record.billerId,
      billerCode: record.gatewayBillerCode,
      reference: record.paymentId,
      accountNumber,
      period: record.period,
      amountFen: record.amountFen,
      settlementDate: record.businessDate,
    }),
  ).catch(unanswered);
  if (answer?.ok) return settle(record, answer.gatewayReference, record.businessDate, finishing);
  if (answer) return voidPayment(record, { code: answer.code, message: declinedMessage(answer.message) }, finishing);
  // No answer within the retries: the gateway may still have taken it — ask once before voiding.
  const status = (await gateway.status({ reference: record.paymentId }).catch(unanswered)) ?? { state: 'UNKNOWN' as const };
  if (status.state === 'ACCEPTED') return settle(record, status.gatewayReference, status.settlementDate, finishing);
  return voidPayment(record, { code: 'BILLER_TIMEOUT', message: TIMEOUT_MESSAGE }, finishing);
}

/** The day close, for a payment a crash left HELD: the gateway is asked by reference (it
 *  remembers what it accepted) and the payment settled or voided accordingly. Left HELD, for the
 *  next close, when the gateway does not answer. */
export async function finishHeldPayment(record: bills.BillPaymentRecord): Promise<bills.BillPaymentRecord> {
  if (record.status !== 'HELD') return record;
  const status = await billerGateway().status({ reference: record.paymentId });
  if (status.state === 'ACCEPTED') return settle(record, status.gatewayReference, status.settlementDate, { dayClose: true });
  return voidPayment(record, { code: 'BILLER_TIMEOUT', message: TIMEOUT_MESSAGE }, { dayClose: true });
}

/** The gateway not answering is an outcome here (undefined), anything else an error. */
function unanswered(error: unknown): undefined {
  if (!(error instanceof UpstreamUnavailable)) throw error;
  return undefined;
}

async function holdOf(record: bills.BillPaymentRecord): Promise<Journal> {
  const hold = await getJournal(record.holdJournalId);
  if (!hold) throw new Error(`payment ${record.paymentId} has no hold journal`);
  return hold;
}

async function reread(record: bills.BillPaymentRecord): Promise<bills.BillPaymentRecord> {
  const fresh = await bills.getPayment(record.customerId, record.paymentId);
  if (!fresh) throw new Error(`payment ${record.paymentId} missing after its hold journal`);
  return fresh;
}

/** Posts a phase-2 journal with the payment's transition to `next` (and the request's answer,
 *  when given). Another run may have finished the payment first (the day close and a retried
 *  request): then its answer stands, read back, and `written` is false. */
async function complete(
  record: bills.BillPaymentRecord,
  next: bills.BillPaymentRecord,
  journal: Journal,
  guards: Guard[],
  completion?: AnswerCompletion<bills.BillPaymentRecord>,
): Promise<{ payment: bills.BillPaymentRecord; written: boolean }> {
  const outcome = await postJournal(journal, { guards: completion ? [...guards, completion.guard(next)] : guards });
  if (outcome.ok && !outcome.replayed) {
    completion?.stored();
    return { payment: next, written: true };
  }
  if (!outcome.ok && outcome.reason === 'GUARD_FAILED' && Object.hasOwn(COMPLETION_GUARD_TEXT, outcome.guard)) {
    // Another try of the same request took the answer over: it finishes the payment (so does the day close).
    throw ledgerRefusal(outcome, { guards: COMPLETION_GUARD_TEXT });
  }
  if (!outcome.ok && !(outcome.reason === 'GUARD_FAILED' && outcome.guard === 'NOT_HELD')) {
    throw new Error(`${journal.kind} of payment ${record.paymentId} refused unexpectedly: ${JSON.stringify(outcome)}`);
  }
  return { payment: await reread(record), written: false };
}

async function settle(record: bills.BillPaymentRecord, gatewayReference: string, settlementDate: string, { dayClose, hold, completion }: Finishing): Promise<bills.BillPaymentRecord> {
  const journalId = deterministicJournalId('bill-settle', record.paymentId);
  const settledAt = new Date().toISOString();
  const journal = billSettlementJournal({
    journalId,
    hold: hold ?? (await holdOf(record)),
    settlementShardAccountId: shard(HOUSE_ACCOUNTS.BILLER_SETTLEMENT, journalId),
    billerName: record.billerName,
    createdAt: settledAt,
    ...(dayClose ? { origin: 'DAY_CLOSE' as const } : {}),
  });
  const changes = { settleJournalId: journalId, gatewayReference, settledAt, businessDate: settlementDate };
  const event: CustomerEvent = {
    customerId: record.customerId,
    kind: 'BILL_PAID',
    at: settledAt,
    ref: record.paymentId,
    amountFen: record.amountFen,
    product: { type: 'BILL', id: record.category },
  };
  const guards = [...bills.settleGuards(record, changes), ...customerEventGuards(event)];
  const { payment, written } = await complete(record, { ...record, status: 'SETTLED', ...changes }, journal, guards, completion);
  // The run that settled the payment stored its event, and credits it.
  if (written) await creditRecordedEvent(event);
  return payment;
}

async function voidPayment(record: bills.BillPaymentRecord, failure: { code: string; message: string }, { dayClose, hold }: Finishing): Promise<bills.BillPaymentRecord> {
  const journalId = deterministicJournalId('bill-void', record.paymentId);
  const voidedAt = new Date().toISOString();
  const journal = billVoidJournal({
    journalId,
    hold: hold ?? (await holdOf(record)),
    billerName: record.billerName,
    createdAt: voidedAt,
    ...(dayClose ? { origin: 'DAY_CLOSE' as const } : {}),
  });
  const changes = { voidJournalId: journalId, voidedAt, failure };
  const guards = [
    ...bills.voidGuards(record, changes),
    // Nothing left the account in the end: the bill is unpaid again (the customer may pay it once
    // more), and the Class II limit the hold used is given back.
    ...(record.guardKey ? [bills.releaseBillGuard(record.guardKey, record.paymentId)] : []),
    ...record.limitBuckets.map((bucket) => limitRelease(record.accountId, bucket, record.amountFen)),
  ];
  return (await complete(record, { ...record, status: 'VOIDED', ...changes }, journal, guards)).payment;
}
