// Operators: the LPR, loan products (published as new versions, no deploy), and in local and
// test stages the business date and an on-demand day close.
import { adminRoutes } from '../contract/admin-routes.js';
import { formatRateBps } from '../domain/format.js';
import { advanceBusinessDate, closeDayOnRequest } from '../services/business-date.js';
import { publishLoanProduct, setOneYearLpr } from '../services/loan-products.js';
import { productView } from './loan-views.js';
import { defineRoute, lambda } from './route.js';

const lpr = defineRoute('adminLpr', adminRoutes.adminLpr, async ({ body, now }) => {
  await setOneYearLpr(body.oneYearLprBps, now);
  return { oneYearLprBps: body.oneYearLprBps, display: formatRateBps(body.oneYearLprBps) };
});

const publish = defineRoute('adminPublishLoanProduct', adminRoutes.adminPublishLoanProduct, async ({ body, now }) => {
  const { product, lprBps } = await publishLoanProduct(body, now);
  return productView(product, lprBps);
});

const businessDate = defineRoute('adminBusinessDate', adminRoutes.adminBusinessDate, async ({ body, now }) => {
  await advanceBusinessDate(body.businessDate, now);
  return { businessDate: body.businessDate };
});

const dayClose = defineRoute('adminDayClose', adminRoutes.adminDayClose, ({ now }) => closeDayOnRequest(now));

export const handler = lambda([lpr, publish, businessDate, dayClose]);
