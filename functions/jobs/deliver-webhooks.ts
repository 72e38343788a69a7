// Every minute: delivers the open platform's webhook events that are due (services/webhook-delivery.ts),
// a bounded batch a run. serverless offline runs no schedule: there, POST /v1/admin/webhooks/deliver
// runs a pass.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { type DeliveryPassReport, deliverDueWebhooks, MAX_WEBHOOK_EVENTS_PER_PASS } from '../services/webhook-delivery.js';

export const handler = middy<ScheduledEvent, DeliveryPassReport>()
  .use(logContext())
  .handler(async () => {
    const report = await deliverDueWebhooks(new Date(), MAX_WEBHOOK_EVENTS_PER_PASS);
    if (report.attempts > 0) logger.info('webhooks delivered', { ...report });
    return report;
  });
