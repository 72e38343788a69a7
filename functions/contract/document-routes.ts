// Routes of documents as PDF files: the e-account's monthly statement (对账单) and a paid-off
// loan's payoff certificate (结清证明).
import * as s from './document-schemas.js';
import { LoanIdParams } from './loan-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const documentRoutes = {
  statementMonths: {
    method: 'GET',
    path: '/v1/account/statements',
    summary: 'The months a statement (对账单) can be asked for: the account\'s opening to the current month, newest first',
    auth: 'customer',
    idempotent: false,
    response: s.StatementMonths,
  },
  statement: {
    method: 'GET',
    path: '/v1/account/statement',
    summary: 'A month\'s statement of the e-account as a PDF: opening balance, every movement with the running balance, totals in and out, closing balance (422 STATEMENT_MONTH_OUT_OF_RANGE, 413 STATEMENT_TOO_LARGE)',
    auth: 'customer',
    idempotent: false,
    query: s.StatementQuery,
    response: s.StatementFile,
  },
  payoffCertificate: {
    method: 'GET',
    path: '/v1/loans/{loanId}/payoff-certificate',
    summary: 'The payoff certificate (结清证明) of the customer\'s paid-off loan as a PDF (409 LOAN_NOT_PAID_OFF; 404 LOAN_NOT_FOUND for anyone else\'s)',
    auth: 'customer',
    idempotent: false,
    params: LoanIdParams,
    response: s.PayoffCertificateFile,
  },
} as const satisfies Record<string, RouteSpec>;
