// Automation with the operator key: in local and test stages the business date, and an on-demand
// day close. The LPR and loan products are people's changes: drafted and approved in the console
// (http/console-products.ts, http/console-changes.ts), never through the shared key.
import { adminRoutes } from '../contract/admin-routes.js';
import { advanceBusinessDate, closeDayOnRequest } from '../services/business-date.js';
import { defineRoute, lambda } from './route.js';

const businessDate = defineRoute('adminBusinessDate', adminRoutes.adminBusinessDate, async ({ body, now }) => {
  await advanceBusinessDate(body.businessDate, now);
  return { businessDate: body.businessDate };
});

const dayClose = defineRoute('adminDayClose', adminRoutes.adminDayClose, ({ now }) => closeDayOnRequest(now));

export const handler = lambda([businessDate, dayClose]);
