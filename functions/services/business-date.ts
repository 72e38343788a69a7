// The business date as operators move it, the bank's clock as they set it, and the day close on
// request: local and test stages only (allowClockControl). The date goes forward only, from the
// date in force when they asked; from the console, the move and its audit entry are one
// transaction. The clock (platform/clock.ts) may be set either way, or back to the wall clock.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { businessDate } from '../domain/time.js';
import { offsetTo } from '../platform/clock.js';
import { bankDay, businessDateChange, currentBusinessDate, setBusinessDate, setClockOffset } from '../store/business-date.js';
import { recordAuditWith } from './audit.js';
import type { DayCloseReport } from './day-close.js';
import { closeDayAndWait } from './day-close-runs.js';
import type { ConsoleOperator } from './operators.js';

function assertClockControl(): void {
  if (!config().ALLOW_CLOCK_CONTROL) refuse('forbidden', 'CLOCK_CONTROL_DISABLED', '本环境不允许调整营业日期');
}

export async function advanceBusinessDate(to: string, now: Date): Promise<void> {
  assertClockControl();
  await setBusinessDate(await currentBusinessDate(now), to);
}

export async function businessDateControl(now: Date): Promise<{ businessDate: string; calendarDate: string; controlAllowed: boolean }> {
  return { businessDate: await currentBusinessDate(now), calendarDate: businessDate(now), controlAllowed: config().ALLOW_CLOCK_CONTROL };
}

/** Sets the bank's clock to read `time` now (and run on from there), or back to the wall clock
 *  (null); answers the clock's time. */
export async function setBankClock(time: Date | null, wallNow: Date): Promise<{ time: Date; offsetMs: number }> {
  assertClockControl();
  const offsetMs = time === null ? 0 : (offsetTo(time, wallNow) ?? refuse('invalid', 'CLOCK_OUT_OF_RANGE', '时钟只能调整到当前时间前后十年以内'));
  await setClockOffset(offsetMs);
  return { time: (await bankDay(wallNow)).now, offsetMs };
}

/** The console's move: refused outside local and test stages, audited with the date before and after. */
export async function moveBusinessDate(to: string, operator: ConsoleOperator, now: Date): Promise<void> {
  assertClockControl();
  const from = await currentBusinessDate(now);
  const change = businessDateChange(from, to);
  const outcome = await recordAuditWith(
    { actor: { kind: 'operator', id: operator.operatorId }, action: 'business-date.set', target: { kind: 'business-date', id: to }, before: { businessDate: from }, after: { businessDate: to } },
    now,
    () => [{ Update: change }],
  );
  if ('refusedChange' in outcome) refuse('conflict', 'BUSINESS_DATE_CHANGED', '营业日期已被修改，请重试');
}

/** The automation's day close now, instead of the scheduled one: run by the dayClose function. */
export async function closeDayOnRequest(now: Date): Promise<DayCloseReport> {
  assertClockControl();
  return closeDayAndWait(now);
}
