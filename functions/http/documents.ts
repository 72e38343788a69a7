// Documents as PDF files: the monthly statement (对账单) and a paid-off loan's payoff certificate
// (结清证明). Apart from the account and loan functions, whose bundles need no PDF engine.
import { documentRoutes as routes } from '../contract/document-routes.js';
import { customerStatement, customerStatementMonths, payoffCertificate, type PdfFile } from '../services/documents.js';
import { defineRoute, lambda } from './route.js';

const file = ({ fileName, pdf }: PdfFile) => ({ fileName, contentType: 'application/pdf' as const, sizeBytes: pdf.length, pdfBase64: pdf.toString('base64') });

const statementMonths = defineRoute('statementMonths', routes.statementMonths, async ({ customerId, now }) => ({
  months: await customerStatementMonths(customerId, now),
}));

const statement = defineRoute('statement', routes.statement, async ({ customerId, query, now }) => {
  const made = await customerStatement(customerId, query.month, now);
  const { openingFen, totalInFen, totalOutFen, closingFen, lines } = made.figures;
  return { month: made.period.month, toDate: made.period.toDate, openingFen, totalInFen, totalOutFen, closingFen, entries: lines.length, ...file(made) };
});

const certificate = defineRoute('payoffCertificate', routes.payoffCertificate, async ({ customerId, params, now }) => ({
  loanId: params.loanId,
  ...file(await payoffCertificate(customerId, params.loanId, now)),
}));

export const handler = lambda([statementMonths, statement, certificate]);
