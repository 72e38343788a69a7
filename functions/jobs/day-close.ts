// The day close (日终): scheduled just after midnight in China, it closes every business date
// before today's; invoked by the console's 立即执行 (an Event invoke carrying the run the console
// claimed and who asked, contract/day-close-request.ts) or by the automation route of the local
// and test stages (the same request, answered with the reports), it runs that close
// (services/day-close.ts).
// Its closes take the dashboard's snapshot of each date (services/dashboard.ts). Each close is logged.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { DAY_CLOSE_REQUEST_SOURCE, DayCloseRequest } from '../contract/day-close-request.js';
import { logContext, logger } from '../platform/logger.js';
import { takeDashboardSnapshot } from '../services/dashboard.js';
import { catchUpDayCloses, type DayCloseReport, runRequestedDayClose } from '../services/day-close.js';

const logClose = (report: DayCloseReport) => logger.info('day close', { ...report });

/** A requested close's failure is in its run, where the operator sees it; thrown, it would only
 *  have Lambda retry an event whose run has ended (a retry does nothing) — and it would end
 *  serverless offline, which does not catch an Event invoke's rejection. */
async function requested(event: unknown): Promise<DayCloseReport[]> {
  try {
    return await runRequestedDayClose(DayCloseRequest.parse(event), new Date(), logClose, takeDashboardSnapshot);
  } catch (error) {
    logger.error('requested day close failed', { error });
    return [];
  }
}

export const handler = middy<ScheduledEvent | DayCloseRequest, DayCloseReport[]>()
  .use(logContext())
  .handler((event) => (event.source === DAY_CLOSE_REQUEST_SOURCE ? requested(event) : catchUpDayCloses(new Date(), logClose, undefined, takeDashboardSnapshot)));
