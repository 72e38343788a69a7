// Operators: the LPR, loan products (published as new versions, no deploy), and in local and
// test stages the business date and an on-demand day close.
import { config } from '../config.js';
import { coreRoutes } from '../contract/core-routes.js';
import { loanRoutes } from '../contract/loan-routes.js';
import { refuse } from '../domain/errors.js';
import { formatRateBps } from '../domain/format.js';
import { advanceBusinessDate } from '../services/business-date.js';
import { runDayClose } from '../services/day-close.js';
import { publishLoanProduct, setOneYearLpr } from '../services/loan-products.js';
import { productView } from './loan-views.js';
import { defineRoute, lambda } from './route.js';

function assertClockControl(): void {
  if (!config().ALLOW_CLOCK_CONTROL) refuse('forbidden', 'CLOCK_CONTROL_DISABLED', '本环境不允许调整营业日期');
}

const lpr = defineRoute('adminLpr', loanRoutes.adminLpr, async ({ body, now }) => {
  await setOneYearLpr(body.oneYearLprBps, now);
  return { oneYearLprBps: body.oneYearLprBps, display: formatRateBps(body.oneYearLprBps) };
});

const publish = defineRoute('adminPublishLoanProduct', loanRoutes.adminPublishLoanProduct, async ({ body, now }) => {
  const { product, lprBps } = await publishLoanProduct(body, now);
  return productView(product, lprBps);
});

const businessDate = defineRoute('adminBusinessDate', coreRoutes.adminBusinessDate, async ({ body, now }) => {
  assertClockControl();
  await advanceBusinessDate(body.businessDate, now);
  return { businessDate: body.businessDate };
});

const dayClose = defineRoute('adminDayClose', coreRoutes.adminDayClose, async ({ now }) => {
  assertClockControl();
  return runDayClose(now);
});

export const handler = lambda([lpr, publish, businessDate, dayClose]);
