// The event the console's 立即执行 sends the dayClose function (an asynchronous Lambda invoke,
// adapters/day-close-trigger.ts): the run of `closedDate` the console has already claimed, and who
// asked. The scheduled event (EventBridge) carries none of this; the job tells them apart by `source`.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const DAY_CLOSE_REQUEST_SOURCE = 'jinlin.console';

export const DayCloseRequest = lazySchema(() =>
  z.strictObject({
    source: z.literal(DAY_CLOSE_REQUEST_SOURCE),
    closedDate: z.iso.date(),
    runId: z.uuid(),
    /** CATCH_UP: after this date, every later date before today too, as the schedule would. */
    runMode: z.enum(['CLOSE_CURRENT', 'CATCH_UP']),
    requestedBy: z.strictObject({ kind: z.literal('operator'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  }),
);
export type DayCloseRequest = z.infer<typeof DayCloseRequest>;
