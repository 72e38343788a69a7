// The console's service desk (客户服务): find a customer, the masked 360 view, reveal with a
// reason, freeze an e-account, ask for its unfreeze. Its own function (consoleService), so no
// other function bundles it; complaint tickets are console-complaints.ts.
import { consoleServiceRoutes as routes } from '../contract/console-service-routes.js';
import { customer360, findCustomers, freezeAccount, requestUnfreeze, revealCustomerField } from '../services/customer-service.js';
import { defineConsoleRoute } from './console-route.js';
import { consoleAccountView, customer360View, customerMatchView } from './console-service-views.js';
import { lambda } from './route.js';

const search = defineConsoleRoute('consoleCustomerSearch', routes.consoleCustomerSearch, async ({ query }) => {
  const criteria = query.phone !== undefined ? { phone: query.phone } : query.accountNumber !== undefined ? { accountNumber: query.accountNumber } : { name: query.name! };
  return { customers: (await findCustomers(criteria)).map(customerMatchView) };
});

const view360 = defineConsoleRoute('consoleCustomer360', routes.consoleCustomer360, async ({ params, operator, now }) =>
  customer360View(await customer360(params.customerId, operator, now), now),
);

const reveal = defineConsoleRoute('consoleCustomerReveal', routes.consoleCustomerReveal, async ({ params, body, operator, now }) => ({
  value: await revealCustomerField(params.customerId, body.field, body.reason, operator, now),
}));

const freeze = defineConsoleRoute('consoleAccountFreeze', routes.consoleAccountFreeze, async ({ params, body, operator, now }) =>
  consoleAccountView(await freezeAccount(params.accountId, body.reason, operator, now), undefined),
);

// The change request is its own view (the changes routes answer the same shape).
const unfreezeRequest = defineConsoleRoute('consoleAccountUnfreezeRequest', routes.consoleAccountUnfreezeRequest, async ({ params, body, operator, now }) =>
  requestUnfreeze(params.accountId, body.reason, operator, now),
);

export const handler = lambda([search, view360, reveal, freeze, unfreezeRequest]);
