// Class II e-account limits (PBoC Yinfa [2016] No. 261 and [2018] No. 16): money moved with
// counterparties other than the bound Class I card is capped per day and per year in each
// direction; movements with the bound card are not. The figures are configuration.
import { refuse } from './errors.js';

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
  if (nonBound && amountFen > limits.nonBoundDailyFen) {
    refuse('unprocessable', 'DAILY_LIMIT_EXCEEDED', '超过电子账户（二类户）非绑定账户日累计限额');
  }
}

export function usage(limitFen: number, usedFen: number) {
  return { limitFen, usedFen, remainingFen: Math.max(0, limitFen - usedFen) };
}
