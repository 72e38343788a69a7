// Loans (无接触贷款): products and calculator, application with an instant decision, drawdown,
// my loans, repayment, early payoff and relief deferral. Each route calls one service
// (services/loan-products.ts, loan-applications.ts, loan-servicing.ts) and shapes its answer.
import { loanRoutes as routes } from '../contract/loan-routes.js';
import { applyForLoan, customerCreditLines } from '../services/loan-applications.js';
import { calculateLoan, loanCatalog } from '../services/loan-products.js';
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
  repayLoan,
} from '../services/loan-servicing.js';
import {
  creditLinesView,
  decisionView,
  deferralPlanView,
  loanListView,
  loanOnDateView,
  payoffQuoteView,
  productListView,
  repaymentView,
  scheduleQuoteView,
} from './loan-views.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

const productList = defineRoute('loanProducts', routes.loanProducts, async () => productListView(await loanCatalog()));

const calculator = defineRoute('loanCalculator', routes.loanCalculator, async ({ body, now }) => {
  const { grade, quote } = await calculateLoan(body, now);
  return scheduleQuoteView(body, { grade, ...quote });
});

const apply = defineRoute('loanApply', routes.loanApply, async ({ customerId, body, now }) =>
  decisionView(await applyForLoan(customerId, body, now)),
);

const lines = defineRoute('creditLines', routes.creditLines, async ({ customerId, now }) =>
  creditLinesView(await customerCreditLines(customerId, now)),
);

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
  productList,
  calculator,
  apply,
  lines,
  drawdownQuote,
  drawdown,
  list,
  detail,
  repay,
  payoffQuote,
  payoff,
  deferralPlan,
  deferral,
]);
