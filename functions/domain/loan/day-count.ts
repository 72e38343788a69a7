// Apart from arith.ts (which carries decimal.js) so that the contract schemas and views can name
// the basis without bundling the arithmetic.

/** Daily rates are annual / 360 over the days actually elapsed (actual/360, "ACT/360"): the ONE
 *  day-count basis for every interest charged by the day — a prepayment's interest, the payoff
 *  quote's, and penalty interest. */
export const DAY_COUNT_BASIS = { name: 'ACT/360', daysPerYear: 360 } as const;
