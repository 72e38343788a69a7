// Loan servicing (无接触贷款 — once there is a credit line): the drawdown quote and drawdown, my
// loans, repayment and prepayment, early payoff and relief deferral. Origination — products,
// calculator, the application and its decision, the contract text, credit lines — is
// loan-origination.ts, a function of its own so neither bundles the other's half
// (docs/ARCHITECTURE.md). Each route calls one service (services/loan-servicing.ts) and shapes its
// answer.
import { loanRoutes as routes } from '../contract/loan-routes.js';
import { completionShownAs } from '../services/idempotency.js';
import {
  customerLoan,
  customerLoans,
  deferLoan,
  drawLoan,
  payOffLoan,
  planLoanDeferral,
  quoteDrawdown,
  quoteLoanPayoff,
  quoteLoanPrepayment,
  repayLoan,
} from '../services/loan-servicing.js';
import {
  deferralPlanView,
  loanListView,
  loanOnDateView,
  payoffQuoteView,
  prepaymentQuoteView,
  repaymentView,
  scheduleQuoteView,
} from './loan-views.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

const drawdownQuote = defineRoute('drawdownQuote', routes.drawdownQuote, async ({ customerId, body, now }) => {
  const { line, schedule, annualized } = await quoteDrawdown(customerId, body, now);
  return scheduleQuoteView(body, { grade: line.grade, annualRateBps: line.annualRateBps, schedule, ...annualized });
});

const drawdown = defineRoute('drawdown', routes.drawdown, async ({ customerId, body, now, idempotencyKey, secondFactor, completion }) =>
  loanOnDateView(await drawLoan(customerId, body, { secondFactor, idempotencyKey, now, completion: completionShownAs(completion, loanOnDateView) })),
);

const list = defineRoute('loans', routes.loans, async ({ customerId, now }) => loanListView(await customerLoans(customerId, now)));

const detail = defineRoute('loan', routes.loan, async ({ customerId, params, now }) =>
  loanOnDateView(await customerLoan(customerId, params.loanId, now)),
);

const repay = defineRoute('repay', routes.repay, async ({ customerId, params, body, now, idempotencyKey, secondFactor }) =>
  repaymentView(await repayLoan(customerId, params.loanId, body, { secondFactor, idempotencyKey, now })),
);

const prepaymentQuote = defineRoute('prepaymentQuote', routes.prepaymentQuote, async ({ customerId, params, body, now }) =>
  prepaymentQuoteView(await quoteLoanPrepayment(customerId, params.loanId, body, now)),
);

const payoffQuote = defineRoute('payoffQuote', routes.payoffQuote, async ({ customerId, params, now }) =>
  payoffQuoteView(params.loanId, await quoteLoanPayoff(customerId, params.loanId, now)),
);

const payoff = defineRoute('payoff', routes.payoff, async ({ customerId, params, now, idempotencyKey, secondFactor }) =>
  repaymentView(await payOffLoan(customerId, params.loanId, { secondFactor, idempotencyKey, now })),
);

const deferralPlan = defineRoute('deferralPlan', routes.deferralPlan, async ({ customerId, params, body, now }) =>
  deferralPlanView(await planLoanDeferral(customerId, params.loanId, body, now)),
);

const deferral = defineRoute('deferral', routes.deferral, async ({ customerId, params, body, now, idempotencyKey, secondFactor, completion }) =>
  loanOnDateView(await deferLoan(customerId, params.loanId, body, { secondFactor, idempotencyKey, now, completion: completionShownAs(completion, loanOnDateView) })),
);

export const handler = lambda([
  drawdownQuote,
  drawdown,
  list,
  detail,
  repay,
  prepaymentQuote,
  payoffQuote,
  payoff,
  deferralPlan,
  deferral,
]);
