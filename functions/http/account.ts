// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, history.
import { coreRoutes as routes } from '../contract/core-routes.js';
import { maskPhone } from '../domain/masking.js';
import * as accounts from '../services/accounts.js';
import { class2Limits } from '../services/customer-guards.js';
import { defineRoute, lambda } from './route.js';
import { accountDetail } from './views.js';

const open = defineRoute('openAccount', routes.openAccount, async ({ customerId, body, now }) =>
  accountDetail(await accounts.openAccount(customerId, body.cardNumber, now), class2Limits()),
);

const detail = defineRoute('account', routes.account, async ({ customerId, now }) =>
  accountDetail(await accounts.ownAccount(customerId, now), class2Limits()),
);

const topUp = defineRoute('topUp', routes.topUp, ({ customerId, body, now, idempotencyKey }) =>
  accounts.topUp({ customerId, amountFen: body.amountFen, pin: body.pin, now, idempotencyKey }),
);

const withdraw = defineRoute('withdraw', routes.withdraw, ({ customerId, body, now, idempotencyKey }) =>
  accounts.withdraw({ customerId, amountFen: body.amountFen, pin: body.pin, now, idempotencyKey }),
);

const payee = defineRoute('payee', routes.payee, async ({ customerId, query }) => {
  const { nameMasked } = await accounts.findPayee(customerId, query.phone);
  return { nameMasked, phoneMasked: maskPhone(query.phone) };
});

const transfer = defineRoute('transfer', routes.transfer, ({ customerId, body, now, idempotencyKey }) =>
  accounts.transfer({ customerId, amountFen: body.amountFen, pin: body.pin, toPhone: body.toPhone, memo: body.memo, now, idempotencyKey }),
);

const history = defineRoute('history', routes.history, ({ customerId, query }) => accounts.history(customerId, query.limit ?? 20, query.cursor));

export const handler = lambda([open, detail, topUp, withdraw, payee, transfer, history]);
