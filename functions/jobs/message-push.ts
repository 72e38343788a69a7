// Every minute: pushes new money movements as WeChat subscription messages to the customers who
// granted them (services/messages.ts), off the money paths' responses.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { type PushReport, pushMoneyMessages } from '../services/messages.js';

export const handler = middy<ScheduledEvent, PushReport>()
  .use(logContext())
  .handler(async () => {
    const report = await pushMoneyMessages();
    if (report.sent > 0 || report.refused > 0) logger.info('money messages pushed', { ...report });
    return report;
  });
