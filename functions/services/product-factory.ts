// The product factory (产品工厂) of the operations console: loan products and the LPR as product
// managers see them (the catalog, each product's versions, what is waiting for a checker), a
// preview of a draft priced by the very rules the customer's calculator uses, and drafts submitted
// as maker-checker changes (services/change-requests.ts) — nothing here publishes by itself.
import type { ChangeRequest } from '../domain/change-requests.js';
import { formatRateBps } from '../domain/format.js';
import { calculatorQuote, type CalculatorQuote } from '../domain/loan/calculator.js';
import type { LoanProductDraft } from '../domain/loan/product-draft.js';
import type { LoanProduct, RepaymentMethod, RiskGrade } from '../domain/loan/product.js';
import { bestGrade } from '../domain/loan/pricing.js';
import { allInOrder } from '../platform/all-in-order.js';
import { currentBusinessDate } from '../store/business-date.js';
import * as loans from '../store/loans.js';
import { loanProductEntityId } from './change-kinds/loan-product-version.js';
import { LPR_ENTITY_ID } from './change-kinds/lpr.js';
import { pendingChangeIds, pendingChangeOf, submitChange } from './change-requests.js';
import { currentProductOrRefuse, loanProductVersions } from './loan-products.js';
import type { ConsoleOperator } from './operators.js';

/** Versions a product's history shows. */
const MAX_VERSIONS_SHOWN = 100;

export interface ConsoleProductRow {
  product: LoanProduct;
  /** When the version on sale was published. */
  updatedAt: string;
  pendingChangeId?: string;
}

/** Every loan product on sale with the change waiting on it, and the LPR with its own. */
export async function consoleLoanProducts(): Promise<{ rows: ConsoleProductRow[]; lprBps: number; lprPendingChangeId?: string }> {
  const [products, lprBps] = await allInOrder([loans.currentProducts(), loans.oneYearLprBps()]);
  const [publishedAt, pending] = await allInOrder([
    loans.versionsPublishedAt(products),
    pendingChangeIds([LPR_ENTITY_ID, ...products.map((product) => loanProductEntityId(product.productId))]),
  ]);
  const rows = products.map((product) => {
    const pendingChangeId = pending.get(loanProductEntityId(product.productId));
    return { product, updatedAt: publishedAt.get(`${product.productId}#${product.version}`) ?? '', ...(pendingChangeId ? { pendingChangeId } : {}) };
  });
  const lprPendingChangeId = pending.get(LPR_ENTITY_ID);
  return { rows, lprBps, ...(lprPendingChangeId ? { lprPendingChangeId } : {}) };
}

/** One product: the version on sale, every version published (newest first) and the change
 *  waiting on it. */
export async function consoleLoanProduct(productId: string): Promise<{
  current: LoanProduct;
  lprBps: number;
  versions: loans.ProductVersionRecord[];
  pendingChange?: ChangeRequest;
}> {
  const current = await currentProductOrRefuse(productId);
  const [lprBps, versions, pendingChange] = await allInOrder([
    loans.oneYearLprBps(),
    loanProductVersions(productId, MAX_VERSIONS_SHOWN),
    pendingChangeOf(loanProductEntityId(productId)),
  ]);
  return { current, lprBps, versions, ...(pendingChange ? { pendingChange } : {}) };
}

export interface ProductSample {
  amountFen: number;
  termMonths: number;
  method: RepaymentMethod;
}

/** The draft as it would be published (numbered as the next version) and a sample loan priced as
 *  the customer's calculator would price it today (services/loan-products.ts calculateLoan): the
 *  best grade, today's LPR, from today's business date. */
export async function previewLoanProduct(
  draft: LoanProductDraft,
  sample: ProductSample,
  now: Date,
): Promise<{ product: LoanProduct; lprBps: number; grade: RiskGrade; quote: CalculatorQuote }> {
  const [current, lprBps, drawdownDate] = await allInOrder([loans.currentProduct(draft.productId), loans.oneYearLprBps(), currentBusinessDate(now)]);
  const product: LoanProduct = { ...draft, version: (current?.version ?? 0) + 1 };
  const grade = bestGrade(product);
  return { product, lprBps, grade, quote: calculatorQuote(product, { ...sample, grade, lprBps, drawdownDate }) };
}

/** A new product, or the next version of one, submitted for a checker. */
export async function submitLoanProductChange(draft: LoanProductDraft, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const current = await loans.currentProduct(draft.productId);
  const before = current ? (({ version: _version, ...rest }) => rest)(current) : null;
  return submitChange({
    kind: 'LOAN_PRODUCT_VERSION',
    entityId: loanProductEntityId(draft.productId),
    entityLabel: `贷款产品 ${draft.name} v${(current?.version ?? 0) + 1}`,
    before,
    after: draft,
    effectiveAt,
    maker,
    now,
  });
}

/** A new 1-year LPR, submitted for a checker. */
export async function submitLprChange(oneYearLprBps: number, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const current = await loans.oneYearLprBps();
  return submitChange({
    kind: 'LPR',
    entityId: LPR_ENTITY_ID,
    entityLabel: `一年期 LPR ${formatRateBps(oneYearLprBps)}`,
    before: { oneYearLprBps: current },
    after: { oneYearLprBps },
    effectiveAt,
    maker,
    now,
  });
}
