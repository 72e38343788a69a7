// The day close (日终): each capability closes the business date (loans: penalty, auto-debit,
// reminders; wealth: confirmations, income, maturities; bills: held payments, auto-pay,
// reconciliation), then the next business date opens. The scheduled job and the operators'
// on-demand route (local and test stages) both run it from here.
import { addDays } from '../domain/loan/dates.js';
import { businessDate } from '../domain/time.js';
import { currentBusinessDate, initBusinessDate, setBusinessDate } from '../store/business-date.js';
import { type BillCloseReport, closeBills } from './bills-close.js';
import { closeLoans, type LoanCloseReport } from './loan-close.js';
import { closeWealth, type WealthCloseReport } from './wealth-close.js';

export interface DayCloseReport extends LoanCloseReport {
  closedDate: string;
  businessDate: string;
  wealth: WealthCloseReport;
  bills: BillCloseReport;
}

/** Closes the current business date and opens the next one. */
export async function runDayClose(now: Date): Promise<DayCloseReport> {
  const closedDate = await currentBusinessDate(now);
  const loanReport = await closeLoans(closedDate);
  const wealth = await closeWealth(closedDate);
  const bills = await closeBills(closedDate);
  const next = addDays(closedDate, 1);
  await setBusinessDate(closedDate, next);
  return { closedDate, businessDate: next, ...loanReport, wealth, bills };
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
