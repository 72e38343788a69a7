// Annualized rate by the IRR method (PBoC announcement [2021] No. 3): the monthly rate i that
// makes the money received equal the payments discounted, Σ paymentₖ/(1+i)^k = disbursed,
// annualized as i × 12. It is a rate, not money, so doubles are fine; bisection is used because
// it cannot diverge and its iteration count is known in advance.
import { assertFen, assertPositiveFen, sumFen } from '../money.js';
import { Dec, roundHalfUp } from './arith.js';
import { formatRateBps } from '../format.js';
import type { Schedule } from './schedule.js';

/** Bisection halves [0, 1] each step; 200 steps is far past double precision. */
const MAX_IRR_ITERATIONS = 200;
const MAX_MONTHLY_RATE = 1;
const MAX_PAYMENTS = 480;

export interface AnnualizedRate {
  annualizedRateBps: number;
  /** e.g. "7.21%" — show it at least as prominently as any other rate. */
  annualizedRateDisplay: string;
}

/** Monthly cash flows: `disbursedFen` reaches the customer at month 0, `paymentsFen[k-1]` is
 *  paid at month k. */
export function annualizedRateByIrr(disbursedFen: number, paymentsFen: readonly number[]): AnnualizedRate {
  assertPositiveFen(disbursedFen, 'disbursedFen');
  if (paymentsFen.length < 1 || paymentsFen.length > MAX_PAYMENTS) {
    throw new Error(`IRR needs 1 to ${MAX_PAYMENTS} payments, got ${paymentsFen.length}`);
  }
  for (const paymentFen of paymentsFen) {
    if (assertFen(paymentFen, 'paymentFen') < 0) throw new Error('payments must not be negative');
  }
  if (sumFen(paymentsFen) < disbursedFen) throw new Error('payments do not repay the amount disbursed');

  const netPresentValue = (monthly: number) => {
    let npv = -disbursedFen;
    let discount = 1;
    for (const paymentFen of paymentsFen) {
      discount /= 1 + monthly;
      npv += paymentFen * discount;
    }
    return npv;
  };
  if (netPresentValue(MAX_MONTHLY_RATE) > 0) throw new Error('IRR above 100% a month');

  // NPV falls as the rate rises: keep the root between low (NPV ≥ 0) and high (NPV ≤ 0).
  let low = 0;
  let high = MAX_MONTHLY_RATE;
  for (let i = 0; i < MAX_IRR_ITERATIONS && high - low > Number.EPSILON; i++) {
    const middle = (low + high) / 2;
    if (netPresentValue(middle) > 0) low = middle;
    else high = middle;
  }
  const annualizedRateBps = roundHalfUp(new Dec((low + high) / 2).times(12 * 10_000));
  return { annualizedRateBps, annualizedRateDisplay: formatRateBps(annualizedRateBps) };
}

export interface LoanFees {
  /** Deducted from the amount paid out at drawdown. */
  upfrontFeeFen?: number;
  /** Added to every payment, e.g. a flat monthly fee on the original principal. */
  monthlyFeeFen?: number;
}

/** The annualized rate of a schedule, with any fees the customer pays on top of interest. */
export function scheduleAnnualizedRate(schedule: Pick<Schedule, 'principalFen' | 'installments'>, fees: LoanFees = {}): AnnualizedRate {
  const upfrontFeeFen = assertFen(fees.upfrontFeeFen ?? 0, 'upfrontFeeFen');
  const monthlyFeeFen = assertFen(fees.monthlyFeeFen ?? 0, 'monthlyFeeFen');
  if (upfrontFeeFen < 0 || monthlyFeeFen < 0) throw new Error('fees must not be negative');
  return annualizedRateByIrr(
    schedule.principalFen - upfrontFeeFen,
    schedule.installments.map((installment) => installment.paymentFen + monthlyFeeFen),
  );
}
