// The Class II e-account: opening, balance and limits, top-up, withdrawal, transfer, history.
import { coreRoutes as routes } from '../contract/core-routes.js';
import { maskPhone } from '../domain/masking.js';
import * as accounts from '../services/accounts.js';
import { class2Limits } from '../services/customer-guards.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';
import { accountDetail, historyEntryView } from './views.js';

const open = defineRoute('openAccount', routes.openAccount, async ({ customerId, body, now }) =>
  accountDetail(await accounts.openAccount(customerId, body.cardNumber, now), class2Limits()),
);

const detail = defineRoute('account', routes.account, async ({ customerId, now }) =>
  accountDetail(await accounts.ownAccount(customerId, now), class2Limits()),
);

const topUp = defineRoute('topUp', routes.topUp, ({ customerId, body, now, idempotencyKey, secondFactor, completion }) =>
  accounts.topUp({ customerId, amountFen: body.amountFen, secondFactor, now, idempotencyKey, completion }),
);

// Reads its key with the account and leases it with the debit (services/idempotency.ts).
const withdraw = defineRoute('withdraw', routes.withdraw, ({ customerId, body, now, idempotencyKey, secondFactor, completion, tokenDevice }) =>
  accounts.withdraw({ customerId, amountFen: body.amountFen, secondFactor, riskAcknowledged: body.riskAcknowledged, device: tokenDevice, now, idempotencyKey, completion }),
  'first-write',
);

const payee = defineRoute('payee', routes.payee, async ({ customerId, query }) => {
  const { nameMasked } = await accounts.findPayee(customerId, query.phone);
  return { nameMasked, phoneMasked: maskPhone(query.phone) };
});

// Reads its key with the account and stores its answer with the movement (services/idempotency.ts).
const transfer = defineRoute('transfer', routes.transfer, ({ customerId, body, now, idempotencyKey, secondFactor, completion, tokenDevice }) =>
  accounts.transfer({ customerId, amountFen: body.amountFen, secondFactor, toPhone: body.toPhone, memo: body.memo, riskAcknowledged: body.riskAcknowledged, device: tokenDevice, now, idempotencyKey, completion }),
  'first-write',
);

const history = defineRoute('history', routes.history, ({ customerId, query }) =>
  accounts.history(customerId, { limit: query.limit ?? 20, cursor: query.cursor, direction: query.direction, group: query.group }),
);

const historyEntry = defineRoute('historyEntry', routes.historyEntry, async ({ customerId, params }) =>
  historyEntryView(await accounts.historyEntry(customerId, params.entryId)),
);

export const handler = lambda([open, detail, topUp, withdraw, payee, transfer, history, historyEntry]);
