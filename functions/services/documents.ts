// Documents as PDF files: the e-account's monthly statement (对账单) and a paid-off loan's payoff
// certificate (结清证明). Both are computed from the ledger and the loan on every request and
// stored nowhere; the file is the PDF adapter's drawing of domain/documents.ts's layout.
import { renderPdf } from '../adapters/pdf.js';
import {
  MAX_STATEMENT_ENTRIES,
  payoffCertificateDocument,
  statementDocument,
  type StatementFigures,
  statementFigures,
  statementMonths,
  type StatementPeriod,
  statementPeriod,
} from '../domain/documents.js';
import { refuse } from '../domain/errors.js';
import { businessDate } from '../domain/time.js';
import { allInOrder } from '../platform/all-in-order.js';
import { historyPage, MAX_HISTORY_PAGE } from '../store/ledger.js';
import { bankDay } from '../store/business-date.js';
import { getLoan } from '../store/loans.js';
import { balanceBefore, postingsBetween } from '../store/statements.js';
import { loadCustomer, loadOwnAccount } from './customer-guards.js';

export interface PdfFile {
  fileName: string;
  pdf: Buffer;
}

/** The months the customer can ask a statement for, newest first. */
export async function customerStatementMonths(customerId: string, wallNow: Date): Promise<string[]> {
  const [account, { now }] = await allInOrder([loadCustomer(customerId).then(loadOwnAccount), bankDay(wallNow)]);
  return statementMonths(account.openedAt, now);
}

export interface Statement extends PdfFile {
  period: StatementPeriod;
  figures: StatementFigures;
}

/** The statement of one month of the customer's own account (opening to now; else 422). Months
 *  and the time printed are the bank's clock's (test stages move it). */
export async function customerStatement(customerId: string, month: string, wallNow: Date): Promise<Statement> {
  const [customer, { now }] = await allInOrder([loadCustomer(customerId), bankDay(wallNow)]);
  const account = await loadOwnAccount(customer);
  const period = statementPeriod(month, account.openedAt, now);
  const [openingFen, postings] = await allInOrder([
    balanceBefore(account.accountId, period.fromIso),
    postingsBetween(account.accountId, period.fromIso, period.toIso, MAX_STATEMENT_ENTRIES),
  ]);
  const figures = statementFigures(openingFen, postings);
  const holder = { nameMasked: customer.nameMasked ?? '', accountNumberMasked: account.accountNumberMasked };
  const pdf = await renderPdf(statementDocument(period, holder, figures, now));
  return { fileName: `近邻银行对账单-${month}.pdf`, pdf, period, figures };
}

/** Repayment postings read looking for a loan's last one: 20 pages of 50. */
const MAX_REPAYMENT_PAGES = 20;

/** When the loan was paid off: the business date of its last repayment (the customer's posting
 *  names the contract), newest first in the account's history. */
async function payoffDate(accountId: string, contractNo: string): Promise<string> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_REPAYMENT_PAGES; page++) {
    const { items, nextCursor } = await historyPage(accountId, MAX_HISTORY_PAGE, cursor, { kinds: ['LOAN_REPAYMENT'] });
    const last = items.find((item) => item.counterparty === `合同 ${contractNo}`);
    if (last) return businessDate(new Date(last.createdAt));
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  throw new Error(`paid-off loan ${contractNo} has no repayment in account ${accountId}`);
}

/** The payoff certificate of the customer's own loan, once it is paid off (else 409; another
 *  customer's or no loan: 404). */
export async function payoffCertificate(customerId: string, loanId: string, wallNow: Date): Promise<PdfFile> {
  const [customer, loan, { now }] = await allInOrder([loadCustomer(customerId), getLoan(customerId, loanId), bankDay(wallNow)]);
  // Loans live under their owner's key: another customer's loan id simply is not there.
  if (!loan) return refuse('not_found', 'LOAN_NOT_FOUND', '未找到该笔借款');
  if (loan.status !== 'PAID_OFF') return refuse('conflict', 'LOAN_NOT_PAID_OFF', '该笔借款尚未结清，结清后可开具结清证明');
  const layout = payoffCertificateDocument(
    {
      borrowerNameMasked: customer.nameMasked ?? '',
      idNumberMasked: customer.idNumberMasked ?? '',
      loanId: loan.loanId,
      contractNo: loan.contractNo,
      productName: loan.productName,
      principalFen: loan.state.principalFen,
      drawdownDate: loan.state.drawdownDate,
      payoffDate: await payoffDate(loan.accountId, loan.contractNo),
    },
    now,
  );
  return { fileName: `近邻银行结清证明-${loan.contractNo}.pdf`, pdf: await renderPdf(layout) };
}
