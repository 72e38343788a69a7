// The day close (日终): each capability closes the business date (loans: penalty, auto-debit,
// reminders; wealth: confirmations, income, maturities; bills: held payments, auto-pay,
// reconciliation), the dashboard's snapshot of the date is taken, then the next business date opens, the close is recorded in the audit log and
// the log's head is anchored outside the table. The scheduled job and the operators' on-demand
// routes both run it from here; the console's 立即执行 claims the run and has the dayClose
// function run it (runRequestedDayClose). Each close is recorded as a run of its date
// (store/day-close-runs.ts) with each step's counts and the errors it went on past; the run is
// also the lock that refuses a second close of the date while one is running.
import type { DayCloseRequest } from '../contract/day-close-request.js';
import type { AuditActor } from '../domain/audit-chain.js';
import { monitorSuspiciousPatterns } from './aml-monitoring.js';
import { releaseDueTransfers } from './held-transfers.js';
import { type DayCloseError, type DayCloseStep, MAX_LISTED_STEP_ERRORS, type ReportFailure, stepError } from '../domain/day-close.js';
import { addDays } from '../domain/loan/dates.js';
import { businessDate } from '../domain/time.js';
import { currentBusinessDate, initBusinessDate, setBusinessDate } from '../store/business-date.js';
import { type DayCloseRunRecord, getDayCloseRun, saveDayCloseRun, startDayCloseRun } from '../store/day-close-runs.js';
import { anchorAuditHead, recordAudit } from './audit.js';
import { newDayCloseRun, refuseDayCloseRunning, staleBefore } from './day-close-run-start.js';
import { type BillCloseReport, closeBills } from './bills-close.js';
import { closeLoans, type LoanCloseReport } from './loan-close.js';
import { type MerchantSettlementReport, settleMerchants } from './merchant-settlement.js';
import { closeWealth, type WealthCloseReport } from './wealth-close.js';

export interface DayCloseReport extends LoanCloseReport {
  closedDate: string;
  businessDate: string;
  wealth: WealthCloseReport;
  bills: BillCloseReport;
  merchants: MerchantSettlementReport;
  /** The close's own audit entry, and whether the head was newly anchored with it. */
  audit: { seq: number; anchored: boolean };
}

const SCHEDULED: AuditActor = { kind: 'system', id: 'day-close' };

/** The dashboard's snapshot of the closed date (services/dashboard.ts), taken as the close's
 *  DASHBOARD step by the closes that pass it: the dayClose function's, scheduled or asked for (by
 *  the console or the automation route). A close without it (a test closing in its own process)
 *  leaves no step and no snapshot for its date. */
export type DashboardStep = (closedDate: string, now: Date, reportFailure: ReportFailure) => Promise<object>;

/** The numbers of a step's report, as the run lists them (nested reports are flattened by name). */
const countsOf = (report: object): Record<string, number> =>
  Object.fromEntries(Object.entries(report).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));

/** Starts the run of `closedDate`, or refuses while another close of it is running. */
async function startRun(closedDate: string, actor: AuditActor): Promise<DayCloseRunRecord> {
  const run = await newDayCloseRun(closedDate, actor, new Date());
  if (!(await startDayCloseRun(run, staleBefore(run)))) refuseDayCloseRunning(closedDate);
  return run;
}

/** Runs one step of `run`, recording its counts and the errors it went on past; a step that
 *  throws is recorded as failed and fails the run. */
async function runStep<T extends object>(
  run: DayCloseRunRecord,
  step: DayCloseStep,
  work: (reportFailure: ReportFailure) => Promise<T>,
  counts: (result: T) => Record<string, number> = countsOf,
): Promise<T> {
  const startedAt = new Date().toISOString();
  const errors: DayCloseError[] = [];
  let errorCount = 0;
  const reportFailure = (ref: string, error: unknown) => {
    errorCount += 1;
    if (errors.length < MAX_LISTED_STEP_ERRORS) errors.push(stepError(ref, error));
  };
  try {
    const result = await work(reportFailure);
    run.steps.push({ step, status: 'SUCCEEDED', startedAt, finishedAt: new Date().toISOString(), counts: counts(result), errorCount, errors });
    await saveDayCloseRun(run, new Date());
    return result;
  } catch (error) {
    reportFailure(step.toLowerCase(), error);
    run.steps.push({ step, status: 'FAILED', startedAt, finishedAt: new Date().toISOString(), counts: {}, errorCount, errors });
    run.status = 'FAILED';
    run.finishedAt = new Date().toISOString();
    run.failure = stepError(step, error).message;
    await saveDayCloseRun(run, new Date());
    throw error;
  }
}

const flatBills = ({ reconciliation, ...rest }: BillCloseReport) => ({
  ...rest,
  ...(reconciliation ? { reconciliationMatched: reconciliation.matched, reconciliationMismatches: reconciliation.mismatches } : {}),
});

/** Closes the current business date and opens the next one; `actor` is who asked (the schedule,
 *  or an operator). 409 DAY_CLOSE_RUNNING while another close of the date runs. */
export async function runDayClose(now: Date, actor: AuditActor = SCHEDULED, dashboard?: DashboardStep): Promise<DayCloseReport> {
  return closeRun(await startRun(await currentBusinessDate(now), actor), now, actor, dashboard);
}

/** Runs the steps of `run`, started: closes its date and opens the next. */
async function closeRun(run: DayCloseRunRecord, now: Date, actor: AuditActor, dashboard: DashboardStep | undefined): Promise<DayCloseReport> {
  const { closedDate } = run;
  const next = addDays(closedDate, 1);
  const loanReport = await runStep(run, 'LOANS', (reportFailure) => closeLoans(closedDate, reportFailure));
  run.overdue = { asOf: next, buckets: loanReport.overdueBuckets };
  const wealth = await runStep(run, 'WEALTH', (reportFailure) => closeWealth(closedDate, reportFailure));
  const bills = await runStep(run, 'BILLS', (reportFailure) => closeBills(closedDate, reportFailure), (result) => countsOf(flatBills(result)));
  const merchants = await runStep(run, 'MERCHANTS', (reportFailure) => settleMerchants(closedDate, now, reportFailure));
  // Holds due by now, for a stack whose 15-minute release job does not run (serverless offline).
  await runStep(run, 'HELD_TRANSFERS', (reportFailure) => releaseDueTransfers(now, reportFailure));
  // After the releases, so the date's movements are all there to look at.
  await runStep(run, 'AML', (reportFailure) => monitorSuspiciousPatterns(closedDate, now, reportFailure));
  // After the steps that move money, so the snapshot shows the date as closed; before the date
  // moves on, so a close that fails here is run again whole.
  if (dashboard) await runStep(run, 'DASHBOARD', (reportFailure) => dashboard(closedDate, now, reportFailure));
  await runStep(run, 'BUSINESS_DATE', async () => {
    await setBusinessDate(closedDate, next);
    return {};
  });
  const report = { closedDate, businessDate: next, ...loanReport, wealth, bills, merchants };
  const audit = await runStep(
    run,
    'AUDIT',
    async () => {
      const entry = await recordAudit(
        { actor, action: 'day-close.run', target: { kind: 'business-date', id: closedDate }, before: { businessDate: closedDate }, after: report },
        now,
      );
      // After the close's own entry, so the anchor covers it.
      const anchor = await anchorAuditHead(now);
      return { seq: entry.seq, anchored: anchor?.written ?? false };
    },
    ({ seq, anchored }) => ({ auditSeq: seq, anchored: anchored ? 1 : 0 }),
  );
  run.status = 'SUCCEEDED';
  run.finishedAt = new Date().toISOString();
  await saveDayCloseRun(run, new Date());
  return { ...report, audit };
}

const MAX_CATCH_UP_DAYS = 7;

/** Closes every business date before today's calendar date in China (more than one if a night
 *  was missed, up to a week), reporting each close as it finishes. */
export async function catchUpDayCloses(now: Date, onClosed: (report: DayCloseReport) => void, actor: AuditActor = SCHEDULED, dashboard?: DashboardStep): Promise<DayCloseReport[]> {
  const today = businessDate(now);
  await initBusinessDate(addDays(today, -1));
  const reports: DayCloseReport[] = [];
  for (let day = 0; day < MAX_CATCH_UP_DAYS && (await currentBusinessDate(now)) < today; day++) {
    const report = await runDayClose(now, actor, dashboard);
    onClosed(report);
    reports.push(report);
  }
  return reports;
}

/** The close an operator asked for (the console claimed its run, services/day-close-runs.ts): the
 *  dayClose function takes that run over, then in CATCH_UP mode closes the later dates before
 *  today as the schedule would. Nothing runs when the run is no longer the claimed one still
 *  running (Lambda retrying an event after the close ended, or a later close took the date over);
 *  the run fails when the business date moved on since the claim. */
export async function runRequestedDayClose(request: DayCloseRequest, now: Date, onClosed: (report: DayCloseReport) => void, dashboard?: DashboardStep): Promise<DayCloseReport[]> {
  const run = await getDayCloseRun(request.closedDate);
  if (run?.runId !== request.runId || run.status !== 'RUNNING') return [];
  if ((await currentBusinessDate(now)) !== run.closedDate) {
    await saveDayCloseRun({ ...run, status: 'FAILED', finishedAt: new Date().toISOString(), failure: `营业日已不是 ${run.closedDate}，本次日终未执行` }, new Date());
    return [];
  }
  const first = await closeRun(run, now, request.requestedBy, dashboard);
  onClosed(first);
  return request.runMode === 'CATCH_UP' ? [first, ...(await catchUpDayCloses(now, onClosed, request.requestedBy, dashboard))] : [first];
}
