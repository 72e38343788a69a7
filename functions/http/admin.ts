// Automation with the operator key: in local and test stages the business date and the bank's
// clock, an on-demand day close and an on-demand webhook delivery pass. The LPR and loan products
// are people's changes: drafted and approved in the console (http/console-products.ts,
// http/console-changes.ts), never through the shared key.
import { adminRoutes } from '../contract/admin-routes.js';
import { advanceBusinessDate, closeDayOnRequest, setBankClock } from '../services/business-date.js';
import { deliverWebhooksOnRequest } from '../services/webhook-delivery.js';
import { defineRoute, lambda } from './route.js';

const businessDate = defineRoute('adminBusinessDate', adminRoutes.adminBusinessDate, async ({ body, now }) => {
  await advanceBusinessDate(body.businessDate, now);
  return { businessDate: body.businessDate };
});

const clock = defineRoute('adminClock', adminRoutes.adminClock, async ({ body, now }) => {
  const set = await setBankClock(body.time === null ? null : new Date(body.time), now);
  return { time: set.time.toISOString(), offsetMs: set.offsetMs };
});

const dayClose = defineRoute('adminDayClose', adminRoutes.adminDayClose, ({ now }) => closeDayOnRequest(now));

const deliverWebhooks = defineRoute('adminWebhooksDeliver', adminRoutes.adminWebhooksDeliver, ({ now }) => deliverWebhooksOnRequest(now));

export const handler = lambda([businessDate, clock, dayClose, deliverWebhooks]);
