// The loan catalog: products on sale with the terms an application must meet, and the public
// calculator. Publishing what operators' approved changes make: services/loan-publishing.ts.
import { refuse } from '../domain/errors.js';
import { CREDIT_CODE_PATTERN } from '../domain/loan/business-licence.js';
import { calculatorQuote, type CalculatorQuote } from '../domain/loan/calculator.js';
import { BUREAU_CONSENT, type BureauConsentText } from '../domain/loan/consent.js';
import { LOAN_CONTRACT, type LoanContractText } from '../domain/loan/contract-text.js';
import { bestGrade } from '../domain/loan/pricing.js';
import type { LoanProduct, RepaymentMethod, RiskGrade } from '../domain/loan/product.js';
import { allInOrder } from '../platform/all-in-order.js';
import { currentBusinessDate } from '../store/business-date.js';
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

/** A product's versions, newest first (at most `limit`), as published. */
export async function loanProductVersions(productId: string, limit: number): Promise<loans.ProductVersionRecord[]> {
  return loans.productVersions(productId, limit);
}
