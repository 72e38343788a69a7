// Repayment schedules for the three methods. Interest of a period = opening principal × annual/12,
// rounded half-up to the fen (how Chinese banks quote instalment loans, whatever the month's length).
import { refuse } from '../errors.js';
import { assertFen, sumFen } from '../money.js';
import { Dec, monthlyInterestFen, monthlyRate, roundFen } from './arith.js';
import { assertIntIn, assertRateBps } from '../bounds.js';
import { addMonthsClamped, assertIsoDate } from './dates.js';
import { JUDICIAL_RATE_CEILING_BPS, REPAYMENT_METHODS, type RepaymentMethod } from './product.js';

/** 100 yuan: the calculator's floor (products start at 1,000 yuan). */
export const MIN_SCHEDULE_PRINCIPAL_FEN = 10_000;
/** 100 million yuan: far above any product, low enough that every sum stays a safe integer. */
export const MAX_SCHEDULE_PRINCIPAL_FEN = 10_000_000_000;
/** 30 years, so the calculator can check itself against published mortgage examples. */
export const MAX_SCHEDULE_TERM_MONTHS = 360;

export interface Installment {
  period: number;
  dueDate: string;
  openingPrincipalFen: number;
  principalFen: number;
  interestFen: number;
  paymentFen: number;
  closingPrincipalFen: number;
}

export interface ScheduleTotals {
  principalFen: number;
  interestFen: number;
  paymentFen: number;
}

export interface ScheduleInput {
  principalFen: number;
  annualRateBps: number;
  termMonths: number;
  method: RepaymentMethod;
  drawdownDate: string;
}

export interface Schedule extends ScheduleInput {
  installments: Installment[];
  totals: ScheduleTotals;
}

/** The k-th due date: the drawdown's day of month k months on, clamped to the month's end. */
export function dueDateOf(drawdownDate: string, period: number): string {
  return addMonthsClamped(drawdownDate, period);
}

export function scheduleTotals(installments: readonly Installment[]): ScheduleTotals {
  return {
    principalFen: sumFen(installments.map((i) => i.principalFen)),
    interestFen: sumFen(installments.map((i) => i.interestFen)),
    paymentFen: sumFen(installments.map((i) => i.paymentFen)),
  };
}

export function buildSchedule(input: ScheduleInput): Schedule {
  const { principalFen, annualRateBps, termMonths, method, drawdownDate } = input;
  assertIntIn(principalFen, 'principalFen', MIN_SCHEDULE_PRINCIPAL_FEN, MAX_SCHEDULE_PRINCIPAL_FEN);
  assertRateBps(annualRateBps, 'annualRateBps', JUDICIAL_RATE_CEILING_BPS);
  assertIntIn(termMonths, 'termMonths', 1, MAX_SCHEDULE_TERM_MONTHS);
  assertIsoDate(drawdownDate, 'drawdownDate');
  if (!REPAYMENT_METHODS.includes(method)) throw new Error(`unknown repayment method ${method}`);

  const installments = amortize({ ...input, firstPeriod: 1, maxPeriods: termMonths }, principalPartsFor(input));
  return { ...input, installments, totals: scheduleTotals(installments) };
}

/** The principal a row repays, given its index among the rows being built (1-based), the
 *  principal still owed and the row's interest. */
export type PrincipalPart = (index: number, openingFen: number, interestFen: number) => number;

/** Rows from `firstPeriod` on, each charging one month's interest on the principal still owed
 *  and repaying `partOf` of it (never more than is owed), until nothing is owed — so a fixed
 *  payment simply runs out early — and row `maxPeriods` takes whatever is left.
 *  Due dates count from the drawdown date (never from an earlier due date), so month-end clamping
 *  cannot drift. */
export function amortize(
  input: { principalFen: number; annualRateBps: number; drawdownDate: string; firstPeriod: number; maxPeriods: number },
  partOf: PrincipalPart,
): Installment[] {
  const { principalFen, annualRateBps, drawdownDate, firstPeriod, maxPeriods } = input;
  const installments: Installment[] = [];
  let openingPrincipalFen = principalFen;
  for (let index = 1; index <= maxPeriods && openingPrincipalFen > 0; index++) {
    const interestFen = monthlyInterestFen(openingPrincipalFen, annualRateBps);
    const partFen = index === maxPeriods ? openingPrincipalFen : Math.min(partOf(index, openingPrincipalFen, interestFen), openingPrincipalFen);
    const period = firstPeriod + index - 1;
    installments.push({
      period,
      dueDate: dueDateOf(drawdownDate, period),
      openingPrincipalFen,
      principalFen: partFen,
      interestFen,
      paymentFen: assertFen(partFen + interestFen),
      closingPrincipalFen: openingPrincipalFen - partFen,
    });
    openingPrincipalFen -= partFen;
  }
  return installments;
}

/** For each method, the principal repaid in the `index`-th of `termMonths` rows given the
 *  principal still owed and the row's interest. The last row always takes what is left, so the
 *  parts sum exactly to `principalFen`. */
export function principalPartsFor(input: Pick<ScheduleInput, 'principalFen' | 'annualRateBps' | 'termMonths' | 'method'>): PrincipalPart {
  const { principalFen, annualRateBps, termMonths, method } = input;
  const isLast = (period: number) => period === termMonths;
  if (method === 'INTEREST_FIRST') {
    return (period, openingFen) => (isLast(period) ? openingFen : 0);
  }
  // Equal principal, and equal installment at 0% (where both methods coincide): the fen that do
  // not divide evenly go one each to the earliest periods, so the customer owes less sooner.
  if (method === 'EQUAL_PRINCIPAL' || annualRateBps === 0) {
    const baseFen = Math.floor(principalFen / termMonths);
    const extraPeriods = principalFen - baseFen * termMonths;
    return (period) => baseFen + (period <= extraPeriods ? 1 : 0);
  }
  // Equal installment: payment = P·r(1+r)^n / ((1+r)^n − 1), rounded half-up; each period's
  // principal is the payment less that period's rounded interest.
  const rate = monthlyRate(annualRateBps);
  const growth = rate.plus(1).pow(termMonths);
  const paymentFen = roundFen(new Dec(principalFen).times(rate).times(growth).div(growth.minus(1)), 'paymentFen');
  return (period, openingFen, interestFen) => {
    if (isLast(period)) return openingFen;
    const partFen = paymentFen - interestFen;
    // Rounding the payment drifts the balance; on a tiny amount over a long term the drift can
    // outrun the principal itself, and no honest equal-payment schedule exists.
    if (partFen < 0 || partFen >= openingFen) {
      refuse('unprocessable', 'AMOUNT_TOO_SMALL_FOR_TERM', '借款金额相对期限过小，无法生成等额本息还款计划');
    }
    return partFen;
  };
}
