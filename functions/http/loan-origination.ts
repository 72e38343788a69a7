// Loan origination (无接触贷款 — before a loan): products and calculator, the application with its
// instant decision (decision rules, the credit bureau), the contract text and the credit lines. No
// route here moves money or takes a second factor. Servicing — drawdown onwards — is loans.ts; the
// two are separate functions so each bundles only its own half (docs/ARCHITECTURE.md). Each route
// calls one service (services/loan-products.ts, loan-applications.ts) and shapes its answer.
import { loanRoutes as routes } from '../contract/loan-routes.js';
import { applyForLoan, customerCreditLines } from '../services/loan-applications.js';
import { calculateLoan, loanCatalog, loanContractText } from '../services/loan-products.js';
import { creditLinesView, decisionView, productListView, scheduleQuoteView } from './loan-views.js';
import { defineRoute, lambda } from './route.js';

const productList = defineRoute('loanProducts', routes.loanProducts, async () => productListView(await loanCatalog()));

const calculator = defineRoute('loanCalculator', routes.loanCalculator, async ({ body, now }) => {
  const { grade, quote } = await calculateLoan(body, now);
  return scheduleQuoteView(body, { grade, ...quote });
});

const apply = defineRoute('loanApply', routes.loanApply, async ({ customerId, body, now }) =>
  decisionView(await applyForLoan(customerId, body, now)),
);

const contract = defineRoute('loanContract', routes.loanContract, async () => {
  const { textVersion, title, clauses } = loanContractText();
  return { textVersion, title, clauses: [...clauses] };
});

const lines = defineRoute('creditLines', routes.creditLines, async ({ customerId, now }) =>
  creditLinesView(await customerCreditLines(customerId, now)),
);

export const handler = lambda([productList, calculator, apply, contract, lines]);
