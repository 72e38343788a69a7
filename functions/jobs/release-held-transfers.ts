// Every 15 minutes: releases the transfers whose delay (延时到账) ran out to their payees
// (services/held-transfers.ts). The day close releases them too, so a stack without the schedule
// (serverless offline) releases them once a day at least.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { type ReleaseReport, releaseDueTransfers } from '../services/held-transfers.js';

export const handler = middy<ScheduledEvent, ReleaseReport>()
  .use(logContext())
  .handler(async () => {
    const report = await releaseDueTransfers(new Date(), (holdJournalId, error) => logger.error('held transfer not completed', { holdJournalId, error }));
    if (report.released > 0 || report.returned > 0 || report.failed > 0) logger.info('held transfers released', { ...report });
    return report;
  });
