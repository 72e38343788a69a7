// The event the console's 立即执行 (an asynchronous Lambda invoke, adapters/day-close-trigger.ts)
// and the automation route of the local and test stages (a synchronous one) send the dayClose
// function: the run of `closedDate` the caller has already claimed, and who asked. The scheduled event (EventBridge) carries none of this; the job tells them apart by `source`.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';

export const DAY_CLOSE_REQUEST_SOURCE = 'jinlin.console';

export const DayCloseRequest = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    source: z.literal(DAY_CLOSE_REQUEST_SOURCE),
    closedDate: z.iso.date(),
    runId: z.uuid(),
    /** CATCH_UP: after this date, every later date before today too, as the schedule would. */
    runMode: z.enum(['CLOSE_CURRENT', 'CATCH_UP']),
    requestedBy: z.strictObject({ kind: z.enum(['operator', 'automation']), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  }),
);
export type DayCloseRequest = z.infer<typeof DayCloseRequest>;
