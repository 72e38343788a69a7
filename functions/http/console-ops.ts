// The console's operations section (运营): the day close (status, history, 立即执行), bill
// reconciliation alerts, overdue loans by bucket, wealth orders awaiting confirmation, and the
// business date on local and test stages. 立即执行 only starts the close, in the dayClose function:
// neither this function nor any other console section bundles the close itself.
import { consoleOpsRoutes as routes } from '../contract/console-ops-routes.js';
import { OPS_PAGE_DEFAULT } from '../contract/console-ops-schemas.js';
import { businessDateControl, moveBusinessDate } from '../services/business-date.js';
import { dayCloseHistory, dayCloseStatus, startDayCloseNow } from '../services/day-close-runs.js';
import { overdueLoansPage } from '../services/overdue-loans.js';
import { pendingWealthOrders } from '../services/pending-wealth-orders.js';
import { alertDetail, changeAlert, listAlerts } from '../services/reconciliation-alerts.js';
import { alertDetailView, alertView, pendingOrderView, runView } from './console-ops-views.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const status = defineConsoleRoute('consoleDayCloseStatus', routes.consoleDayCloseStatus, async ({ now }) => {
  const { latest, ...rest } = await dayCloseStatus(now);
  return { ...rest, latest: latest && runView(latest) };
});

const runs = defineConsoleRoute('consoleDayCloseRuns', routes.consoleDayCloseRuns, async ({ query }) => {
  const page = await dayCloseHistory(query.limit ?? OPS_PAGE_DEFAULT, query.cursor);
  return { runs: page.runs.map(runView), nextCursor: page.nextCursor };
});

const runNow = defineConsoleRoute('consoleDayCloseRun', routes.consoleDayCloseRun, async ({ operator, now }) => ({ started: true as const, ...(await startDayCloseNow(operator, now)) }));

const alerts = defineConsoleRoute('consoleReconciliationAlerts', routes.consoleReconciliationAlerts, async ({ query }) => {
  const page = await listAlerts(query.status, query.limit ?? OPS_PAGE_DEFAULT, query.cursor);
  return { alerts: page.alerts.map(alertView), nextCursor: page.nextCursor };
});

const alert = defineConsoleRoute('consoleReconciliationAlert', routes.consoleReconciliationAlert, async ({ params }) => alertDetailView(await alertDetail(params.alertId)));

const acknowledge = defineConsoleRoute('consoleAcknowledgeAlert', routes.consoleAcknowledgeAlert, async ({ params, body, operator, now }) =>
  alertDetailView(await changeAlert(params.alertId, { action: 'acknowledge', ...(body.note ? { note: body.note } : {}) }, operator, now)),
);

const resolve = defineConsoleRoute('consoleResolveAlert', routes.consoleResolveAlert, async ({ params, body, operator, now }) =>
  alertDetailView(await changeAlert(params.alertId, { action: 'resolve', bookingReference: body.bookingReference, ...(body.note ? { note: body.note } : {}) }, operator, now)),
);

const accept = defineConsoleRoute('consoleAcceptAlert', routes.consoleAcceptAlert, async ({ params, body, operator, now }) =>
  alertDetailView(await changeAlert(params.alertId, { action: 'accept', reason: body.reason }, operator, now)),
);

const overdue = defineConsoleRoute('consoleOverdueLoans', routes.consoleOverdueLoans, ({ query }) => overdueLoansPage(query.bucket, query.limit ?? OPS_PAGE_DEFAULT, query.cursor));

const pendingOrders = defineConsoleRoute('consolePendingWealthOrders', routes.consolePendingWealthOrders, async ({ query, now }) => {
  const page = await pendingWealthOrders(query.limit ?? OPS_PAGE_DEFAULT, query.cursor, now);
  return { businessDate: page.businessDate, orders: page.orders.map((order) => pendingOrderView(order, page.businessDate, page.asOf)), nextCursor: page.nextCursor };
});

const businessDate = defineConsoleRoute('consoleBusinessDate', routes.consoleBusinessDate, ({ now }) => businessDateControl(now));

const setBusinessDate = defineConsoleRoute('consoleSetBusinessDate', routes.consoleSetBusinessDate, async ({ body, operator, now }) => {
  await moveBusinessDate(body.businessDate, operator, now);
  return businessDateControl(now);
});

export const handler = lambda([status, runs, runNow, alerts, alert, acknowledge, resolve, accept, overdue, pendingOrders, businessDate, setBusinessDate]);
