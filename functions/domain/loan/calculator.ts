// The public calculator: a product, a grade's price and a request → the full schedule with both
// the nominal and the IRR annualized rate, the latter shown at least as prominently.
import { refuse } from '../errors.js';
import { formatRateBps } from '../format.js';
import { type AnnualizedRate, scheduleAnnualizedRate } from './apr.js';
import { type LoanProduct, productFitReasons, type RepaymentMethod, type RiskGrade } from './product.js';
import { priceLoan } from './pricing.js';
import { buildSchedule, type Schedule } from './schedule.js';

export interface CalculatorQuote extends AnnualizedRate {
  schedule: Schedule;
  annualRateBps: number;
  annualRateDisplay: string;
}

export function calculatorQuote(
  product: LoanProduct,
  request: { amountFen: number; termMonths: number; method: RepaymentMethod; grade: RiskGrade; lprBps: number; drawdownDate: string },
): CalculatorQuote {
  const [problem] = productFitReasons(product, request);
  if (problem) refuse('unprocessable', problem.code, problem.message);
  const { annualRateBps } = priceLoan(product, request.grade, request.lprBps);
  const schedule = buildSchedule({
    principalFen: request.amountFen,
    annualRateBps,
    termMonths: request.termMonths,
    method: request.method,
    drawdownDate: request.drawdownDate,
  });
  return { schedule, annualRateBps, annualRateDisplay: formatRateBps(annualRateBps), ...scheduleAnnualizedRate(schedule) };
}
