// The business date as operators move it, and the day close on request: local and test stages
// only (allowClockControl); forward only, from the date in force when they asked.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { currentBusinessDate, setBusinessDate } from '../store/business-date.js';
import { type DayCloseReport, runDayClose } from './day-close.js';

function assertClockControl(): void {
  if (!config().ALLOW_CLOCK_CONTROL) refuse('forbidden', 'CLOCK_CONTROL_DISABLED', '本环境不允许调整营业日期');
}

export async function advanceBusinessDate(to: string, now: Date): Promise<void> {
  assertClockControl();
  await setBusinessDate(await currentBusinessDate(now), to);
}

/** An operator's day close now, instead of the scheduled one. */
export async function closeDayOnRequest(now: Date): Promise<DayCloseReport> {
  assertClockControl();
  return runDayClose(now);
}
