// The loan catalog: products on sale with the terms an application must meet, the public
// calculator, and the operators' LPR and product publication (products are data: no deploy).
import { refuse } from '../domain/errors.js';
import { CREDIT_CODE_PATTERN } from '../domain/loan/business-licence.js';
import { calculatorQuote, type CalculatorQuote } from '../domain/loan/calculator.js';
import { BUREAU_CONSENT, type BureauConsentText } from '../domain/loan/consent.js';
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

/** Publishes the product as its next version; loans already drawn keep the version they signed. */
export async function publishLoanProduct(product: LoanProduct, now: Date): Promise<{ product: LoanProduct; lprBps: number }> {
  const published = await loans.publishProduct(product, now);
  return { product: published, lprBps: await loans.oneYearLprBps() };
}
