// Arithmetic for the loan rules: a private decimal.js with enough digits for (1 + r)^360, and the
// one rounding rule (half-up to the fen) that every computed amount passes through.
import { Decimal } from 'decimal.js';
import { assertFen } from '../money.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Chinese banks quote instalment loans with a monthly rate of annual / 12 … */
const BPS_PER_YEAR_TO_MONTHLY = 12 * 10_000;
/** … and daily rates (accrual, penalty) with annual / 360. */
const BPS_PER_YEAR_TO_DAILY = 360 * 10_000;

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

/** `days` of interest at annual / 360 a day, half-up to the fen. */
export function dailyInterestFen(principalFen: number, annualRateBps: Decimal.Value, days: number): number {
  return roundFen(new Dec(principalFen).times(annualRateBps).times(days).div(BPS_PER_YEAR_TO_DAILY), 'interestFen');
}

/** Integer basis points within [0, maxBps]; rates come from configuration and products. */
export function assertRateBps(rateBps: number, what: string, maxBps: number): number {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > maxBps) {
    throw new Error(`${what} must be whole basis points in [0, ${maxBps}], got ${rateBps}`);
  }
  return rateBps;
}

export function assertIntIn(value: number, what: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** 721 → "7.21%", built from integers so no float formatting can misround it. */
export function formatRateBps(rateBps: number): string {
  const whole = Math.floor(rateBps / 100);
  return `${whole}.${String(rateBps - whole * 100).padStart(2, '0')}%`;
}

/** 123456789 → "1,234,567.89"; whole yuan print without decimals ("1,000"). */
export function formatYuan(amountFen: number): string {
  assertFen(amountFen);
  const yuan = Math.floor(amountFen / 100);
  const cents = amountFen - yuan * 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === 0 ? grouped : `${grouped}.${String(cents).padStart(2, '0')}`;
}
