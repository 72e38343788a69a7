// Every minute: applies the maker-checker changes approved for a time that has now come
// (services/change-requests.ts). A change approved after its time is applied by the approval
// itself; this catches the rest, and any the approval could not finish.
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logContext, logger } from '../platform/logger.js';
import { applyDueChanges } from '../services/change-requests.js';

export const handler = middy<ScheduledEvent, { applied: number; failed: number }>()
  .use(logContext())
  .handler(async () => {
    const outcome = await applyDueChanges(new Date());
    if (outcome.applied > 0 || outcome.failed > 0) logger.info('due changes', outcome);
    return outcome;
  });
