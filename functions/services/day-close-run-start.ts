// Starting a run of the day close — its record, which is also the date's lock — as the close
// itself does for the schedule (services/day-close.ts) and as the console's 立即执行 does before the
// dayClose function takes the run over (services/day-close-runs.ts).
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../domain/audit-chain.js';
import { DAY_CLOSE_STALE_MS } from '../domain/day-close.js';
import { refuse } from '../domain/errors.js';
import { type DayCloseRunRecord, getDayCloseRun } from '../store/day-close-runs.js';

/** A RUNNING run of `closedDate` started by `actor` now, counting the date's earlier attempts. */
export async function newDayCloseRun(closedDate: string, actor: AuditActor, startedAt: Date): Promise<DayCloseRunRecord> {
  const previous = await getDayCloseRun(closedDate);
  return {
    closedDate,
    runId: randomUUID(),
    status: 'RUNNING',
    attempts: (previous?.attempts ?? 0) + 1,
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    startedBy: { kind: actor.kind === 'operator' ? 'operator' : 'system', id: actor.id },
    steps: [],
    failure: null,
    overdue: null,
  };
}

/** A running close not heard from since this time died without saying so: `run` may take it over. */
export const staleBefore = (run: DayCloseRunRecord): string => new Date(Date.parse(run.startedAt) - DAY_CLOSE_STALE_MS).toISOString();

export const refuseDayCloseRunning = (closedDate: string): never => refuse('conflict', 'DAY_CLOSE_RUNNING', `营业日 ${closedDate} 的日终批处理正在进行中，请稍后查看结果`);
