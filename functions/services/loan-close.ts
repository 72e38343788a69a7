// The loans' part of the day close: for the business date being closed, every active loan accrues
// penalty interest, what is due is debited from the e-account as far as the balance reaches, and
// overdue customers get a reminder. Each overdue loan is listed for operators under the business
// date the close opens, by days-past-due bucket (store/day-close-runs.ts).
import { wechat } from '../adapters/wechat.js';
import { addDays } from '../domain/loan/dates.js';
import type { ReportFailure } from '../domain/day-close.js';
import { OVERDUE_BUCKETS, type OverdueBucket } from '../domain/loan/product.js';
import { accruePenalty, overdueStatus } from '../domain/loan/overdue.js';
import { allocateRepayment, applyAllocation, autoDebitAmountFen } from '../domain/loan/repayment.js';
import { logger } from '../platform/logger.js';
import { getAccount } from '../store/accounts.js';
import { getCustomer } from '../store/customers.js';
import { putOverdueLoan } from '../store/day-close-runs.js';
import { deterministicJournalId } from '../store/ledger.js';
import * as loans from '../store/loans.js';
import { postLoanRepayment } from './loan-servicing.js';

/** WeChat subscription-message template for repayment reminders (configured per bank). */
const REMINDER_TEMPLATE_ID = process.env.WECHAT_REMINDER_TEMPLATE_ID ?? 'loan-overdue-reminder';

export interface LoanCloseReport {
  loansChecked: number;
  autoDebitedFen: number;
  autoDebits: number;
  overdueLoans: number;
  remindersSent: number;
  /** The overdue loans listed for the next business date, by bucket. */
  overdueBuckets: Record<OverdueBucket, { loans: number; overdueTotalFen: number }>;
}

/** Debits what is due by `closedDate` as far as the balance reaches (penalty accrued first), or
 *  records the accrued penalty alone when nothing can be debited. Returns the amount debited. */
async function collectDue(loan: loans.LoanRecord, closedDate: string): Promise<number> {
  const state = accruePenalty(loan.state, closedDate);
  const account = await getAccount(loan.accountId);
  const debitFen = autoDebitAmountFen(state.installments, closedDate, account?.balanceFen ?? 0);
  if (debitFen === 0) {
    // Not saved when a repayment changed the loan meanwhile: it accrued the penalty itself.
    if (state.penaltyAccruedThrough !== loan.state.penaltyAccruedThrough) {
      await loans.saveLoanChange(loan, { ...loan, state }, { penaltyAccruedThrough: closedDate });
    }
    return 0;
  }
  const allocation = allocateRepayment(state.installments, debitFen, closedDate);
  const outcome = await postLoanRepayment({
    loan,
    next: { ...state, installments: applyAllocation(state.installments, allocation) },
    parts: allocation,
    // One auto-debit per loan and business date, however often the close is retried.
    journalId: deterministicJournalId(loan.customerId, 'auto-debit', loan.loanId, closedDate),
    label: `${loan.productName}自动还款`,
    createdAt: new Date().toISOString(),
    origin: 'DAY_CLOSE',
  });
  // The customer spent the money meanwhile, or repaid themselves: tomorrow's close tries again.
  return outcome.ok && !outcome.replayed ? debitFen : 0;
}

async function closeLoan(customerId: string, loanId: string, closedDate: string, report: LoanCloseReport): Promise<void> {
  const loan = await loans.getLoan(customerId, loanId);
  if (!loan || loan.status !== 'ACTIVE') return;
  report.loansChecked += 1;
  const debitedFen = await collectDue(loan, closedDate);
  if (debitedFen > 0) {
    report.autoDebits += 1;
    report.autoDebitedFen += debitedFen;
  }
  const after = (await loans.getLoan(customerId, loanId)) ?? loan;
  // Whatever is still unpaid at the close of its due date is overdue from the next day on.
  const overdue = overdueStatus(after.state, addDays(closedDate, 1));
  if (overdue.bucket === 'CURRENT') return;
  report.overdueLoans += 1;
  report.overdueBuckets[overdue.bucket].loans += 1;
  report.overdueBuckets[overdue.bucket].overdueTotalFen += overdue.overdueTotalFen;
  const { daysPastDue, oldestUnpaidDueDate, overduePrincipalFen, overdueInterestFen, unpaidPenaltyFen, overdueTotalFen } = overdue;
  await putOverdueLoan(
    addDays(closedDate, 1),
    overdue.bucket,
    { loanId, customerId, productName: after.productName, daysPastDue, oldestUnpaidDueDate, overduePrincipalFen, overdueInterestFen, unpaidPenaltyFen, overdueTotalFen },
    new Date(),
  );
  const customer = await getCustomer(customerId);
  const sent = customer
    ? await wechat().sendSubscribeMessage({
        openid: customer.openid,
        templateId: REMINDER_TEMPLATE_ID,
        page: `packageLoan/pages/detail/index?loanId=${loanId}`,
        data: { thing1: after.productName, amount2: (overdue.overdueTotalFen / 100).toFixed(2), number3: String(overdue.daysPastDue) },
      })
    : false;
  if (sent) report.remindersSent += 1;
}

export async function closeLoans(closedDate: string, reportFailure: ReportFailure = () => undefined): Promise<LoanCloseReport> {
  const report: LoanCloseReport = {
    loansChecked: 0,
    autoDebitedFen: 0,
    autoDebits: 0,
    overdueLoans: 0,
    remindersSent: 0,
    overdueBuckets: Object.fromEntries(OVERDUE_BUCKETS.map((bucket) => [bucket, { loans: 0, overdueTotalFen: 0 }])) as LoanCloseReport['overdueBuckets'],
  };
  for await (const { customerId, loanId } of loans.activeLoans()) {
    try {
      await closeLoan(customerId, loanId, closedDate, report);
    } catch (error) {
      // One loan's trouble must not stop the close for everyone else; it is retried tomorrow.
      logger.error('day close failed for a loan', { loanId, error: error instanceof Error ? error.message : String(error) });
      reportFailure(`loan:${loanId}`, error);
    }
  }
  return report;
}
