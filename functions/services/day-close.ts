// The day close (日终): each capability closes the business date (loans: penalty, auto-debit,
// reminders; wealth: confirmations, income, maturities; bills: held payments, auto-pay,
// reconciliation), then the next business date opens, the close is recorded in the audit log and
// the log's head is anchored outside the table. The scheduled job and the operators' on-demand
// route (local and test stages) both run it from here.
import type { AuditActor } from '../domain/audit-chain.js';
import { addDays } from '../domain/loan/dates.js';
import { businessDate } from '../domain/time.js';
import { currentBusinessDate, initBusinessDate, setBusinessDate } from '../store/business-date.js';
import { anchorAuditHead, recordAudit } from './audit.js';
import { type BillCloseReport, closeBills } from './bills-close.js';
import { closeLoans, type LoanCloseReport } from './loan-close.js';
import { closeWealth, type WealthCloseReport } from './wealth-close.js';

export interface DayCloseReport extends LoanCloseReport {
  closedDate: string;
  businessDate: string;
  wealth: WealthCloseReport;
  bills: BillCloseReport;
  /** The close's own audit entry, and whether the head was newly anchored with it. */
  audit: { seq: number; anchored: boolean };
}

const SCHEDULED: AuditActor = { kind: 'system', id: 'day-close' };

/** Closes the current business date and opens the next one; `actor` is who asked (the schedule,
 *  or an operator). */
export async function runDayClose(now: Date, actor: AuditActor = SCHEDULED): Promise<DayCloseReport> {
  const closedDate = await currentBusinessDate(now);
  const loanReport = await closeLoans(closedDate);
  const wealth = await closeWealth(closedDate);
  const bills = await closeBills(closedDate);
  const next = addDays(closedDate, 1);
  await setBusinessDate(closedDate, next);
  const report = { closedDate, businessDate: next, ...loanReport, wealth, bills };
  const entry = await recordAudit(
    { actor, action: 'day-close.run', target: { kind: 'business-date', id: closedDate }, before: { businessDate: closedDate }, after: report },
    now,
  );
  // After the close's own entry, so the anchor covers it.
  const anchor = await anchorAuditHead(now);
  return { ...report, audit: { seq: entry.seq, anchored: anchor?.written ?? false } };
}


const MAX_CATCH_UP_DAYS = 7;

/** Closes every business date before today's calendar date in China (more than one if a night
 *  was missed, up to a week), reporting each close as it finishes. */
export async function catchUpDayCloses(now: Date, onClosed: (report: DayCloseReport) => void): Promise<DayCloseReport[]> {
  const today = businessDate(now);
  await initBusinessDate(addDays(today, -1));
  const reports: DayCloseReport[] = [];
  for (let day = 0; day < MAX_CATCH_UP_DAYS && (await currentBusinessDate(now)) < today; day++) {
    const report = await runDayClose(now);
    onClosed(report);
    reports.push(report);
  }
  return reports;
}
