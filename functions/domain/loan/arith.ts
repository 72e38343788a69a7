// Arithmetic for the loan rules: a private decimal.js with enough digits for (1 + r)^360, and the
// one rounding rule (half-up to the fen) that every computed amount passes through.
import { Decimal } from 'decimal.js';
import { assertFen } from '../money.js';
import { DAY_COUNT_BASIS } from './day-count.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Chinese banks quote instalment loans with a monthly rate of annual / 12, and daily rates on
 *  the day-count basis (day-count.ts). */
const BPS_PER_YEAR_TO_MONTHLY = 12 * 10_000;
const BPS_PER_YEAR_TO_DAILY = DAY_COUNT_BASIS.daysPerYear * 10_000;

/** Half-up to a whole number: fen for amounts, basis points for rates and ratios. */
export function roundHalfUp(value: Decimal): number {
  return value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

export function roundFen(amount: Decimal, what = 'amount'): number {
  return assertFen(roundHalfUp(amount), what);
}

/** The monthly rate as a decimal; inexact (1255/120,000 does not terminate), so amounts use
 *  the interest helpers below, which divide last. */
export function monthlyRate(annualRateBps: Decimal.Value): Decimal {
  return new Dec(annualRateBps).div(BPS_PER_YEAR_TO_MONTHLY);
}

// Multiply first, divide once: principal × bps / 120,000 is then exact whenever the true value
// is, so a tie such as 878.5 fen rounds up instead of becoming 878.4999… and rounding down.

/** One month's interest: principal × annual / 12, half-up to the fen. */
export function monthlyInterestFen(principalFen: number, annualRateBps: Decimal.Value): number {
  return roundFen(new Dec(principalFen).times(annualRateBps).div(BPS_PER_YEAR_TO_MONTHLY), 'interestFen');
}

/** `days` of interest on the day-count basis (annual / 360 a day), half-up to the fen. */
export function dailyInterestFen(principalFen: number, annualRateBps: Decimal.Value, days: number): number {
  return roundFen(new Dec(principalFen).times(annualRateBps).times(days).div(BPS_PER_YEAR_TO_DAILY), 'interestFen');
}
