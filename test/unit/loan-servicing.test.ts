// A drawn loan over its life: repayment allocation, overdue and penalty interest, early payoff,
// relief deferral. Most cases use one loan: 12,000 yuan, 12 months, 7.2%, equal installment,
// drawn 2025-01-31, consumer product (penalty markup 50%, cooling-off 7 days), whose schedule
// loan-schedule.test.ts works out by hand:
//   row 1 due 2025-02-28: principal  96,743 + interest 7,200 = 103,943
//   row 2 due 2025-03-31: principal  97,323 + interest 6,620 = 103,943
//   row 3 due 2025-04-30: principal  97,907 + interest 6,036 = 103,943 (opening 1,005,934)
//   …
//   row 12 due 2026-01-31: principal 103,322 + interest 620 = 103,942
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Refusal } from '../../functions/domain/errors.js';
import { scheduleAnnualizedRate } from '../../functions/domain/loan/apr.js';
import { addDays, addMonthsClamped, daysBetween } from '../../functions/domain/loan/dates.js';
import { applyDeferral, planDeferral } from '../../functions/domain/loan/deferral.js';
import {
  accruePenalty,
  dailyPenaltyFen,
  daysPastDue,
  dpdBucket,
  overdueStatus,
  penaltyAnnualRateBps,
} from '../../functions/domain/loan/overdue.js';
import { PAYOFF_QUOTE_TTL_MINUTES, payOff, quotePayoff } from '../../functions/domain/loan/payoff.js';
import { applyPrepayment, planPrepayment } from '../../functions/domain/loan/prepayment.js';
import { CONSUMER_CREDIT_PRODUCT, REPAYMENT_METHODS } from '../../functions/domain/loan/product.js';
import { allocateRepayment, amountPayableFen, applyAllocation } from '../../functions/domain/loan/repayment.js';
import { buildSchedule, type ScheduleInput } from '../../functions/domain/loan/schedule.js';
import { isPaidOff, isSettled, type LoanState, openLoan, outstandingPrincipalFen, unpaidOf } from '../../functions/domain/loan/state.js';

const terms: ScheduleInput = { principalFen: 1_200_000, annualRateBps: 720, termMonths: 12, method: 'EQUAL_INSTALLMENT', drawdownDate: '2025-01-31' };
const newLoan = (input: ScheduleInput = terms) => openLoan(buildSchedule(input), CONSUMER_CREDIT_PRODUCT);

/** Repays `amountFen` on `today` the way the service will: accrue penalty first, then allocate. */
function repay(loan: LoanState, amountFen: number, today: string): LoanState {
  const accrued = accruePenalty(loan, today);
  return { ...accrued, installments: applyAllocation(accrued.installments, allocateRepayment(accrued.installments, amountFen, today)) };
}

/** Pays rows 1..periods in full on their due dates. */
function payOnTime(loan: LoanState, periods: number): LoanState {
  let state = loan;
  // A 0% interest-first row owes nothing and needs no payment.
  for (const row of loan.installments.slice(0, periods)) if (row.paymentFen > 0) state = repay(state, row.paymentFen, row.dueDate);
  return state;
}

/** A row paid ahead of its due date, as the rules before prepayments allowed (interest first, then
 *  principal): loans repaid then still carry such rows. */
function paidAheadUnderOldRules(loan: LoanState, period: number, amountFen: number): LoanState {
  return {
    ...loan,
    installments: loan.installments.map((row) => {
      if (row.period !== period) return row;
      const interestPaidFen = Math.min(row.interestFen, amountFen);
      return { ...row, interestPaidFen, principalPaidFen: amountFen - interestPaidFen };
    }),
  };
}

const refusedWith = (code: string, kind?: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal, String(error));
  assert.equal(error.code, code);
  if (kind) assert.equal(error.kind, kind);
  assert.match(error.userMessage, /[\u4e00-\u9fff]/);
  return true;
};

describe('repayment allocation', () => {
  // On 2025-04-10 rows 1 and 2 are overdue. Penalty = principal × 7.2% × 1.5 / 360 = 0.03% a day:
  //   row 1: 96,743 × 0.0003 = 29.02 → 29 fen a day × 41 days (Feb 28 → Apr 10) = 1,189
  //   row 2: 97,323 × 0.0003 = 29.20 → 29 fen a day × 10 days (Mar 31 → Apr 10) =   290
  const overdue = accruePenalty(newLoan(), '2025-04-10');

  test('penalty, then interest, then principal, oldest row first', () => {
    assert.deepEqual(overdue.installments.slice(0, 3).map((row) => row.penaltyFen), [1_189, 290, 0]);
    // 110,000: row 1 takes 1,189 + 7,200 + 96,743 = 105,132; the 4,868 left pays row 2's
    // penalty 290 and 4,578 of its 6,620 interest; none of its principal.
    const allocation = allocateRepayment(overdue.installments, 110_000, '2025-04-10');
    assert.deepEqual(allocation.lines, [
      { period: 1, penaltyFen: 1_189, interestFen: 7_200, principalFen: 96_743 },
      { period: 2, penaltyFen: 290, interestFen: 4_578, principalFen: 0 },
    ]);
    assert.deepEqual(
      [allocation.penaltyFen, allocation.interestFen, allocation.principalFen, allocation.allocatedFen, allocation.remainderFen],
      [1_479, 11_778, 96_743, 110_000, 0],
    );
    const after = applyAllocation(overdue.installments, allocation);
    assert.ok(isSettled(after[0]!));
    assert.deepEqual(unpaidOf(after[1]!), { penaltyFen: 0, interestFen: 2_042, principalFen: 97_323 });
    // Curing row 1 moves days past due to row 2's due date: 41 → 10.
    assert.equal(daysPastDue(overdue.installments, '2025-04-10'), 41);
    assert.equal(daysPastDue(after, '2025-04-10'), 10);
  });

  test('never more than is due: the due rows, not the current one (paying it early is a prepayment); the rest comes back', () => {
    // 105,132 (row 1) + 104,233 (row 2: 290 + 6,620 + 97,323) = 209,365; row 3 is due Apr 30.
    assert.equal(amountPayableFen(overdue.installments, '2025-04-10'), 209_365);
    const allocation = allocateRepayment(overdue.installments, 400_000, '2025-04-10');
    assert.deepEqual(allocation.lines.map((line) => line.period), [1, 2]);
    assert.equal(allocation.allocatedFen, 209_365);
    assert.equal(allocation.remainderFen, 190_635);
  });

  test('before the first due date nothing is payable; on it, exactly the first row', () => {
    const loan = newLoan();
    assert.equal(amountPayableFen(loan.installments, '2025-02-10'), 0);
    assert.equal(allocateRepayment(loan.installments, 200_000, '2025-02-10').remainderFen, 200_000);
    assert.equal(amountPayableFen(loan.installments, '2025-02-28'), 103_943);
  });

  test('refuses non-positive or fractional amounts, and booking an allocation twice', () => {
    for (const bad of [0, -1, 1.5]) assert.throws(() => allocateRepayment(overdue.installments, bad, '2025-04-10'));
    const allocation = allocateRepayment(overdue.installments, 105_132, '2025-04-10');
    const once = applyAllocation(overdue.installments, allocation);
    assert.throws(() => applyAllocation(once, allocation), /overpays/);
  });

  test('property: splits never exceed what each row owes, follow the order, and add up', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }),
        (method, dayOffset, payments) => {
          const today = addDays('2025-02-01', dayOffset);
          let state = accruePenalty(newLoan({ ...terms, method }), today);
          for (const amountFen of payments) {
            const before = state.installments;
            const allocation = allocateRepayment(before, amountFen, today);
            assert.equal(allocation.allocatedFen + allocation.remainderFen, amountFen);
            assert.ok(allocation.allocatedFen <= amountPayableFen(before, today));
            let earlierLeftOwing = false;
            for (const line of allocation.lines) {
              const row = before.find((candidate) => candidate.period === line.period)!;
              const owed = unpaidOf(row);
              assert.ok(line.penaltyFen <= owed.penaltyFen && line.interestFen <= owed.interestFen && line.principalFen <= owed.principalFen);
              if (line.interestFen > 0) assert.equal(line.penaltyFen, owed.penaltyFen);
              if (line.principalFen > 0) assert.equal(line.interestFen, owed.interestFen);
              assert.ok(!earlierLeftOwing, 'a later row was paid while an earlier one still owed');
              earlierLeftOwing = line.penaltyFen + line.interestFen + line.principalFen < owed.penaltyFen + owed.interestFen + owed.principalFen;
            }
            state = { ...state, installments: applyAllocation(before, allocation) };
            for (const row of state.installments) {
              const owed = unpaidOf(row);
              assert.ok(owed.penaltyFen >= 0 && owed.interestFen >= 0 && owed.principalFen >= 0);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('overdue', () => {
  test('buckets at their boundaries', () => {
    const cases: [number, string][] = [[0, 'CURRENT'], [1, 'DPD_1_30'], [30, 'DPD_1_30'], [31, 'DPD_31_60'], [60, 'DPD_31_60'], [61, 'DPD_61_90'], [90, 'DPD_61_90'], [91, 'DPD_90_PLUS'], [4000, 'DPD_90_PLUS']];
    for (const [days, bucket] of cases) assert.equal(dpdBucket(days), bucket, String(days));
    assert.throws(() => dpdBucket(-1));
    assert.throws(() => dpdBucket(1.5));
  });

  test('a row due on D is on time through D and 1 day past due on D+1', () => {
    const loan = newLoan();
    assert.equal(daysPastDue(loan.installments, '2025-02-28'), 0);
    assert.equal(daysPastDue(loan.installments, '2025-03-01'), 1);
    assert.equal(daysPastDue(loan.installments, '2025-03-30'), 30);
    assert.equal(daysPastDue(payOnTime(loan, 1).installments, '2025-03-30'), 0);
  });

  test('daily penalty: 10,000 yuan × 7.2% × 1.5 / 360 = 3.00 yuan, rounded half-up to the fen', () => {
    assert.equal(dailyPenaltyFen(1_000_000, 720, 50), 300);
    assert.equal(dailyPenaltyFen(5_000, 720, 50), 2); // 5,000 × 0.0003 = 1.5 → 2
    assert.equal(dailyPenaltyFen(4_999, 720, 50), 1); // 1.4997 → 1
    assert.equal(dailyPenaltyFen(0, 720, 50), 0);
    // A tie behind a rate that does not terminate: 11% × 1.5 = 16.5% / 360 = 0.045833…% a day;
    // 12,000 × 1,650 / 3,600,000 = 5.5 exactly → 6 (dividing the rate first gives 5.4999… → 5).
    assert.equal(dailyPenaltyFen(12_000, 1100, 50), 6);
  });

  test('the penalty rate is contract × (1 + markup), never above 24%', () => {
    assert.equal(penaltyAnnualRateBps(720, 50).toString(), '1080');
    assert.equal(penaltyAnnualRateBps(725, 30).toString(), '942.5');
    assert.equal(penaltyAnnualRateBps(2000, 50).toString(), '2400');
    // 24% / 360 on 10,000 yuan: 6.67 yuan a day, not the 8.33 that 30% would give.
    assert.equal(dailyPenaltyFen(1_000_000, 2000, 50), 667);
  });

  test('day close is idempotent, and catching up equals running every day', () => {
    const loan = newLoan();
    const once = accruePenalty(loan, '2025-04-10');
    assert.deepEqual(accruePenalty(once, '2025-04-10'), once);
    let daily = loan;
    for (let date = '2025-02-01'; date <= '2025-04-10'; date = addDays(date, 1)) daily = accruePenalty(daily, date);
    assert.deepEqual(daily, once);
    assert.equal(accruePenalty(loan, '2025-02-28').installments[0]!.penaltyFen, 0);
    assert.equal(accruePenalty(loan, '2025-03-01').installments[0]!.penaltyFen, 29);
    assert.throws(() => accruePenalty(once, '2025-04-09'), /already accrued/);
  });

  test('the overdue summary', () => {
    const status = overdueStatus(accruePenalty(newLoan(), '2025-04-10'), '2025-04-10');
    assert.deepEqual(status, {
      daysPastDue: 41,
      bucket: 'DPD_31_60',
      oldestUnpaidDueDate: '2025-02-28',
      overduePrincipalFen: 194_066, // 96,743 + 97,323
      overdueInterestFen: 13_820, // 7,200 + 6,620
      unpaidPenaltyFen: 1_479, // 1,189 + 290
      overdueTotalFen: 209_365,
    });
  });
});

describe('early payoff', () => {
  const now = new Date('2025-03-15T02:00:00Z');

  test('mid-period: principal outstanding + interest accrued at annual/360 a day', () => {
    // Row 1 paid. On Mar 15, 15 days into row 2's period (from Feb 28):
    // 1,103,257 × 7.2% / 360 × 15 = 1,103,257 × 0.003 = 3,309.77 → 3,310.
    const quote = quotePayoff(payOnTime(newLoan(), 1), '2025-03-15', now);
    assert.deepEqual(
      [quote.principalFen, quote.interestFen, quote.penaltyFen, quote.totalFen, quote.accruedInterestDays, quote.coolingOff],
      [1_103_257, 3_310, 0, 1_106_567, 15, false],
    );
    assert.equal(quote.validUntil, '2025-03-15T02:10:00.000Z');
    assert.equal(PAYOFF_QUOTE_TTL_MINUTES, 10);
  });

  test('an accrual that lands on half a fen rounds up', () => {
    // 1,200 yuan at 12.55%, 15 days: 120,000 × 1,255 × 15 / 3,600,000 = 627.5 → 628.
    const loan = newLoan({ ...terms, principalFen: 120_000, annualRateBps: 1255 });
    assert.equal(quotePayoff(loan, '2025-02-15', now).interestFen, 628);
  });

  test('within the cooling-off days the interest is waived; the day after it is not', () => {
    const loan = newLoan();
    const day7 = quotePayoff(loan, '2025-02-07', now);
    assert.deepEqual([day7.totalFen, day7.interestFen, day7.coolingOff], [1_200_000, 0, true]);
    // 8 days: 1,200,000 × 0.0002 × 8 = 1,920.
    const day8 = quotePayoff(loan, '2025-02-08', now);
    assert.deepEqual([day8.totalFen, day8.interestFen, day8.coolingOff], [1_201_920, 1_920, false]);
  });

  test('an overdue loan: everything due with penalty to today, plus the current period accrued', () => {
    // Rows 1–2 as in the allocation case: principal 194,066, interest 13,820, penalty 1,479.
    // Row 3's period began Mar 31: 1,005,934 × 0.0002 × 10 days = 2,011.87 → 2,012.
    const quote = quotePayoff(newLoan(), '2025-04-10', now);
    assert.deepEqual([quote.principalFen, quote.interestFen, quote.penaltyFen, quote.totalFen], [1_200_000, 15_832, 1_479, 1_217_311]);
  });

  test('no interest for a period that has not begun', () => {
    // Row 2 paid ahead (as the old rules allowed) on Mar 5; on Mar 10 row 3's period (from Mar 31) has not started.
    const loan = paidAheadUnderOldRules(payOnTime(newLoan(), 1), 2, 103_943);
    const quote = quotePayoff(loan, '2025-03-10', now);
    assert.deepEqual([quote.principalFen, quote.interestFen, quote.totalFen, quote.accruedInterestDays], [1_005_934, 0, 1_005_934, 0]);
  });

  test('commit settles every row at the quoted amounts', () => {
    const loan = payOnTime(newLoan(), 1);
    const quote = quotePayoff(loan, '2025-03-15', now);
    const paidOff = payOff(loan, quote, '2025-03-15', new Date(now.getTime() + 9 * 60_000));
    assert.ok(isPaidOff(paidOff));
    assert.deepEqual([paidOff.installments[1]!.interestFen, paidOff.installments[1]!.paymentFen], [3_310, 100_633]);
    assert.ok(paidOff.installments.slice(2).every((row) => row.interestFen === 0 && row.paymentFen === row.principalFen));
    assert.equal(outstandingPrincipalFen(paidOff.installments), 0);
    assert.throws(() => quotePayoff(paidOff, '2025-03-15', now), refusedWith('LOAN_PAID_OFF'));
  });

  test('interest paid ahead on a row a deferral moved stays on the record', () => {
    // Row 1 paid; 5,000 paid ahead on row 2's interest on Mar 5; a 1-month deferral on Mar 10
    // inserts an interest-only row 2 (due Mar 31) and moves the old row 2, with its 5,000, to 3.
    const prepaid = paidAheadUnderOldRules(payOnTime(newLoan(), 1), 2, 5_000);
    const deferred = applyDeferral(prepaid, planDeferral(prepaid, { months: 1, today: '2025-03-10' }), '2025-03-10');
    assert.equal(deferred.installments[2]!.interestPaidFen, 5_000);
    // Payoff on Mar 15: 15 days on 1,103,257 = 3,310, nothing more for the moved row.
    const quote = quotePayoff(deferred, '2025-03-15', now);
    assert.deepEqual([quote.principalFen, quote.interestFen, quote.totalFen], [1_103_257, 3_310, 1_106_567]);
    const paidOff = payOff(deferred, quote, '2025-03-15', now);
    const interestPaidFen = paidOff.installments.reduce((sum, row) => sum + row.interestPaidFen, 0);
    assert.equal(interestPaidFen, 7_200 + 5_000 + 3_310);
  });

  test('an expired quote, a quote for another day, or a loan changed since are refused', () => {
    const loan = payOnTime(newLoan(), 1);
    const quote = quotePayoff(loan, '2025-03-15', now);
    assert.throws(() => payOff(loan, quote, '2025-03-15', new Date(now.getTime() + 10 * 60_000 + 1)), refusedWith('PAYOFF_QUOTE_EXPIRED', 'conflict'));
    assert.throws(() => payOff(loan, quote, '2025-03-16', now), refusedWith('PAYOFF_QUOTE_EXPIRED', 'conflict'));
    const changed = applyPrepayment(loan, planPrepayment(loan, { principalFen: 100, adjustment: 'REDUCE_PAYMENT', today: '2025-03-15' }));
    assert.throws(() => payOff(changed, quote, '2025-03-15', now), refusedWith('PAYOFF_QUOTE_STALE', 'conflict'));
    // A quote that went through JSON (storage) still commits.
    assert.ok(isPaidOff(payOff(loan, JSON.parse(JSON.stringify(quote)), '2025-03-15', now)));
  });

  test('property: paying off never costs more than the schedule and repays exactly the principal owed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.integer({ min: 100_000, max: 20_000_000 }),
        fc.constantFrom(3, 6, 12, 24, 36),
        fc.integer({ min: 0, max: 1_100 }),
        (method, principalFen, termMonths, dayOffset) => {
          const loan = newLoan({ ...terms, method, principalFen, termMonths });
          // Any day before the last due date, so something is left to pay off.
          const today = addDays(terms.drawdownDate, dayOffset % daysBetween(terms.drawdownDate, loan.installments.at(-1)!.dueDate));
          const paid = payOnTime(loan, loan.installments.filter((row) => row.dueDate <= today).length);
          const quote = quotePayoff(paid, today, now);
          const remaining = paid.installments.filter((row) => !isSettled(row));
          assert.equal(quote.principalFen, outstandingPrincipalFen(remaining));
          const scheduledFen = remaining.reduce((sum, row) => sum + unpaidOf(row).principalFen + unpaidOf(row).interestFen, 0);
          assert.ok(quote.totalFen <= scheduledFen, `${quote.totalFen} > ${scheduledFen}`);
          assert.ok(quote.interestFen <= (remaining[0]?.interestFen ?? 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('relief deferral', () => {
  test('two months: interest-only rows at the next due dates, the rest moved two months later', () => {
    const loan = payOnTime(newLoan(), 2);
    const plan = planDeferral(loan, { months: 2, today: '2025-04-10' });
    // Principal not yet due: 1,005,934; one month's interest 1,005,934 × 0.006 = 6,035.60 → 6,036.
    assert.deepEqual(
      plan.installments.slice(2, 4).map((row) => [row.period, row.dueDate, row.principalFen, row.interestFen, row.paymentFen, row.openingPrincipalFen]),
      [
        [3, '2025-04-30', 0, 6_036, 6_036, 1_005_934],
        [4, '2025-05-31', 0, 6_036, 6_036, 1_005_934],
      ],
    );
    // Old rows 3..12 become 5..14, same amounts, due from the drawdown date + period months.
    const old = loan.installments.slice(2);
    const moved = plan.installments.slice(4);
    assert.deepEqual(moved.map((row) => row.period), old.map((row) => row.period + 2));
    assert.deepEqual(moved.map((row) => row.paymentFen), old.map((row) => row.paymentFen));
    assert.deepEqual(moved.map((row) => row.dueDate).slice(0, 3), ['2025-06-30', '2025-07-31', '2025-08-31']);
    assert.equal(plan.newMaturityDate, '2026-03-31');
    assert.deepEqual(plan.installments.slice(0, 2), loan.installments.slice(0, 2));
    // Interest 47,315 + 2 × 6,036 = 59,387; principal unchanged; the rate stays 7.20% because
    // the extra interest is exactly the contract rate on the balance.
    assert.equal(plan.addedInterestFen, 12_072);
    assert.deepEqual(plan.totals, { principalFen: 1_200_000, interestFen: 59_387, paymentFen: 1_259_387 });
    assert.deepEqual([plan.annualizedRateBps, plan.annualizedRateDisplay], [720, '7.20%']);

    const deferred = applyDeferral(loan, plan, '2025-04-10');
    assert.equal(deferred.deferralsUsed, 1);
    assert.deepEqual(deferred.installments, plan.installments);
  });

  test('only once per loan', () => {
    const loan = payOnTime(newLoan(), 2);
    const deferred = applyDeferral(loan, planDeferral(loan, { months: 1, today: '2025-04-10' }), '2025-04-10');
    assert.throws(() => planDeferral(deferred, { months: 1, today: '2025-04-11' }), refusedWith('DEFERRAL_LIMIT_REACHED', 'unprocessable'));
  });

  test('1 to 3 whole months', () => {
    const loan = payOnTime(newLoan(), 2);
    for (const months of [0, 4, 1.5, -1]) {
      assert.throws(() => planDeferral(loan, { months, today: '2025-04-10' }), refusedWith('DEFERRAL_MONTHS_INVALID', 'invalid'));
    }
    assert.equal(planDeferral(loan, { months: 3, today: '2025-04-10' }).installments.length, 15);
  });

  test('up to 30 days past due it is allowed and the arrears stay due; at 31 it is refused', () => {
    const loan = newLoan();
    // Row 1 (due Feb 28) unpaid: Mar 30 is 30 days past due, Mar 31 is 31.
    assert.throws(() => planDeferral(loan, { months: 1, today: '2025-03-31' }), refusedWith('DEFERRAL_TOO_FAR_OVERDUE'));
    const plan = planDeferral(loan, { months: 1, today: '2025-03-30' });
    assert.deepEqual(plan.installments[0], loan.installments[0]);
    assert.equal(daysPastDue(plan.installments, '2025-03-30'), 30);
    assert.deepEqual(plan.installments[1]!.dueDate, '2025-03-31');
    assert.equal(plan.installments[1]!.principalFen, 0);
  });

  test('refused on a paid-off loan and when nothing is left to fall due', () => {
    const loan = newLoan();
    const paidOff = payOff(loan, quotePayoff(loan, '2025-02-10', new Date('2025-02-10T00:00:00Z')), '2025-02-10', new Date('2025-02-10T00:00:00Z'));
    assert.throws(() => planDeferral(paidOff, { months: 1, today: '2025-02-11' }), refusedWith('LOAN_PAID_OFF'));
    const lastOverdue = payOnTime(loan, 11);
    assert.throws(() => planDeferral(lastOverdue, { months: 1, today: '2026-02-10' }), refusedWith('DEFERRAL_NOTHING_TO_DEFER'));
  });

  test('confirming a plan after the loan changed is refused', () => {
    const loan = payOnTime(newLoan(), 2);
    const plan = planDeferral(loan, { months: 2, today: '2025-04-10' });
    // 50,000 of principal prepaid: less principal, less interest.
    const changed = applyPrepayment(loan, planPrepayment(loan, { principalFen: 50_000, adjustment: 'REDUCE_PAYMENT', today: '2025-04-10' }));
    assert.throws(() => applyDeferral(changed, plan, '2025-04-10'), refusedWith('DEFERRAL_PLAN_STALE', 'conflict'));
  });

  test('property: principal preserved, due dates from the drawdown, rate within 1 bp, arrears untouched', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.integer({ min: 100_000, max: 20_000_000 }),
        fc.integer({ min: 0, max: 2400 }),
        fc.integer({ min: 2, max: 36 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 35 }),
        (method, principalFen, annualRateBps, termMonths, months, paidPeriods) => {
          const drawdownDate = '2024-01-31';
          const loan = newLoan({ principalFen, annualRateBps, termMonths, method, drawdownDate });
          const paid = Math.min(paidPeriods, termMonths - 1);
          const today = addDays(loan.installments[Math.max(0, paid - 1)]!.dueDate, paid === 0 ? 0 : 1);
          const before = payOnTime(loan, paid);
          const plan = planDeferral(before, { months, today });
          assert.equal(plan.installments.length, termMonths + months);
          assert.equal(plan.totals.principalFen, principalFen);
          assert.equal(plan.totals.interestFen, buildSchedule({ principalFen, annualRateBps, termMonths, method, drawdownDate }).totals.interestFen + plan.addedInterestFen);
          plan.installments.forEach((row, index) => {
            assert.equal(row.period, index + 1);
            assert.equal(row.dueDate, addMonthsClamped(drawdownDate, index + 1));
          });
          assert.ok(Math.abs(plan.annualizedRateBps - annualRateBps) <= 1, `${plan.annualizedRateBps} vs ${annualRateBps}`);
          assert.equal(plan.annualizedRateBps, scheduleAnnualizedRate({ principalFen, installments: plan.installments }).annualizedRateBps);
          assert.equal(daysPastDue(plan.installments, today), daysPastDue(before.installments, today));
        },
      ),
      { numRuns: 200 },
    );
  });
});
