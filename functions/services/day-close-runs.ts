// The day close as the console shows and starts it (日终批处理): the business date, the latest run
// and the history of runs with each step's counts and errors, and 立即执行 — on local and test
// stages a close of the business date now; elsewhere only the dates before today that the
// schedule would close (a missed night), never today's. 立即执行 claims the run of the date with
// its audit entry and has the dayClose function run it (adapters/day-close-trigger.ts): this
// function never bundles the close itself. Each close records its own audit entry with the
// operator as actor (services/day-close.ts). The automation route's close on request goes the
// same way and waits for the function's report.
import { dayCloseTrigger } from '../adapters/day-close-trigger.js';
import { config } from '../config.js';
import { DAY_CLOSE_REQUEST_SOURCE, type DayCloseRequest } from '../contract/day-close-request.js';
import { stepError } from '../domain/day-close.js';
import { refuse } from '../domain/errors.js';
import { addDays } from '../domain/loan/dates.js';
import { businessDate } from '../domain/time.js';
import { currentBusinessDate, initBusinessDate } from '../store/business-date.js';
import { type DayCloseRunRecord, dayCloseRunStart, dayCloseRuns, getDayCloseRun, saveDayCloseRun, startDayCloseRun } from '../store/day-close-runs.js';
import { getOperator } from '../store/operators.js';
import { recordAuditWith } from './audit.js';
import type { DayCloseReport } from './day-close.js';
import { newDayCloseRun, refuseDayCloseRunning, staleBefore } from './day-close-run-start.js';
import type { ConsoleOperator } from './operators.js';

/** A run with the login and name of the operator who started it, when one did. */
export type NamedRun = Omit<DayCloseRunRecord, 'startedBy'> & { startedBy: DayCloseRunRecord['startedBy'] & { login?: string; displayName?: string } };

/** Names the operators the runs name (a page's worth: at most one read each). */
async function named(runs: DayCloseRunRecord[]): Promise<NamedRun[]> {
  const ids = [...new Set(runs.filter((run) => run.startedBy.kind === 'operator').map((run) => run.startedBy.id))];
  const records = await Promise.all(ids.map((id) => getOperator(id)));
  const names = new Map(records.flatMap((record) => (record ? [[record.operatorId, { login: record.login, displayName: record.displayName }] as const] : [])));
  return runs.map((run) => ({ ...run, startedBy: { ...run.startedBy, ...names.get(run.startedBy.id) } }));
}

/** serverless.yml dayClose: cron(5 16 * * ? *), i.e. 00:05 in China. */
export const DAY_CLOSE_SCHEDULE = '每日 00:05（北京时间）自动执行';

export type RunMode = 'CLOSE_CURRENT' | 'CATCH_UP';
const runMode = (): RunMode => (config().ALLOW_CLOCK_CONTROL ? 'CLOSE_CURRENT' : 'CATCH_UP');

export async function dayCloseStatus(now: Date): Promise<{ businessDate: string; calendarDate: string; runMode: RunMode; schedule: string; latest: NamedRun | null }> {
  const [current, { runs }] = await Promise.all([currentBusinessDate(now), dayCloseRuns(1)]);
  const [latest] = await named(runs);
  return { businessDate: current, calendarDate: businessDate(now), runMode: runMode(), schedule: DAY_CLOSE_SCHEDULE, latest: latest ?? null };
}

export async function dayCloseHistory(limit: number, beforeDate: string | undefined): Promise<{ runs: NamedRun[]; nextCursor: string | null }> {
  const { runs, more } = await dayCloseRuns(limit, beforeDate);
  return { runs: await named(runs), nextCursor: more ? (runs.at(-1)?.closedDate ?? null) : null };
}

/** 立即执行: claims the run of the date to close in one transaction with its audit entry (409
 *  DAY_CLOSE_RUNNING while a close of the date runs; NOTHING_TO_CLOSE in CATCH_UP mode when no
 *  date before today is open), then starts the dayClose function on it and returns at once; the
 *  run's status and steps (dayCloseStatus) show how it goes. */
export async function startDayCloseNow(operator: ConsoleOperator, now: Date): Promise<{ businessDate: string; runId: string }> {
  const mode = runMode();
  const today = businessDate(now);
  // As the schedule does before its first close.
  if (mode === 'CATCH_UP') await initBusinessDate(addDays(today, -1));
  const closedDate = await currentBusinessDate(now);
  if (mode === 'CATCH_UP' && closedDate >= today) refuse('conflict', 'NOTHING_TO_CLOSE', '今日之前的营业日均已完成日终，无需执行');
  const actor = { kind: 'operator' as const, id: operator.operatorId };
  const run = await newDayCloseRun(closedDate, actor, new Date());
  const outcome = await recordAuditWith(
    { actor, action: 'day-close.start', target: { kind: 'business-date', id: closedDate }, before: { businessDate: closedDate }, after: { runId: run.runId, runMode: mode } },
    now,
    () => [{ Put: dayCloseRunStart(run, staleBefore(run)) }],
  );
  if ('refusedChange' in outcome) refuseDayCloseRunning(closedDate);
  await handOver(run, (request) => dayCloseTrigger().start(request), mode, actor);
  return { businessDate: closedDate, runId: run.runId };
}

/** POST /v1/admin/day-close (the operator key's automation, local and test stages): claims the run
 *  of the business date, has the dayClose function close it and waits for its report. A close that
 *  failed answers with the run's failure. */
export async function closeDayAndWait(now: Date): Promise<DayCloseReport> {
  const closedDate = await currentBusinessDate(now);
  const run = await newDayCloseRun(closedDate, AUTOMATION, new Date());
  if (!(await startDayCloseRun(run, staleBefore(run)))) refuseDayCloseRunning(closedDate);
  // The dayClose function's answer to a requested close (jobs/day-close.ts): its reports, none when it failed.
  const [report] = (await handOver(run, (request) => dayCloseTrigger().run(request), 'CLOSE_CURRENT', AUTOMATION)) as DayCloseReport[];
  if (report) return report;
  throw new Error(`day close of ${closedDate} failed: ${(await getDayCloseRun(closedDate))?.failure ?? 'no report'}`);
}

const AUTOMATION = { kind: 'automation', id: 'admin-api' } as const;

/** Has the dayClose function take the claimed `run` over through `invoke`. */
async function handOver<Answer>(run: DayCloseRunRecord, invoke: (request: DayCloseRequest) => Promise<Answer>, runMode: RunMode, requestedBy: DayCloseRequest['requestedBy']): Promise<Answer> {
  try {
    return await invoke({ source: DAY_CLOSE_REQUEST_SOURCE, closedDate: run.closedDate, runId: run.runId, runMode, requestedBy });
  } catch (error) {
    // Never reached the function (the run as claimed, no step begun): it fails now rather than
    // hold the date until it goes stale.
    const stored = await getDayCloseRun(run.closedDate);
    if (stored?.runId === run.runId && stored.status === 'RUNNING' && stored.steps.length === 0) {
      await saveDayCloseRun({ ...run, status: 'FAILED', finishedAt: new Date().toISOString(), failure: `未能启动日终批处理：${stepError('start', error).message}` }, new Date());
    }
    throw error;
  }
}
