// Documents as PDF files: the monthly statement (对账单), a paid-off loan's payoff certificate
// (结清证明), and the customer's copy of their personal data (个人信息副本, JSON or PDF, confirmed
// by the PIN). Apart from the account and loan functions, whose bundles need no PDF engine.
import { documentRoutes as routes } from '../contract/document-routes.js';
import { privacyRoutes } from '../contract/privacy-routes.js';
import { dataCopy } from '../services/data-copy.js';
import { customerStatement, customerStatementMonths, payoffCertificate, type PdfFile } from '../services/documents.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

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

const copy = defineRoute('dataCopy', privacyRoutes.dataCopy, async ({ customerId, tokenIssuedAtMs, body, secondFactor, now }) => {
  const made = await dataCopy(customerId, tokenIssuedAtMs, body.format, secondFactor, now);
  return {
    format: body.format,
    fileName: made.fileName,
    contentType: made.contentType,
    sizeBytes: made.bytes.length,
    contentBase64: made.bytes.toString('base64'),
    truncated: made.truncated,
  };
});

export const handler = lambda([statementMonths, statement, certificate, copy]);
