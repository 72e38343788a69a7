// Bill payment (缴费) for customers: the biller catalogue, bill lookup through the
// biller gateway, payment (the two-phase workflow of bill-payment.ts), receipts and history,
// saved payees with one-tap re-query and auto-pay settings. Operators' billers and
// reconciliation reports: services/biller-factory.ts.
import { billerGateway } from '../adapters/biller-gateway.js';
import type { BillPaymentRequest } from '../contract/bill-schemas.js';
import { checkAccountNumber, maskBillAccount } from '../domain/bills/account-number.js';
import { type AmountOptions, amountOptions, billPeriodPaid, checkAmount, isPrepaid, payableLookup } from '../domain/bills/amount.js';
import type { AutoPaySetting } from '../domain/bills/auto-pay.js';
import { BILL_CATEGORIES, type BillCategory, type Biller } from '../domain/bills/biller.js';
import { Refusal, refuse } from '../domain/errors.js';
import { type GuardText, guardRefusal, ledgerRefusal } from '../domain/ledger-refusal.js';
import { assertWithinSingleLimits } from '../domain/limits.js';
import { allInOrder } from '../platform/all-in-order.js';
import { getAccount } from '../store/accounts.js';
import * as bills from '../store/bills.js';
import { currentBusinessDate } from '../store/business-date.js';
import { decrypt, encrypt } from '../store/crypto.js';
import { deterministicJournalId } from '../store/ledger.js';
import { billAccountHash, billGuardKey, completeBillPayment, type FoundBill, holdBillPayment, paymentIdFor } from './bill-payment.js';
import { class2Limits, loadCustomer, loadOwnAccount } from './customer-guards.js';
import type { AnswerCompletion } from './idempotency.js';
import { loadNonceAccount, movementParties } from './money-request.js';
import { enforceMovementRisk } from './movement-risk.js';
import { movementRiskKeys, movementRiskMemory } from '../store/movement-risk.js';
import type { TokenDevice } from './tokens.js';
import { type OpenedSecondFactor, requireSecondFactor } from './second-factor.js';

export type { BillPaymentRecord, PayeeRecord, ReconciliationRecord } from '../store/bills.js';

async function knownBiller(billerId: string): Promise<Biller> {
  return (await bills.getBiller(billerId)) ?? refuse('not_found', 'BILLER_NOT_FOUND', '未找到该缴费单位');
}

async function activeBiller(billerId: string): Promise<Biller> {
  const biller = await knownBiller(billerId);
  if (biller.status !== 'ACTIVE') refuse('unprocessable', 'BILLER_SUSPENDED', '该缴费单位暂停缴费服务');
  return biller;
}

/** The account number in the biller's format, refused before any gateway call when it is not. */
const billerAccountNumber = (biller: Biller, raw: string) => checkAccountNumber(biller.accountNumber.format, biller.accountNumber.label, raw);

const PAYEE_NOT_FOUND = ['PAYEE_NOT_FOUND', '未找到该常用缴费户', 'not_found'] as const satisfies GuardText;

async function ownPayee(customerId: string, payeeId: string): Promise<bills.PayeeRecord> {
  // Payees live under their owner's key: another customer's payee id simply is not there.
  const payee = await bills.getPayee(customerId, payeeId);
  if (!payee) throw guardRefusal(PAYEE_NOT_FOUND);
  return payee;
}

/** The gateway's bill (none for a prepaid biller); an account the biller does not know is refused. */
async function findBill(biller: Biller, accountNumber: string, today: string): Promise<FoundBill> {
  const lookup = await billerGateway().lookup({ billerId: biller.billerId, billerCode: biller.gateway.billerCode, accountNumber, asOf: today });
  if (lookup.outcome === 'ACCOUNT_NOT_FOUND') {
    return refuse('unprocessable', 'BILL_ACCOUNT_NOT_FOUND', `缴费单位未查询到该${biller.accountNumber.label}，请核对后重试`);
  }
  return payableLookup(biller.amountRule, lookup);
}

// ---- the catalogue ---------------------------------------------------------------------------

export interface BillerCatalogue {
  /** Categories that have an active biller, in catalogue order, with the cities they serve. */
  categories: { category: BillCategory; cities: { code: string; name: string }[] }[];
  /** The active billers the filter asks for. */
  billers: Biller[];
}

export async function billerCatalogue(filter: { category?: BillCategory; city?: string }): Promise<BillerCatalogue> {
  const active = (await bills.listBillers()).filter((biller) => biller.status === 'ACTIVE');
  const categories = BILL_CATEGORIES.map((category) => {
    const cities = new Map(active.filter((biller) => biller.category === category).map((biller) => [biller.city.code, biller.city.name]));
    return { category, cities: [...cities].map(([code, name]) => ({ code, name })) };
  }).filter(({ cities }) => cities.length > 0);
  const billers = active.filter((biller) => (!filter.category || biller.category === filter.category) && (!filter.city || biller.city.code === filter.city));
  return { categories, billers };
}

// ---- bills -----------------------------------------------------------------------------------

/** A bill as the customer is shown it before paying. */
export interface BillQuote {
  biller: Biller;
  accountNumberMasked: string;
  bill: FoundBill;
  /** Paid (or being paid) already; the payment id only when it was this customer's. */
  alreadyPaid: { paymentId: string | null } | null;
  /** What may be paid now; null when nothing can be. */
  amount: AmountOptions | null;
  payeeId: string | null;
  businessDate: string;
}

async function quote(customerId: string, biller: Biller, accountNumber: string, payeeId: string | null, today: string): Promise<BillQuote> {
  const bill = await findBill(biller, accountNumber, today);
  let alreadyPaid: BillQuote['alreadyPaid'] = null;
  const period = billPeriodPaid(biller.amountRule, bill);
  if (period) {
    const holder = await bills.guardHolder(await billGuardKey(biller.billerId, accountNumber, period));
    // Someone else's payment of the same bill (a family member) is shown without its id.
    if (holder) alreadyPaid = { paymentId: holder.customerId === customerId ? holder.paymentId : null };
  }
  let amount: AmountOptions | null = null;
  if (!alreadyPaid) {
    try {
      amount = amountOptions(biller.amountRule, bill.outcome === 'BILL' ? bill.amountDueFen : null);
    } catch (error) {
      // Nothing payable (an exact-bill biller with no bill): the quote says so with amount null.
      if (!(error instanceof Refusal)) throw error;
    }
  }
  return { biller, accountNumberMasked: maskBillAccount(biller.accountNumber.format, accountNumber), bill, alreadyPaid, amount, payeeId, businessDate: today };
}

export async function lookupBill(customerId: string, request: { billerId: string; accountNumber: string }, now: Date): Promise<BillQuote> {
  await loadOwnAccount(await loadCustomer(customerId));
  const biller = await activeBiller(request.billerId);
  return quote(customerId, biller, billerAccountNumber(biller, request.accountNumber), null, await currentBusinessDate(now));
}

/** One-tap re-query of a saved payee's bill. */
export async function payeeBill(customerId: string, payeeId: string, now: Date): Promise<BillQuote> {
  await loadOwnAccount(await loadCustomer(customerId));
  const payee = await ownPayee(customerId, payeeId);
  const biller = await activeBiller(payee.billerId);
  return quote(customerId, biller, await decrypt(payee.accountNumberEnc), payee.payeeId, await currentBusinessDate(now));
}

// ---- payment ---------------------------------------------------------------------------------

/** What a payment pays: a saved payee's biller and account, or the ones the request names. */
async function payTarget(customerId: string, request: BillPaymentRequest): Promise<{ biller: Biller; accountNumber: string; payeeId: string | null }> {
  if (request.payeeId) {
    const payee = await ownPayee(customerId, request.payeeId);
    const biller = await activeBiller(payee.billerId);
    return { biller, accountNumber: await decrypt(payee.accountNumberEnc), payeeId: payee.payeeId };
  }
  // The contract asks for both when there is no payee.
  const biller = await activeBiller(request.billerId!);
  return { biller, accountNumber: billerAccountNumber(biller, request.accountNumber!), payeeId: null };
}

export interface BillPaymentOrder {
  customerId: string;
  request: BillPaymentRequest;
  secondFactor: OpenedSecondFactor;
  /** What the access token says of the device and the session's last step-up. */
  device: TokenDevice;
  now: Date;
  idempotencyKey: string;
  completion?: AnswerCompletion<BillPaid>;
}

/** A payment as the request left it, and the e-account's balance after it. */
export interface BillPaid {
  payment: bills.BillPaymentRecord;
  balanceFen: number;
}

/** Pays a bill with the second factor: held (the second factor used up with the hold), then
 *  settled or voided by the gateway's answer. A retry of the same request that got as far as the
 *  hold finishes that payment, never a second one. A bill paid, or being paid, already is refused
 *  by the hold's duplicate guard, with nothing written. */
export async function payBill({ customerId, request, secondFactor, device, now, idempotencyKey, completion }: BillPaymentOrder): Promise<BillPaid> {
  const journalId = deterministicJournalId(customerId, 'billPay', idempotencyKey);
  // The customer and account, what is paid, an earlier try of this request and the business
  // date: independent reads.
  const parties = movementParties(customerId, secondFactor, null, now);
  const [{ customer, account, also }, { biller, accountNumber, payeeId }, earlier, today] = await allInOrder([
    loadNonceAccount(customerId, secondFactor, undefined, movementRiskKeys(parties)),
    payTarget(customerId, request),
    bills.getPayment(customerId, paymentIdFor(journalId)),
    currentBusinessDate(now),
  ]);
  assertWithinSingleLimits(request.amountFen, class2Limits(), true);
  const balanceNowFen = async () => (await getAccount(account.accountId))!.balanceFen;
  if (earlier) {
    // An earlier try of this request held the money (and used up its second factor then): this
    // one finishes that payment, its PIN checked all the same.
    await requireSecondFactor(customer, secondFactor, now);
    const payment = await completeBillPayment(earlier);
    return { payment, balanceFen: await balanceNowFen() };
  }
  const bill = await findBill(biller, accountNumber, today);
  if (request.billPeriod !== undefined && request.billPeriod !== (bill.outcome === 'BILL' ? bill.period : undefined)) {
    refuse('unprocessable', 'BILL_CHANGED', '账单已更新，请重新查询后缴费');
  }
  const { prepaymentFen } = checkAmount(biller.amountRule, bill.outcome === 'BILL' ? bill.amountDueFen : null, request.amountFen);
  const factor = await requireSecondFactor(customer, secondFactor, now);
  const risk = enforceMovementRisk(movementRiskMemory(parties, also), {
    ...parties,
    kind: 'BILL_PAYMENT',
    amountFen: request.amountFen,
    customer,
    acknowledged: request.riskAcknowledged === true,
    device,
  });
  const held = await holdBillPayment({
    customerId,
    account,
    biller,
    accountNumber,
    lookup: bill,
    amountFen: request.amountFen,
    prepaymentFen,
    journalId,
    origin: 'CUSTOMER',
    payeeId,
    now,
    businessDate: today,
    factor,
    risk,
  });
  const { balanceFen } = held;
  // A settlement leaves the balance as the hold left it: the settlement stores the answer.
  const payment = await completeBillPayment(held.payment, {
    hold: held.hold,
    completion: balanceFen === undefined ? undefined : completion && { guard: (settled) => completion.guard({ payment: settled, balanceFen }), stored: () => completion.stored() },
  });
  return { payment, balanceFen: payment.status === 'SETTLED' && balanceFen !== undefined ? balanceFen : await balanceNowFen() };
}

export async function paymentHistory(customerId: string, query: { category?: BillCategory; limit?: number; cursor?: string }) {
  await loadCustomer(customerId);
  return bills.paymentHistory(customerId, query.category, query.limit ?? 20, query.cursor);
}

export async function paymentReceipt(customerId: string, paymentId: string): Promise<bills.BillPaymentRecord> {
  return (await bills.getPayment(customerId, paymentId)) ?? refuse('not_found', 'PAYMENT_NOT_FOUND', '未找到该笔缴费');
}

// ---- saved payees ----------------------------------------------------------------------------

export interface PayeeWithBiller {
  payee: bills.PayeeRecord;
  biller: Biller;
}

/** The customer's payees; one whose biller was removed is left out. */
export async function listPayees(customerId: string): Promise<PayeeWithBiller[]> {
  await loadCustomer(customerId);
  const payees = await bills.listPayees(customerId);
  const billerIds = [...new Set(payees.map((payee) => payee.billerId))];
  const found = await allInOrder(billerIds.map((billerId) => bills.getBiller(billerId)));
  const billers = new Map(found.flatMap((biller) => (biller ? [[biller.billerId, biller] as const] : [])));
  return payees.flatMap((payee) => {
    const biller = billers.get(payee.billerId);
    return biller ? [{ payee, biller }] : [];
  });
}

export async function savePayee(customerId: string, request: { nickname: string; billerId: string; accountNumber: string }, now: Date): Promise<PayeeWithBiller> {
  await loadOwnAccount(await loadCustomer(customerId));
  const biller = await activeBiller(request.billerId);
  const accountNumber = billerAccountNumber(biller, request.accountNumber);
  // Only an account the biller knows is worth saving.
  await findBill(biller, accountNumber, await currentBusinessDate(now));
  const payee: bills.PayeeRecord = {
    payeeId: bills.payeeIdFor(customerId, biller.billerId, await billAccountHash(biller.billerId, accountNumber)),
    customerId,
    nickname: request.nickname.trim() || biller.name,
    billerId: biller.billerId,
    accountNumberMasked: maskBillAccount(biller.accountNumber.format, accountNumber),
    accountNumberEnc: await encrypt(accountNumber),
    autoPay: null,
    lastAutoPay: null,
    createdAt: now.toISOString(),
  };
  // Counted before the write: two saves at the very same moment may pass the cap by one, which
  // costs nothing; the cap only keeps the list (and the day close's work) bounded.
  if ((await bills.listPayees(customerId)).length >= bills.MAX_PAYEES_PER_CUSTOMER) {
    refuse('unprocessable', 'TOO_MANY_PAYEES', `常用缴费户最多保存 ${bills.MAX_PAYEES_PER_CUSTOMER} 个`);
  }
  if (!(await bills.createPayee(payee))) refuse('conflict', 'PAYEE_EXISTS', '该户号已在常用缴费户中');
  return { payee, biller };
}

/** Turns a payee's auto-pay on, changes it, or turns it off (`setting` null). */
export async function setAutoPay(
  customerId: string,
  payeeId: string,
  request: { autoPay: { capFen: number; dayOfMonth: number } | null },
  secondFactor: OpenedSecondFactor,
  now: Date,
): Promise<PayeeWithBiller> {
  const [{ customer }, payee] = await allInOrder([loadNonceAccount(customerId, secondFactor), ownPayee(customerId, payeeId)]);
  const biller = await knownBiller(payee.billerId);
  if (request.autoPay && isPrepaid(biller.amountRule)) {
    refuse('unprocessable', 'AUTO_PAY_NOT_OFFERED', '充值类缴费不支持自动缴费');
  }
  // Auto-pay takes money without asking again each month: it is granted with the second factor,
  // used up by the setting's own write.
  const factor = await requireSecondFactor(customer, secondFactor, now);
  const setting: AutoPaySetting | null = request.autoPay
    ? { capFen: request.autoPay.capFen, dayOfMonth: request.autoPay.dayOfMonth, lastRunMonth: payee.autoPay?.lastRunMonth ?? null }
    : null;
  const refused = await bills.setAutoPay(payee, setting, factor.guards);
  if (refused) throw ledgerRefusal({ ok: false, reason: 'GUARD_FAILED', guard: refused }, { guards: { PAYEE_GONE: PAYEE_NOT_FOUND, ...factor.texts } });
  return { payee: { ...payee, autoPay: setting }, biller };
}

export async function deletePayee(customerId: string, payeeId: string): Promise<void> {
  await bills.deletePayee(await ownPayee(customerId, payeeId));
}
