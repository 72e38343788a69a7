// The one interest rule on every repayment path (domain/loan/prepayment.ts, repayment.ts,
// payoff.ts), worked to the fen for each repayment method. All loans: 12,000 yuan, 12 months,
// 7.2% a year, so a day of interest on the ACT/360 basis is exactly 0.02% of the principal, and a
// month (annual/12) 0.6%. Cooling-off: 7 days (consumer product).
//   Drawn 2025-04-15: period 1 runs Apr 15 → May 15, 30 days.
//   Drawn 2025-01-15: period 2 runs Feb 15 → Mar 15, 28 days (February).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Refusal } from '../../functions/domain/errors.js';
import { scheduleAnnualizedRate } from '../../functions/domain/loan/apr.js';
import { DAY_COUNT_BASIS } from '../../functions/domain/loan/day-count.js';
import { addDays, daysBetween } from '../../functions/domain/loan/dates.js';
import { accruePenalty } from '../../functions/domain/loan/overdue.js';
import { quotePayoff } from '../../functions/domain/loan/payoff.js';
import { applyPrepayment, earlyRepaymentInterest, planPrepayment } from '../../functions/domain/loan/prepayment.js';
import { CONSUMER_CREDIT_PRODUCT, type PrepaymentAdjustment, type RepaymentMethod, REPAYMENT_METHODS } from '../../functions/domain/loan/product.js';
import { allocateRepayment, amountPayableFen, applyAllocation } from '../../functions/domain/loan/repayment.js';
import { buildSchedule } from '../../functions/domain/loan/schedule.js';
import { isSettled, type LoanState, openLoan, outstandingPrincipalFen } from '../../functions/domain/loan/state.js';

const now = new Date('2025-05-05T02:00:00Z');
const loanOf = (method: RepaymentMethod, drawdownDate: string, principalFen = 1_200_000, termMonths = 12) =>
  openLoan(buildSchedule({ principalFen, annualRateBps: 720, termMonths, method, drawdownDate }), CONSUMER_CREDIT_PRODUCT);

/** Pays everything due on `today`, as a repayment without an amount does. */
function payDue(loan: LoanState, today: string): { state: LoanState; paidFen: number; interestFen: number } {
  const accrued = accruePenalty(loan, today);
  const paidFen = amountPayableFen(accrued.installments, today);
  const allocation = allocateRepayment(accrued.installments, paidFen, today);
  return { state: { ...accrued, installments: applyAllocation(accrued.installments, allocation) }, paidFen, interestFen: allocation.interestFen };
}

const prepay = (loan: LoanState, principalFen: number, adjustment: PrepaymentAdjustment, today: string) => {
  const plan = planPrepayment(loan, { principalFen, adjustment, today });
  return { plan, state: applyPrepayment(loan, plan) };
};

const refusedWith = (code: string, kind: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal, String(error));
  assert.deepEqual([error.code, error.kind], [code, kind]);
  assert.match(error.userMessage, /[\u4e00-\u9fff]/);
  return true;
};

test('one day-count basis: ACT/360', () => {
  assert.deepEqual(DAY_COUNT_BASIS, { name: 'ACT/360', daysPerYear: 360 });
});

describe('an installment paid on its due date follows the contract schedule exactly', () => {
  // The scheduled figures (schedule.ts: annual/12 whatever the month's length).
  const contract: Record<RepaymentMethod, { drawn: string; rows: [string, number, number][] }> = {
    // 30-day period 1 (Apr 15 → May 15), then a 31-day one.
    EQUAL_INSTALLMENT: { drawn: '2025-04-15', rows: [['2025-05-15', 96_743, 7_200], ['2025-06-15', 97_323, 6_620]] },
    // 31-day period 1, then the 28-day February period 2 (Feb 15 → Mar 15): still 0.6% of 1,100,000.
    EQUAL_PRINCIPAL: { drawn: '2025-01-15', rows: [['2025-02-15', 100_000, 7_200], ['2025-03-15', 100_000, 6_600]] },
    INTEREST_FIRST: { drawn: '2025-01-15', rows: [['2025-02-15', 0, 7_200], ['2025-03-15', 0, 7_200]] },
  };
  for (const method of REPAYMENT_METHODS) {
    test(`${method}: the first rows to the fen, and every row on time pays exactly the schedule`, () => {
      const loan = loanOf(method, contract[method].drawn);
      assert.deepEqual(loan.installments.slice(0, 2).map((row) => [row.dueDate, row.principalFen, row.interestFen]), contract[method].rows);
      let state = loan;
      for (const row of loan.installments) {
        // The day before, nothing is payable: money paid then would be a prepayment.
        assert.equal(amountPayableFen(accruePenalty(state, addDays(row.dueDate, -1)).installments, addDays(row.dueDate, -1)), 0);
        const paid = payDue(state, row.dueDate);
        assert.deepEqual([paid.paidFen, paid.interestFen], [row.paymentFen, row.interestFen], `period ${row.period}`);
        state = paid.state;
      }
      assert.ok(state.installments.every(isSettled));
      // The schedule, and so its annualized rate frozen at drawdown, is the contract's.
      assert.deepEqual(state.installments.map((row) => [row.dueDate, row.principalFen, row.interestFen]), loan.installments.map((row) => [row.dueDate, row.principalFen, row.interestFen]));
      assert.equal(scheduleAnnualizedRate({ principalFen: 1_200_000, installments: state.installments }).annualizedRateBps, scheduleAnnualizedRate({ principalFen: 1_200_000, installments: loan.installments }).annualizedRateBps);
    });
  }
});

describe('money paid before a due date: interest for the days elapsed, as the payoff charges it', () => {
  for (const method of REPAYMENT_METHODS) {
    test(`${method}, 30-day period: 20 days in, 3,000 yuan early costs 12.00 yuan; the payoff 4 times that`, () => {
      const loan = loanOf(method, '2025-04-15');
      // 300,000 × 0.02% × 20 days = 1,200 fen.
      const { plan } = prepay(loan, 300_000, 'REDUCE_PAYMENT', '2025-05-05');
      assert.deepEqual([plan.interestFen, plan.interestDays, plan.coolingOff, plan.totalFen], [1_200, 20, false, 301_200]);
      // The payoff the same day: 1,200,000 × 0.02% × 20 = 4,800 fen, the same rate per fen per day.
      const payoff = quotePayoff(loan, '2025-05-05', now);
      assert.deepEqual([payoff.interestFen, payoff.accruedInterestDays, payoff.totalFen], [4_800, 20, 1_204_800]);
    });
  }

  test('an early installment and a payoff of the same principal on the same day cost the same interest (30-day period)', () => {
    // Period 1's principal of the equal-installment loan, 96,743, prepaid on May 5 (20 days in) …
    const early = prepay(loanOf('EQUAL_INSTALLMENT', '2025-04-15'), 96_743, 'SHORTEN_TERM', '2025-05-05').plan;
    // … and a loan of exactly 96,743 drawn the same day, paid off the same day.
    const payoff = quotePayoff(loanOf('EQUAL_INSTALLMENT', '2025-04-15', 96_743, 1), '2025-05-05', now);
    // 96,743 × 0.0002 × 20 = 386.972 → 387 fen, both ways.
    assert.deepEqual([early.interestFen, payoff.interestFen], [387, 387]);
    assert.equal(early.interestFen, earlyRepaymentInterest(loanOf('EQUAL_INSTALLMENT', '2025-04-15'), 96_743, '2025-05-05').interestFen);
  });

  test('the same in a February period: 14 days into Feb 15 → Mar 15, 1,000 yuan costs 2.80 yuan both ways', () => {
    const paid = payDue(loanOf('EQUAL_PRINCIPAL', '2025-01-15'), '2025-02-15').state;
    // Period 2's principal, 100,000, on Mar 1: 100,000 × 0.0002 × 14 = 280.
    const early = prepay(paid, 100_000, 'REDUCE_PAYMENT', '2025-03-01').plan;
    const payoff = quotePayoff(loanOf('EQUAL_PRINCIPAL', '2025-02-15', 100_000, 1), '2025-03-01', now);
    assert.deepEqual([early.interestFen, early.interestDays, payoff.interestFen, payoff.accruedInterestDays], [280, 14, 280, 14]);
    // The day before the February due date: 27 days, 540 fen, below the month's 0.6% (600).
    assert.equal(prepay(paid, 100_000, 'REDUCE_PAYMENT', '2025-03-14').plan.interestFen, 540);
  });

  test('property: for any method, principal and day, the prepayment and a payoff of that principal charge the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REPAYMENT_METHODS), fc.integer({ min: 10_000, max: 1_000_000 }), fc.integer({ min: 0, max: 29 }), (method, principalFen, day) => {
        const today = addDays('2025-04-15', day);
        const early = prepay(loanOf(method, '2025-04-15'), principalFen, 'REDUCE_PAYMENT', today).plan;
        const payoff = quotePayoff(loanOf(method, '2025-04-15', principalFen, 1), today, now);
        assert.equal(early.interestFen, payoff.interestFen);
        // Never more than the month's scheduled interest on that principal.
        assert.ok(early.interestFen <= Math.round((principalFen * 720) / 120_000) + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('within the cooling-off period repayment is free however it is made', () => {
  for (const method of REPAYMENT_METHODS) {
    test(`${method}: on the drawdown day and on day 7 — nothing due, prepayment 0 interest, payoff 0 interest; day 8 charges`, () => {
      const loan = loanOf(method, '2025-04-15');
      for (const today of ['2025-04-15', '2025-04-22']) {
        // The installment path: nothing is payable before the due date, so nothing is charged.
        assert.equal(amountPayableFen(loan.installments, today), 0);
        const { plan } = prepay(loan, 96_743, 'REDUCE_PAYMENT', today);
        assert.deepEqual([plan.interestFen, plan.coolingOff, plan.totalFen], [0, true, 96_743]);
        const payoff = quotePayoff(loan, today, now);
        assert.deepEqual([payoff.interestFen, payoff.coolingOff, payoff.totalFen], [0, true, 1_200_000]);
      }
      // Day 8: 96,743 × 0.0002 × 8 = 154.79 → 155.
      assert.equal(prepay(loan, 96_743, 'REDUCE_PAYMENT', '2025-04-23').plan.interestFen, 155);
    });
  }
});

describe('after a prepayment: 减少月供 or 缩短期限, the new schedule and its annualized rate', () => {
  // 3,000 yuan prepaid on May 5 (period 1 of the 30-day loan): 9,000 yuan still owed.
  const cases: { method: RepaymentMethod; adjustment: PrepaymentAdjustment; periods: number; nextFen: number; lastFen: number; maturity: string; interestFen: number }[] = [
    // Same 12 periods; 900,000 at 0.6% a month over 12 months: 77,957 a month.
    { method: 'EQUAL_INSTALLMENT', adjustment: 'REDUCE_PAYMENT', periods: 12, nextFen: 77_957, lastFen: 77_958, maturity: '2026-04-15', interestFen: 35_485 },
    // Same 103,943 a month: 9 periods, the last 95,471.
    { method: 'EQUAL_INSTALLMENT', adjustment: 'SHORTEN_TERM', periods: 9, nextFen: 103_943, lastFen: 95_471, maturity: '2026-01-15', interestFen: 27_015 },
    // 75,000 of principal a month; period 1's interest 5,400.
    { method: 'EQUAL_PRINCIPAL', adjustment: 'REDUCE_PAYMENT', periods: 12, nextFen: 80_400, lastFen: 75_450, maturity: '2026-04-15', interestFen: 35_100 },
    // Still 100,000 of principal a month: 9 periods.
    { method: 'EQUAL_PRINCIPAL', adjustment: 'SHORTEN_TERM', periods: 9, nextFen: 105_400, lastFen: 100_600, maturity: '2026-01-15', interestFen: 27_000 },
    // Interest on 900,000: 5,400 a month, the principal with the last.
    { method: 'INTEREST_FIRST', adjustment: 'REDUCE_PAYMENT', periods: 12, nextFen: 5_400, lastFen: 905_400, maturity: '2026-04-15', interestFen: 64_800 },
  ];
  for (const c of cases) {
    test(`${c.method} ${c.adjustment}: ${c.periods} periods from ${c.nextFen} fen, rate computed and stored`, () => {
      const loan = loanOf(c.method, '2025-04-15');
      const { plan, state } = prepay(loan, 300_000, c.adjustment, '2025-05-05');
      const rows = state.installments;
      assert.deepEqual(
        [plan.remainingPeriods, plan.nextPaymentFen, rows.at(-1)!.paymentFen, plan.newMaturityDate, plan.totals.interestFen, plan.outstandingAfterFen],
        [c.periods, c.nextFen, c.lastFen, c.maturity, c.interestFen, 900_000],
      );
      assert.equal(outstandingPrincipalFen(rows), 900_000);
      assert.deepEqual(rows.map((row) => row.period), Array.from({ length: c.periods }, (_, i) => i + 1));
      // Its annualized rate by the IRR method: for these schedules the nominal 7.20%.
      assert.equal(plan.annualizedRateBps, scheduleAnnualizedRate({ principalFen: 900_000, installments: rows }).annualizedRateBps);
      assert.deepEqual([plan.annualizedRateBps, plan.annualizedRateDisplay], [720, '7.20%']);
      assert.deepEqual(state.prepayments, [
        { on: '2025-05-05', principalFen: 300_000, interestFen: 1_200, interestDays: 20, adjustment: c.adjustment, annualizedRateBps: 720, annualizedRateDisplay: '7.20%' },
      ]);
      // The next due date then charges the full month on what was held all month.
      assert.equal(rows[0]!.interestFen, 5_400);
    });
  }

  test('a prepayment after rows were paid keeps them and re-amortizes only what is to come (February)', () => {
    const paid = payDue(loanOf('EQUAL_PRINCIPAL', '2025-01-15'), '2025-02-15').state;
    const { state } = prepay(paid, 100_000, 'SHORTEN_TERM', '2025-03-01');
    assert.deepEqual(state.installments[0], paid.installments[0]);
    // 1,000,000 left at 100,000 a month: periods 2–11, maturity a month sooner.
    assert.deepEqual([state.installments.length, state.installments[1]!.dueDate, state.installments.at(-1)!.dueDate], [11, '2025-03-15', '2025-12-15']);
  });
});

describe('refusals', () => {
  const loan = loanOf('EQUAL_INSTALLMENT', '2025-04-15');
  test('a bad choice, all of the principal (that is the payoff), arrears first, 缩短期限 on interest-first', () => {
    assert.throws(() => planPrepayment(loan, { principalFen: 1_000, adjustment: 'SHORTER' as PrepaymentAdjustment, today: '2025-05-05' }), refusedWith('PREPAYMENT_ADJUSTMENT_INVALID', 'invalid'));
    assert.throws(() => planPrepayment(loan, { principalFen: 1_200_000, adjustment: 'REDUCE_PAYMENT', today: '2025-05-05' }), refusedWith('PREPAYMENT_COVERS_ALL', 'unprocessable'));
    assert.throws(() => planPrepayment(loan, { principalFen: 1_000, adjustment: 'REDUCE_PAYMENT', today: '2025-05-16' }), refusedWith('PREPAYMENT_ARREARS_FIRST', 'unprocessable'));
    assert.throws(() => planPrepayment(loanOf('INTEREST_FIRST', '2025-04-15'), { principalFen: 1_000, adjustment: 'SHORTEN_TERM', today: '2025-05-05' }), refusedWith('PREPAYMENT_ADJUSTMENT_NOT_OFFERED', 'unprocessable'));
  });

  test('property: any prepayment keeps the principal whole and the rows chained', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.constantFrom<PrepaymentAdjustment>('REDUCE_PAYMENT', 'SHORTEN_TERM'),
        fc.integer({ min: 1, max: 1_199_999 }),
        fc.integer({ min: 0, max: 29 }),
        (method, adjustment, principalFen, day) => {
          if (method === 'INTEREST_FIRST' && adjustment === 'SHORTEN_TERM') return;
          const today = addDays('2025-04-15', day);
          let plan;
          try {
            plan = planPrepayment(loanOf(method, '2025-04-15'), { principalFen, adjustment, today });
          } catch (error) {
            // Only an equal-installment remainder too small for its term may be refused.
            assert.ok(error instanceof Refusal && error.code === 'AMOUNT_TOO_SMALL_FOR_TERM', String(error));
            return;
          }
          assert.equal(outstandingPrincipalFen(plan.installments) + principalFen, 1_200_000);
          assert.ok(plan.remainingPeriods <= 12 && plan.remainingPeriods >= 1);
          plan.installments.forEach((row, i) => {
            assert.ok(row.principalFen >= 0 && row.interestFen >= 0);
            if (i > 0) assert.equal(row.openingPrincipalFen, plan.installments[i - 1]!.closingPrincipalFen);
          });
          assert.equal(plan.interestFen, Math.round((principalFen * 720 * daysBetween('2025-04-15', today)) / 3_600_000) * (day > 7 ? 1 : 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
