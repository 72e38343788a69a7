// Bill payment (缴费): the biller catalogue, bill lookup by account number, two-phase payment,
// receipts and history, saved payees with one-tap re-query and auto-pay. Operators change billers
// and read reconciliations in the console (http/console-billers.ts).
import { billRoutes as routes } from '../contract/bill-routes.js';
import * as bills from '../services/bills.js';
import { completionShownAs } from '../services/idempotency.js';
import { billPaidView, billView, catalogueView, payeeView, paymentView } from './bill-views.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

const catalogue = defineRoute('billers', routes.billers, async ({ query }) => catalogueView(await bills.billerCatalogue(query)));

const lookup = defineRoute('billLookup', routes.billLookup, async ({ customerId, body, now }) => billView(await bills.lookupBill(customerId, body, now)));

const pay = defineRoute('billPay', routes.billPay, async ({ customerId, body, now, idempotencyKey, secondFactor, completion, tokenDevice }) =>
  billPaidView(await bills.payBill({ customerId, request: body, secondFactor, device: tokenDevice, now, idempotencyKey, completion: completionShownAs(completion, billPaidView) })),
);

const history = defineRoute('billPayments', routes.billPayments, async ({ customerId, query }) => {
  const page = await bills.paymentHistory(customerId, query);
  return { items: page.items.map(paymentView), nextCursor: page.nextCursor };
});

const receipt = defineRoute('billPayment', routes.billPayment, async ({ customerId, params }) => paymentView(await bills.paymentReceipt(customerId, params.paymentId)));

const payees = defineRoute('billPayees', routes.billPayees, async ({ customerId }) => ({ items: (await bills.listPayees(customerId)).map(payeeView) }));

const createPayee = defineRoute('billPayeeCreate', routes.billPayeeCreate, async ({ customerId, body, now }) => payeeView(await bills.savePayee(customerId, body, now)));

const payeeBill = defineRoute('billPayeeBill', routes.billPayeeBill, async ({ customerId, params, now }) =>
  billView(await bills.payeeBill(customerId, params.payeeId, now)),
);

const autoPay = defineRoute('billPayeeAutoPay', routes.billPayeeAutoPay, async ({ customerId, params, body, now, secondFactor }) =>
  payeeView(await bills.setAutoPay(customerId, params.payeeId, body, secondFactor, now)),
);

const deletePayee = defineRoute('billPayeeDelete', routes.billPayeeDelete, async ({ customerId, params }) => {
  await bills.deletePayee(customerId, params.payeeId);
  return { ok: true as const };
});

export const handler = lambda([
  catalogue,
  lookup,
  pay,
  history,
  receipt,
  payees,
  createPayee,
  payeeBill,
  autoPay,
  deletePayee,
]);
