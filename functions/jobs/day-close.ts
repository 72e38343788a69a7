// The scheduled day close (日终), just after midnight in China: closes every business date
// before today's (services/day-close.ts), logging each close.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { catchUpDayCloses, type DayCloseReport } from '../services/day-close.js';

export const handler = middy<ScheduledEvent, DayCloseReport[]>()
  .use(logContext())
  .handler(() => catchUpDayCloses(new Date(), (report) => logger.info('day close', { ...report })));
