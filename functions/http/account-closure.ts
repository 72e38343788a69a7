// 销户: the pre-check lists every blocker; the closing is PIN-confirmed (services/account-closure.ts).
// A function of its own: it reads loans, wealth and bills, which the money routes never bundle.
import { accountClosureRoutes as routes } from '../contract/account-closure-routes.js';
import { blockerText, closeAccount, closureCheck } from '../services/account-closure.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';
import { accountClosureView } from './views.js';

const check = defineRoute('closureCheck', routes.closureCheck, async ({ customerId }) => {
  const { account, blockers, retentionYears } = await closureCheck(customerId);
  return {
    accountNumberMasked: account.accountNumberMasked,
    balanceFen: account.balanceFen,
    boundCard: { bankName: account.boundCard.bankName, cardNumberMasked: account.boundCard.cardNumberMasked },
    blockers: blockers.map(blockerText),
    retentionYears,
  };
});

const close = defineRoute('closeAccount', routes.closeAccount, async ({ customerId, secondFactor, now, idempotencyKey }) =>
  accountClosureView((await closeAccount(customerId, secondFactor, now, idempotencyKey)).closure),
);

export const handler = lambda([check, close]);
