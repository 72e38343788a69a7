// Class II e-account limits (PBoC Yinfa [2016] No. 261 and [2018] No. 16): money moved with
// counterparties other than the bound Class I card is capped per day and per year in each
// direction; movements with the bound card are not. The figures are configuration.
import { refuse } from './errors.js';
import { type LimitKind, limitRefusal } from './ledger-refusal.js';

export interface Class2Limits {
  nonBoundDailyFen: number;
  nonBoundYearlyFen: number;
  maxSingleAmountFen: number;
}

export type Direction = 'IN' | 'OUT';

/** Counter buckets a non-bound movement on `businessDate` (YYYY-MM-DD) counts against. */
export function limitBuckets(direction: Direction, businessDate: string) {
  return {
    daily: `${direction}#D#${businessDate}`,
    yearly: `${direction}#Y#${businessDate.slice(0, 4)}`,
  };
}

/** Refuses an amount that could never fit, before any write is attempted. */
export function assertWithinSingleLimits(amountFen: number, limits: Class2Limits, nonBound: boolean): void {
  if (amountFen > limits.maxSingleAmountFen) {
    refuse('unprocessable', 'AMOUNT_TOO_LARGE', '超过单笔金额上限');
  }
  if (nonBound && amountFen > limits.nonBoundDailyFen) throw limitRefusal('CLASS2_DAILY');
}

/** One limit counter a ledger transaction charges, under its own condition (room left). */
export interface LimitCharge {
  accountId: string;
  /** Which limit this is: reported back, closed set, when the charge does not fit. */
  limit: LimitKind;
  /** The counter's bucket (limitBuckets): a storage detail nobody parses. */
  bucket: string;
  amountFen: number;
  limitFen: number;
}

/** The Class II day and year charges of a non-bound movement of `amountFen` on `businessDate`. */
export function class2Charges(
  accountId: string,
  direction: Direction,
  businessDate: string,
  amountFen: number,
  limits: Class2Limits,
): LimitCharge[] {
  const buckets = limitBuckets(direction, businessDate);
  return [
    { accountId, limit: 'CLASS2_DAILY', bucket: buckets.daily, amountFen, limitFen: limits.nonBoundDailyFen },
    { accountId, limit: 'CLASS2_YEARLY', bucket: buckets.yearly, amountFen, limitFen: limits.nonBoundYearlyFen },
  ];
}

export function usage(limitFen: number, usedFen: number) {
  return { limitFen, usedFen, remainingFen: Math.max(0, limitFen - usedFen) };
}

/** The day's charge of a payment to a merchant (order or code) on `calendarDate`, against the cap
 *  PBoC Yinfa [2017] No. 296 sets by how the payment was verified. */
export function codePayCharge(accountId: string, calendarDate: string, amountFen: number, limitFen: number): LimitCharge {
  return { accountId, limit: 'CODE_PAY_DAILY', bucket: `CODEPAY#D#${calendarDate}`, amountFen, limitFen };
}

/** Static codes (收款码) may take at most ¥500 a day from one customer (银发〔2017〕296号): the
 *  configured cap (STATIC_CODE_DAILY_FEN) can be lower, never higher. */
export const MAX_STATIC_CODE_DAILY_FEN = 50_000;

/** The day's bucket of payments through static codes (收款码). */
export const staticCodeBucket = (calendarDate: string) => `STATICCODE#D#${calendarDate}`;

export function staticCodeCharge(accountId: string, calendarDate: string, amountFen: number, limitFen: number): LimitCharge {
  return { accountId, limit: 'STATIC_CODE_DAILY', bucket: staticCodeBucket(calendarDate), amountFen, limitFen };
}
