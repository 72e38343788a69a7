// Bill payment (缴费): the biller catalogue, bill lookup by account number, two-phase payment,
// receipts and history, saved payees with one-tap re-query and auto-pay — and the operators'
// bill routes (billers as data, reconciliation reports).
import { billerGateway } from '../adapters/biller-gateway.js';
import { billRoutes as routes } from '../contract/bill-routes.js';
import type { BillPaymentRequest, BillView } from '../contract/bill-schemas.js';
import { checkAccountNumber, maskBillAccount } from '../domain/bills/account-number.js';
import { amountOptions, billPeriodPaid, checkAmount } from '../domain/bills/amount.js';
import type { BillLookup } from '../domain/bills/bill.js';
import { BILL_CATEGORIES, type Biller, CATEGORY_LABELS } from '../domain/bills/biller.js';
import { Refusal, refuse } from '../domain/errors.js';
import { assertWithinSingleLimits } from '../domain/limits.js';
import { getAccount } from '../store/accounts.js';
import * as bills from '../store/bills.js';
import { currentBusinessDate } from '../store/business-date.js';
import { decrypt, encrypt } from '../store/crypto.js';
import { deterministicJournalId } from '../store/ledger.js';
import { allInOrder } from '../platform/all-in-order.js';
import { billAccountHash, completeBillPayment, holdBillPayment, refuseTakenBill } from './bill-payment.js';
import { billerView, payeeView, paymentView } from './bill-views.js';
import { class2Limits, loadCustomer, loadOwnAccount, requirePin } from '../services/customer-guards.js';
import { defineRoute, lambda } from './route.js';

async function knownBiller(billerId: string): Promise<Biller> {
  return (await bills.getBiller(billerId)) ?? refuse('not_found', 'BILLER_NOT_FOUND', '未找到该缴费单位');
}

async function activeBiller(billerId: string): Promise<Biller> {
  const biller = await knownBiller(billerId);
  if (biller.status !== 'ACTIVE') refuse('unprocessable', 'BILLER_SUSPENDED', '该缴费单位暂停缴费服务');
  return biller;
}

async function ownPayee(customerId: string, payeeId: string): Promise<bills.PayeeRecord> {
  // Payees live under their owner's key: another customer's payee id simply is not there.
  return (await bills.getPayee(customerId, payeeId)) ?? refuse('not_found', 'PAYEE_NOT_FOUND', '未找到该常用缴费户');
}

/** The gateway's bill; an account the biller does not know is refused. */
async function lookupBill(biller: Biller, accountNumber: string, today: string): Promise<Exclude<BillLookup, { outcome: 'ACCOUNT_NOT_FOUND' }>> {
  const lookup = await billerGateway().lookup({ billerId: biller.billerId, billerCode: biller.gateway.billerCode, accountNumber, asOf: today });
  if (lookup.outcome === 'ACCOUNT_NOT_FOUND') {
    return refuse('unprocessable', 'BILL_ACCOUNT_NOT_FOUND', `缴费单位未查询到该${biller.accountNumber.label}，请核对后重试`);
  }
  return lookup;
}

async function billView(customerId: string, biller: Biller, accountNumber: string, payeeId: string | null, today: string): Promise<BillView> {
  const lookup = await lookupBill(biller, accountNumber, today);
  let alreadyPaid: BillView['alreadyPaid'] = null;
  const period = billPeriodPaid(biller.amountRule, lookup);
  if (period) {
    const holder = await bills.guardHolder(bills.billAccountGuardKey(biller.billerId, await billAccountHash(biller.billerId, accountNumber), period));
    // Someone else's payment of the same bill (a family member) is shown without its id.
    if (holder) alreadyPaid = { paymentId: holder.customerId === customerId ? holder.paymentId : null };
  }
  let amount: BillView['amount'] = null;
  if (!alreadyPaid) {
    try {
      amount = amountOptions(biller.amountRule, lookup.outcome === 'BILL' ? lookup.amountDueFen : null);
    } catch (error) {
      // Nothing payable (an exact-bill biller with no bill): the view says so with amount null.
      if (!(error instanceof Refusal)) throw error;
    }
  }
  return {
    biller: billerView(biller),
    accountNumberMasked: maskBillAccount(biller.accountNumber.format, accountNumber),
    holderNameMasked: lookup.holderNameMasked,
    bill:
      lookup.outcome === 'BILL'
        ? { period: lookup.period, amountDueFen: lookup.amountDueFen, dueDate: lookup.dueDate, arrears: lookup.arrears }
        : null,
    alreadyPaid,
    amount,
    payeeId,
    businessDate: today,
  };
}

const catalogue = defineRoute('billers', routes.billers, async ({ query }) => {
  const active = (await bills.listBillers()).filter((biller) => biller.status === 'ACTIVE');
  const categories = BILL_CATEGORIES.filter((category) => active.some((biller) => biller.category === category)).map((category) => {
    const cities = new Map<string, string>();
    for (const biller of active) if (biller.category === category) cities.set(biller.city.code, biller.city.name);
    return { category, label: CATEGORY_LABELS[category], cities: [...cities].map(([code, name]) => ({ code, name })) };
  });
  const items = active
    .filter((biller) => (!query.category || biller.category === query.category) && (!query.city || biller.city.code === query.city))
    .map(billerView);
  return { categories, items };
});

const lookup = defineRoute('billLookup', routes.billLookup, async ({ customerId, body, now }) => {
  await loadOwnAccount(await loadCustomer(customerId));
  const biller = await activeBiller(body.billerId);
  const accountNumber = checkAccountNumber(biller.accountNumber.format, biller.accountNumber.label, body.accountNumber);
  return billView(customerId, biller, accountNumber, null, await currentBusinessDate(now));
});

/** What a payment pays: a saved payee's biller and account, or the ones the request names. */
async function payTarget(customerId: string, body: BillPaymentRequest): Promise<{ biller: Biller; accountNumber: string; payeeId: string | null }> {
  if (body.payeeId) {
    const payee = await ownPayee(customerId, body.payeeId);
    const biller = await activeBiller(payee.billerId);
    return { biller, accountNumber: await decrypt(payee.accountNumberEnc), payeeId: payee.payeeId };
  }
  const biller = await activeBiller(body.billerId!);
  return { biller, accountNumber: checkAccountNumber(biller.accountNumber.format, biller.accountNumber.label, body.accountNumber!), payeeId: null };
}

const pay = defineRoute('billPay', routes.billPay, async ({ customerId, body, now, idempotencyKey }) => {
  const customer = await loadCustomer(customerId);
  const journalId = deterministicJournalId(customerId, 'billPay', idempotencyKey);
  // The account, what is paid, an earlier try of this request (a retry that got as far as the
  // hold finishes that payment, never a second one) and the business date: independent reads.
  const [account, { biller, accountNumber, payeeId }, earlier, today] = await allInOrder([
    loadOwnAccount(customer),
    payTarget(customerId, body),
    bills.getPayment(customerId, `P${journalId.slice(1)}`),
    currentBusinessDate(now),
  ]);
  assertWithinSingleLimits(body.amountFen, class2Limits(), true);
  let record = earlier;
  let bill: Exclude<BillLookup, { outcome: 'ACCOUNT_NOT_FOUND' }> | undefined;
  let prepaymentFen = 0;
  if (!record) {
    bill = await lookupBill(biller, accountNumber, today);
    if (body.billPeriod !== undefined && body.billPeriod !== (bill.outcome === 'BILL' ? bill.period : undefined)) {
      refuse('unprocessable', 'BILL_CHANGED', '账单已更新，请重新查询后缴费');
    }
    const period = billPeriodPaid(biller.amountRule, bill);
    if (period) {
      const guardKey = bills.billAccountGuardKey(biller.billerId, await billAccountHash(biller.billerId, accountNumber), period);
      if (await bills.guardHolder(guardKey)) await refuseTakenBill(guardKey);
    }
    prepaymentFen = checkAmount(biller.amountRule, bill.outcome === 'BILL' ? bill.amountDueFen : null, body.amountFen).prepaymentFen;
  }
  await requirePin(customer, body.pin, now);
  record ??= await holdBillPayment({
    customerId,
    account,
    biller,
    accountNumber,
    lookup: bill!,
    amountFen: body.amountFen,
    prepaymentFen,
    journalId,
    origin: 'CUSTOMER',
    payeeId,
    now,
    businessDate: today,
  });
  const done = await completeBillPayment(record);
  const after = await getAccount(account.accountId);
  return { ...paymentView(done), balanceFen: after!.balanceFen };
});

const history = defineRoute('billPayments', routes.billPayments, async ({ customerId, query }) => {
  await loadCustomer(customerId);
  const page = await bills.paymentHistory(customerId, query.category, query.limit ?? 20, query.cursor);
  return { items: page.items.map(paymentView), nextCursor: page.nextCursor };
});

const receipt = defineRoute('billPayment', routes.billPayment, async ({ customerId, params }) => {
  const record = (await bills.getPayment(customerId, params.paymentId)) ?? refuse('not_found', 'PAYMENT_NOT_FOUND', '未找到该笔缴费');
  return paymentView(record);
});

const payees = defineRoute('billPayees', routes.billPayees, async ({ customerId }) => {
  await loadCustomer(customerId);
  const items = [];
  for (const payee of await bills.listPayees(customerId)) {
    const biller = await bills.getBiller(payee.billerId);
    if (biller) items.push(payeeView(payee, biller));
  }
  return { items };
});

const createPayee = defineRoute('billPayeeCreate', routes.billPayeeCreate, async ({ customerId, body, now }) => {
  await loadOwnAccount(await loadCustomer(customerId));
  const biller = await activeBiller(body.billerId);
  const accountNumber = checkAccountNumber(biller.accountNumber.format, biller.accountNumber.label, body.accountNumber);
  // Only an account the biller knows is worth saving.
  await lookupBill(biller, accountNumber, await currentBusinessDate(now));
  const payee: bills.PayeeRecord = {
    payeeId: bills.payeeIdFor(customerId, biller.billerId, await billAccountHash(biller.billerId, accountNumber)),
    customerId,
    nickname: body.nickname.trim() || biller.name,
    billerId: biller.billerId,
    accountNumberMasked: maskBillAccount(biller.accountNumber.format, accountNumber),
    accountNumberEnc: await encrypt(accountNumber),
    autoPay: null,
    lastAutoPay: null,
    createdAt: now.toISOString(),
  };
  await bills.createPayee(payee);
  return payeeView(payee, biller);
});

const payeeBill = defineRoute('billPayeeBill', routes.billPayeeBill, async ({ customerId, params, now }) => {
  await loadOwnAccount(await loadCustomer(customerId));
  const payee = await ownPayee(customerId, params.payeeId);
  const biller = await activeBiller(payee.billerId);
  return billView(customerId, biller, await decrypt(payee.accountNumberEnc), payee.payeeId, await currentBusinessDate(now));
});

const autoPay = defineRoute('billPayeeAutoPay', routes.billPayeeAutoPay, async ({ customerId, params, body, now }) => {
  const customer = await loadCustomer(customerId);
  await loadOwnAccount(customer);
  const payee = await ownPayee(customerId, params.payeeId);
  const biller = await knownBiller(payee.billerId);
  if (body.autoPay && biller.amountRule.kind === 'RANGE') {
    refuse('unprocessable', 'AUTO_PAY_NOT_OFFERED', '充值类缴费不支持自动缴费');
  }
  // Auto-pay takes money without asking again each month: it is granted with the PIN.
  await requirePin(customer, body.pin, now);
  const setting = body.autoPay
    ? { capFen: body.autoPay.capFen, dayOfMonth: body.autoPay.dayOfMonth, lastRunMonth: payee.autoPay?.lastRunMonth ?? null }
    : null;
  await bills.setAutoPay(payee, setting);
  return payeeView(await ownPayee(customerId, payee.payeeId), biller);
});

const deletePayee = defineRoute('billPayeeDelete', routes.billPayeeDelete, async ({ customerId, params }) => {
  await bills.deletePayee(await ownPayee(customerId, params.payeeId));
  return { ok: true as const };
});

// ---- operators -------------------------------------------------------------------------------

const adminBillers = defineRoute('adminBillers', routes.adminBillers, async () => ({ items: await bills.listBillers() }));

const adminPutBiller = defineRoute('adminPutBiller', routes.adminPutBiller, async ({ body, now }) => bills.putBiller(body, now));

const adminReconciliation = defineRoute('adminBillReconciliation', routes.adminBillReconciliation, async ({ params }) =>
  (await bills.getReconciliation(params.date)) ?? refuse('not_found', 'RECONCILIATION_NOT_FOUND', '该营业日尚未对账'),
);

export const handler = lambda([
  catalogue,
  lookup,
  pay,
  history,
  receipt,
  payees,
  createPayee,
  payeeBill,
  autoPay,
  deletePayee,
  adminBillers,
  adminPutBiller,
  adminReconciliation,
]);
