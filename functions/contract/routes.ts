// Every route of the API. The HTTP layer validates against these tables and the OpenAPI document
// is generated from them, so the two cannot drift apart. Handlers import their capability's own
// table; this one joins them for the document, the tests and the deployment check.
import { accountClosureRoutes } from './account-closure-routes.js';
import { adminRoutes } from './admin-routes.js';
import { billRoutes } from './bill-routes.js';
import { cardChangeRoutes } from './card-change-routes.js';
import { complaintRoutes } from './complaint-routes.js';
import { consoleBillerRoutes } from './console-biller-routes.js';
import { consoleChangeRoutes } from './console-change-routes.js';
import { consoleDashboardRoutes } from './console-dashboard-routes.js';
import { consoleOpsRoutes } from './console-ops-routes.js';
import { consolePartnerRoutes } from './console-partner-routes.js';
import { consoleOperatorRoutes } from './console-operator-routes.js';
import { consoleProductRoutes } from './console-product-routes.js';
import { consoleAmlRoutes, consoleRiskRoutes } from './console-risk-routes.js';
import { consoleRoutes } from './console-routes.js';
import { consoleServiceRoutes } from './console-service-routes.js';
import { consoleWealthRoutes } from './console-wealth-routes.js';
import { consoleStaffRoutes } from './console-staff-routes.js';
import { coreRoutes } from './core-routes.js';
import { documentRoutes } from './document-routes.js';
import { heldTransferRoutes } from './held-transfer-routes.js';
import { loanRoutes } from './loan-routes.js';
import { lossReportRoutes } from './loss-report-routes.js';
import { merchantPaymentRoutes } from './merchant-payment-routes.js';
import { messagesRoutes } from './messages-routes.js';
import { openRoutes } from './open-routes.js';
import { phoneChangeRoutes } from './phone-change-routes.js';
import { pinResetRoutes } from './pin-reset-routes.js';
import { privacyRoutes } from './privacy-routes.js';
import { receiptRoutes } from './receipt-routes.js';
import { rmRoutes } from './rm-routes.js';
import { sessionRoutes } from './session-routes.js';
import { soterRoutes } from './soter-routes.js';
import { wealthRoutes } from './wealth-routes.js';

export type { Method, RouteSpec } from './route-spec.js';

export const routes = {
  ...coreRoutes,
  ...accountClosureRoutes,
  ...adminRoutes,
  ...billRoutes,
  ...cardChangeRoutes,
  ...complaintRoutes,
  ...consoleRoutes,
  ...consoleBillerRoutes,
  ...consoleChangeRoutes,
  ...consoleDashboardRoutes,
  ...consoleOpsRoutes,
  ...consolePartnerRoutes,
  ...consoleOperatorRoutes,
  ...consoleProductRoutes,
  ...consoleRiskRoutes,
  ...consoleAmlRoutes,
  ...consoleServiceRoutes,
  ...consoleWealthRoutes,
  ...consoleStaffRoutes,
  ...documentRoutes,
  ...heldTransferRoutes,
  ...loanRoutes,
  ...lossReportRoutes,
  ...merchantPaymentRoutes,
  ...messagesRoutes,
  ...openRoutes,
  ...phoneChangeRoutes,
  ...pinResetRoutes,
  ...privacyRoutes,
  ...receiptRoutes,
  ...rmRoutes,
  ...sessionRoutes,
  ...soterRoutes,
  ...wealthRoutes,
} as const;
