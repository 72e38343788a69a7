// The loan catalog: products on sale with the terms an application must meet, the public
// calculator, and publishing the LPR and product versions that operators' approved changes make
// (services/change-kinds/; products are data: no deploy).
import { refuse } from '../domain/errors.js';
import { CREDIT_CODE_PATTERN } from '../domain/loan/business-licence.js';
import { calculatorQuote, type CalculatorQuote } from '../domain/loan/calculator.js';
import { BUREAU_CONSENT, type BureauConsentText } from '../domain/loan/consent.js';
import { LOAN_CONTRACT, type LoanContractText } from '../domain/loan/contract-text.js';
import { bestGrade } from '../domain/loan/pricing.js';
import type { LoanProductDraft } from '../domain/loan/product-draft.js';
import type { LoanProduct, RepaymentMethod, RiskGrade } from '../domain/loan/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { currentBusinessDate } from '../store/business-date.js';
import type { VersionProvenance } from '../store/catalog.js';
import * as loans from '../store/loans.js';

/** What an application must carry besides the applicant's answers: the consent text in force
 *  (an application citing another version is refused) and the credit-code pattern the server checks. */
export interface ApplicationTerms {
  bureauConsent: BureauConsentText;
  creditCodePattern: string;
}

export async function currentProductOrRefuse(productId: string): Promise<LoanProduct> {
  return (await loans.currentProduct(productId)) ?? refuse('not_found', 'PRODUCT_NOT_FOUND', '未找到该贷款产品');
}

export async function loanCatalog(): Promise<{ products: LoanProduct[]; lprBps: number; applicationTerms: ApplicationTerms }> {
  const [products, lprBps] = await allInOrder([loans.currentProducts(), loans.oneYearLprBps()]);
  return { products, lprBps, applicationTerms: { bureauConsent: BUREAU_CONSENT, creditCodePattern: CREDIT_CODE_PATTERN } };
}

/** The loan contract text in force, for the borrower to read before drawing. */
export function loanContractText(): LoanContractText {
  return LOAN_CONTRACT;
}

/** A schedule as the product would price it today at its best grade ("as low as"). */
export async function calculateLoan(
  request: { productId: string; amountFen: number; termMonths: number; method: RepaymentMethod },
  now: Date,
): Promise<{ product: LoanProduct; grade: RiskGrade; quote: CalculatorQuote }> {
  const product = await currentProductOrRefuse(request.productId);
  const grade = bestGrade(product);
  const quote = calculatorQuote(product, {
    ...request,
    grade,
    lprBps: await loans.oneYearLprBps(),
    drawdownDate: await currentBusinessDate(now),
  });
  return { product, grade, quote };
}

export async function setOneYearLpr(oneYearLprBps: number, now: Date): Promise<void> {
  await loans.setOneYearLprBps(oneYearLprBps, now);
}

/** Publishes an approved console change as the product's next version, once: a version this change
 *  already published (an earlier try that was cut short, or another applier racing) is the
 *  answer, put on sale if it is not yet. */
export async function publishApprovedLoanProduct(draft: LoanProductDraft, provenance: VersionProvenance, now: Date): Promise<LoanProduct> {
  const publishedByThis = async () => {
    const [latest] = await loans.productVersions(draft.productId, 1);
    return latest?.provenance?.changeId === provenance.changeId ? latest.product : undefined;
  };
  const earlier = await publishedByThis();
  if (earlier) {
    await loans.putProductOnSale(earlier);
    return earlier;
  }
  try {
    return await loans.publishProduct(draft, now, provenance);
  } catch (error) {
    // Another applier of this same change took the version number first.
    const raced = await publishedByThis();
    if (!raced) throw error;
    await loans.putProductOnSale(raced);
    return raced;
  }
}

/** A product's versions, newest first (at most `limit`), as published. */
export async function loanProductVersions(productId: string, limit: number): Promise<loans.ProductVersionRecord[]> {
  return loans.productVersions(productId, limit);
}
