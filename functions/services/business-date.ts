// The business date as operators move it, and the day close on request: local and test stages
// only (allowClockControl); forward only, from the date in force when they asked. From the
// console, the move and its audit entry are one transaction.
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { businessDate } from '../domain/time.js';
import { businessDateChange, currentBusinessDate, setBusinessDate } from '../store/business-date.js';
import { recordAuditWith } from './audit.js';
import { type DayCloseReport, runDayClose } from './day-close.js';
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

/** The console's move: refused outside local and test stages, audited with the date before and after. */
export async function moveBusinessDate(to: string, operator: ConsoleOperator, now: Date): Promise<void> {
  assertClockControl();
  const from = await currentBusinessDate(now);
  const change = businessDateChange(from, to);
  const outcome = await recordAuditWith(
    { actor: { kind: 'operator', id: operator.operatorId }, action: 'business-date.set', target: { kind: 'business-date', id: to }, before: { businessDate: from }, after: { businessDate: to } },
    now,
    () => [{ Put: change }],
  );
  if ('refusedChange' in outcome) refuse('conflict', 'BUSINESS_DATE_CHANGED', '营业日期已被修改，请重试');
}

/** An operator's day close now, instead of the scheduled one. */
export async function closeDayOnRequest(now: Date): Promise<DayCloseReport> {
  assertClockControl();
  return runDayClose(now);
}
