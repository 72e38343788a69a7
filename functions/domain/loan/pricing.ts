// Pricing: annual nominal rate = LPR + the product's spread for the risk grade, never above the
// product's cap nor the 24% judicial ceiling. LPR is configuration (1-year LPR 3.00% since May 2025).
import { refuse } from '../errors.js';
import { assertRateBps } from '../bounds.js';
import { JUDICIAL_RATE_CEILING_BPS, type LoanProduct, RISK_GRADES, type RiskGrade } from './product.js';

/** The configuration's starting value; the live LPR is passed in, never read from here. */
export const ONE_YEAR_LPR_BPS = 300;

export interface LoanPrice {
  lprBps: number;
  spreadBps: number;
  annualRateBps: number;
  /** True when the cap, not LPR + spread, set the rate. */
  capped: boolean;
}

export function priceLoan(product: LoanProduct, grade: RiskGrade, lprBps: number): LoanPrice {
  assertRateBps(lprBps, 'lprBps', JUDICIAL_RATE_CEILING_BPS);
  const spreadBps = product.spreadBpsByGrade[grade];
  if (spreadBps === undefined) {
    return refuse('unprocessable', 'GRADE_NOT_OFFERED', '您的信用等级暂不符合本产品的申请条件');
  }
  const uncappedBps = lprBps + spreadBps;
  const annualRateBps = Math.min(uncappedBps, product.rateCapBps, JUDICIAL_RATE_CEILING_BPS);
  return { lprBps, spreadBps, annualRateBps, capped: annualRateBps < uncappedBps };
}

/** The best grade a product lends to: what "as low as" quotes and the calculator are priced at. */
export function bestGrade(product: LoanProduct): RiskGrade {
  const grade = RISK_GRADES.find((candidate) => product.spreadBpsByGrade[candidate] !== undefined);
  if (!grade) throw new Error(`product ${product.productId} prices no grade`);
  return grade;
}
