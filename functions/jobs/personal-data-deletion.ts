// Every night: deletes the personal values of closed customers whose records' retention period
// (the Anti-Money-Laundering Law's, ACCOUNT_RECORDS_RETENTION_YEARS after 销户) has ended
// (services/privacy.ts), a bounded number per run; the next run takes the rest.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { type DeletionReport, deleteExpiredPersonalData } from '../services/privacy.js';

export const handler = middy<ScheduledEvent, DeletionReport>()
  .use(logContext())
  .handler(async () => {
    const report = await deleteExpiredPersonalData(new Date());
    if (report.due > 0) logger.info('personal data deletion', { ...report });
    return report;
  });
