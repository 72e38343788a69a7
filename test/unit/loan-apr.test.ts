// Annualized rate by the IRR method (PBoC announcement [2021] No. 3).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { annualizedRateByIrr, scheduleAnnualizedRate } from '../../functions/domain/loan/apr.js';
import { formatRateBps } from '../../functions/domain/loan/index.js';
import { REPAYMENT_METHODS } from '../../functions/domain/loan/product.js';
import { buildSchedule } from '../../functions/domain/loan/schedule.js';

/** NPV in fen of the cash flows at a monthly rate, independent of the solver. */
const npv = (disbursedFen: number, paymentsFen: number[], monthly: number) =>
  paymentsFen.reduce((sum, paymentFen, k) => sum + paymentFen / (1 + monthly) ** (k + 1), -disbursedFen);

const loan = { principalFen: 1_200_000, annualRateBps: 720, termMonths: 12, drawdownDate: '2025-01-31' } as const;

describe('IRR annualized rate', () => {
  test('equal installment reproduces the nominal rate: 7.20%', () => {
    const rate = scheduleAnnualizedRate(buildSchedule({ ...loan, method: 'EQUAL_INSTALLMENT' }));
    assert.deepEqual(rate, { annualizedRateBps: 720, annualizedRateDisplay: '7.20%' });
  });

  test('without fees every method reproduces the nominal rate (interest is always on the balance)', () => {
    for (const method of REPAYMENT_METHODS) {
      assert.equal(scheduleAnnualizedRate(buildSchedule({ ...loan, method })).annualizedRateBps, 720, method);
    }
  });

  test('a flat monthly fee raises the annualized rate, by how much depends on the method', () => {
    // A fee of 0.6% of the original principal every month (72 yuan on 12,000) on top of 7.2%.
    // Interest first keeps the whole principal for the whole term, so the fee is exactly another
    // 0.6% a month on the balance: 7.2% + 7.2% = 14.40%. Equal principal repays as it goes, so
    // the same fee is charged on an ever smaller balance and costs far more: 20.10%.
    const fees = { monthlyFeeFen: 7_200 };
    const interestFirst = scheduleAnnualizedRate(buildSchedule({ ...loan, method: 'INTEREST_FIRST' }), fees);
    const equalPrincipal = scheduleAnnualizedRate(buildSchedule({ ...loan, method: 'EQUAL_PRINCIPAL' }), fees);
    assert.deepEqual(interestFirst, { annualizedRateBps: 1440, annualizedRateDisplay: '14.40%' });
    assert.deepEqual(equalPrincipal, { annualizedRateBps: 2010, annualizedRateDisplay: '20.10%' });
    // Cross-check 20.10% without the solver: NPV changes sign between 2009.5 and 2010.5 bps.
    const payments = buildSchedule({ ...loan, method: 'EQUAL_PRINCIPAL' }).installments.map((row) => row.paymentFen + 7_200);
    assert.ok(npv(1_200_000, payments, 0.2009_5 / 12) > 0);
    assert.ok(npv(1_200_000, payments, 0.2010_5 / 12) < 0);
  });

  test('an upfront fee is money the customer never received: 1% off 12,000 yuan at 7.2% is 9.09%', () => {
    // 11,880 yuan received, the 7.2% schedule of 12,000 repaid; NPV crosses zero at 0.7575% a month.
    const schedule = buildSchedule({ ...loan, method: 'EQUAL_INSTALLMENT' });
    const rate = scheduleAnnualizedRate(schedule, { upfrontFeeFen: 12_000 });
    assert.equal(rate.annualizedRateBps, 909);
    const payments = schedule.installments.map((row) => row.paymentFen);
    assert.ok(npv(1_188_000, payments, 0.0908_5 / 12) > 0);
    assert.ok(npv(1_188_000, payments, 0.0909_5 / 12) < 0);
  });

  test('the credit-card instalment example: a 0.6% monthly fee is about 13% a year, not 7.2%', () => {
    // 12,000 yuan in 12 instalments of 1,000 + 72 yuan fee (0.6% × 12,000), no interest: the
    // example regulators and the press use to explain why the IRR method was made mandatory.
    const rate = annualizedRateByIrr(1_200_000, Array(12).fill(107_200));
    assert.deepEqual(rate, { annualizedRateBps: 1303, annualizedRateDisplay: '13.03%' });
    assert.ok(npv(1_200_000, Array(12).fill(107_200), 0.1302_5 / 12) > 0);
    assert.ok(npv(1_200_000, Array(12).fill(107_200), 0.1303_5 / 12) < 0);
  });

  test('repaying exactly what was lent is 0.00%; repaying less, or nothing, is refused', () => {
    assert.deepEqual(annualizedRateByIrr(300, [100, 100, 100]), { annualizedRateBps: 0, annualizedRateDisplay: '0.00%' });
    assert.throws(() => annualizedRateByIrr(300, [100, 100, 99]), /do not repay/);
    assert.throws(() => annualizedRateByIrr(300, []), /payments/);
    assert.throws(() => annualizedRateByIrr(300, [400, -100]), /negative/);
    assert.throws(() => annualizedRateByIrr(300, [100.5, 300]), /safe integer/);
    assert.throws(() => annualizedRateByIrr(0, [100]), /positive/);
  });

  test('the display string is built from integers, so no float formatting misrounds it', () => {
    assert.equal(formatRateBps(5), '0.05%');
    assert.equal(formatRateBps(721), '7.21%');
    assert.equal(formatRateBps(1005), '10.05%');
    assert.equal(formatRateBps(2400), '24.00%');
    assert.equal(annualizedRateByIrr(1_000_000, [1_020_000]).annualizedRateDisplay, '24.00%');
  });

  test('property: for equal installment the IRR reproduces the nominal rate within 1 bp', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 2400 }),
        fc.integer({ min: 1, max: 60 }),
        (principalFen, annualRateBps, termMonths) => {
          const schedule = buildSchedule({ principalFen, annualRateBps, termMonths, method: 'EQUAL_INSTALLMENT', drawdownDate: '2025-05-31' });
          const { annualizedRateBps } = scheduleAnnualizedRate(schedule);
          assert.ok(Math.abs(annualizedRateBps - annualRateBps) <= 1, `${annualizedRateBps} vs ${annualRateBps}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
