// The bills' part of the day close, for the business date being closed:
// 1. payments a crash left HELD are finished: the gateway is asked by reference (it remembers
//    what it accepted) and each is settled or voided — so no money stays in suspense overnight;
// 2. auto-pay: each saved payee due this month pays its bill if within the customer's cap; what
//    cannot be paid is sent to the customer as a WeChat subscription message;
// 3. reconciliation: the date's settled payments against the gateway's statement; the report,
//    with every mismatch and the action taken, is kept for operators, and each mismatch opens an
//    alert for them to acknowledge, resolve or accept (services/reconciliation-alerts.ts).
import { billerGateway } from '../adapters/biller-gateway.js';
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';
import { wechat } from '../adapters/wechat.js';
import { checkAmount } from '../domain/bills/amount.js';
import { autoPayDue, autoPayStep } from '../domain/bills/auto-pay.js';
import type { BillPaymentStatus } from '../domain/bills/bill.js';
import { reconcile } from '../domain/bills/reconciliation.js';
import type { ReportFailure } from '../domain/day-close.js';
import { Refusal } from '../domain/errors.js';
import { getAccount } from '../store/accounts.js';
import * as bills from '../store/bills.js';
import { decrypt } from '../store/crypto.js';
import { getCustomer } from '../store/customers.js';
import { deterministicJournalId } from '../store/ledger.js';
import { logger } from '../platform/logger.js';
import { billGuardKey, completeBillPayment, finishHeldPayment, holdBillPayment, paymentIdFor } from './bill-payment.js';
import { openReconciliationAlerts } from './reconciliation-alerts.js';

/** WeChat subscription-message template for failed auto-pays (configured per bank). */
const AUTO_PAY_TEMPLATE_ID = process.env.WECHAT_BILL_AUTOPAY_TEMPLATE_ID ?? 'bill-autopay-failed';
/** A payment held this recently may still be in its own request: the next close finishes it. */
const HELD_GRACE_MS = 2 * 60_000;

export interface BillCloseReport {
  heldSettled: number;
  heldVoided: number;
  autoPayChecked: number;
  autoPaid: number;
  autoPaidFen: number;
  autoPayFailed: number;
  notificationsSent: number;
  /** null when the gateway's statement could not be fetched: the date then has no report, which
   *  is how operators see it was not reconciled. */
  reconciliation: { matched: number; mismatches: number } | null;
}

/** WeChat "thing" fields take at most 20 characters. */
const thing = (text: string) => [...text].slice(0, 20).join('');

async function notifyFailure(payee: bills.PayeeRecord, billerName: string, amountFen: number | null, reason: string, report: BillCloseReport): Promise<void> {
  const customer = await getCustomer(payee.customerId);
  if (!customer) return;
  const sent = await wechat().sendSubscribeMessage({
    openid: customer.openid,
    templateId: AUTO_PAY_TEMPLATE_ID,
    page: `packageBills/pages/payees/index?payeeId=${payee.payeeId}`,
    data: { thing1: thing(`${payee.nickname} ${billerName}`), amount2: amountFen === null ? '-' : (amountFen / 100).toFixed(2), thing3: thing(reason) },
  });
  if (sent) report.notificationsSent += 1;
}

async function autoPayOne(customerId: string, payeeId: string, closedDate: string, report: BillCloseReport): Promise<void> {
  const payee = await bills.getPayee(customerId, payeeId);
  if (!payee?.autoPay || !autoPayDue(payee.autoPay, closedDate)) return;
  report.autoPayChecked += 1;
  const month = closedDate.slice(0, 7);
  const biller = await bills.getBiller(payee.billerId);
  const customer = await getCustomer(customerId);
  const account = customer?.accountId ? await getAccount(customer.accountId) : undefined;
  const fail = async (code: string, message: string, amountFen: number | null, paymentId: string | null = null) => {
    report.autoPayFailed += 1;
    await bills.markAutoPayRun(payee, month, { code, message, paymentId });
    await notifyFailure(payee, biller?.name ?? payee.billerId, amountFen, message, report);
  };
  if (!biller || biller.status !== 'ACTIVE' || !account) return fail('BILLER_SUSPENDED', '缴费单位暂停缴费服务', null);
  const accountNumber = await decrypt(payee.accountNumberEnc);
  const lookup = await billerGateway().lookup({ billerId: biller.billerId, billerCode: biller.gateway.billerCode, accountNumber, asOf: closedDate });
  // This payee's own earlier auto-pay of the bill (a re-run close) is finished, not refused.
  const journalId = lookup.outcome === 'BILL' ? deterministicJournalId(customerId, 'bill-autopay', payeeId, lookup.period) : undefined;
  const ownEarlier = journalId ? await bills.getPayment(customerId, paymentIdFor(journalId)) : undefined;
  const takenByOther =
    lookup.outcome === 'BILL' && !ownEarlier ? (await bills.guardHolder(await billGuardKey(biller.billerId, accountNumber, lookup.period))) !== undefined : false;
  const step = autoPayStep(payee.autoPay, lookup, takenByOther);
  if (step.action === 'WAIT') return;
  if (step.action === 'SKIP') {
    if (step.notify) return fail(step.code, step.notify, lookup.outcome === 'BILL' ? lookup.amountDueFen : null);
    await bills.markAutoPayRun(payee, month, { code: step.code, message: '本期账单已缴清', paymentId: null });
    return;
  }
  let record = ownEarlier;
  try {
    // Only a bill is auto-paid (autoPayStep), so the lookup found one and named the journal.
    if (!record && lookup.outcome === 'BILL' && journalId) {
      const { prepaymentFen } = checkAmount(biller.amountRule, step.amountFen, step.amountFen);
      record = (
        await holdBillPayment({
          customerId,
          account,
          biller,
          accountNumber,
          lookup,
          amountFen: step.amountFen,
          prepaymentFen,
          journalId,
          origin: 'AUTO_PAY',
          payeeId,
          now: new Date(),
          businessDate: closedDate,
        })
      ).payment;
    }
  } catch (error) {
    // Insufficient funds, a limit, a bill paid meanwhile: the customer is told, not retried nightly.
    if (error instanceof Refusal) return fail(error.code, error.userMessage, step.amountFen);
    throw error;
  }
  if (!record) return;
  const done = await completeBillPayment(record, { dayClose: true });
  if (done.status === 'SETTLED') {
    report.autoPaid += 1;
    report.autoPaidFen += done.amountFen;
    await bills.markAutoPayRun(payee, month, { code: 'PAID', message: '自动缴费成功', paymentId: done.paymentId });
  } else if (done.status === 'VOIDED') {
    await fail(done.failure?.code ?? 'VOIDED', done.failure?.message ?? '自动缴费未成功，款项已退回', done.amountFen, done.paymentId);
  }
}

async function reconcileDate(closedDate: string, reportFailure: ReportFailure): Promise<BillCloseReport['reconciliation']> {
  let statement;
  try {
    statement = await billerGateway().statement({ date: closedDate });
  } catch (error) {
    if (!(error instanceof UpstreamUnavailable)) throw error;
    logger.error('bill reconciliation: gateway statement unavailable', { closedDate });
    reportFailure('statement', error);
    return null;
  }
  const settled = await bills.settledOn(closedDate);
  const settledIds = new Set(settled.map((payment) => payment.paymentId));
  const statusOf = new Map<string, BillPaymentStatus | 'NONE'>();
  for (const line of statement) {
    if (settledIds.has(line.reference) || statusOf.has(line.reference)) continue;
    statusOf.set(line.reference, (await bills.paymentByReference(line.reference))?.status ?? 'NONE');
  }
  const result = reconcile(settled, statement, (reference) => statusOf.get(reference) ?? 'NONE');
  await bills.saveReconciliation({
    date: closedDate,
    ranAt: new Date().toISOString(),
    matched: result.matched,
    matchedFen: result.matchedFen,
    jinlinCount: settled.length,
    jinlinFen: result.jinlinFen,
    gatewayCount: statement.length,
    gatewayFen: result.gatewayFen,
    mismatchCount: result.mismatches.length,
    mismatches: result.mismatches,
  });
  if (result.mismatches.length > 0) logger.warn('bill reconciliation mismatches', { closedDate, mismatches: result.mismatches.length });
  await openReconciliationAlerts(closedDate, result.mismatches, new Date());
  return { matched: result.matched, mismatches: result.mismatches.length };
}

export async function closeBills(closedDate: string, reportFailure: ReportFailure = () => undefined): Promise<BillCloseReport> {
  const report: BillCloseReport = {
    heldSettled: 0,
    heldVoided: 0,
    autoPayChecked: 0,
    autoPaid: 0,
    autoPaidFen: 0,
    autoPayFailed: 0,
    notificationsSent: 0,
    reconciliation: null,
  };
  const cutoff = Date.now() - HELD_GRACE_MS;
  for await (const { customerId, paymentId } of bills.heldPayments()) {
    try {
      const record = await bills.getPayment(customerId, paymentId);
      if (!record || record.status !== 'HELD' || Date.parse(record.heldAt) > cutoff) continue;
      const done = await finishHeldPayment(record);
      if (done.status === 'SETTLED') report.heldSettled += 1;
      if (done.status === 'VOIDED') report.heldVoided += 1;
    } catch (error) {
      // The gateway is down or the write contended: it stays HELD for the next close.
      logger.error('day close could not finish a held bill payment', { paymentId, error: error instanceof Error ? error.message : String(error) });
      reportFailure(`bill-payment:${paymentId}`, error);
    }
  }
  for await (const { customerId, payeeId } of bills.autoPayPayees()) {
    try {
      await autoPayOne(customerId, payeeId, closedDate, report);
    } catch (error) {
      // One payee's trouble must not stop everyone else's auto-pay; tomorrow's close tries again.
      logger.error('day close auto-pay failed for a payee', { payeeId, error: error instanceof Error ? error.message : String(error) });
      reportFailure(`payee:${payeeId}`, error);
    }
  }
  report.reconciliation = await reconcileDate(closedDate, reportFailure);
  return report;
}
