// Units, NAVs and income in integers: worked examples, then properties over random orders and
// days — Σ cash in = Σ value of the units + Σ booked residuals, exactly; nothing below a fen is
// lost from money-market income, whatever the days and yields.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { accrueIncome, confirmOrder, formatIncomePer10k, formatNav, formatUnits, INCOME_DENOMINATOR, valueFen } from '../../functions/domain/wealth/units.js';

describe('worked examples', () => {
  test('¥1,000 at NAV 1.0234: 977.13 units worth ¥999.99, 1 fen refunded', () => {
    // 100,000 × 10,000 / 10,234 = 97,713.5… → 97,713 unitsCenti; × 10,234 / 10,000 = 99,999.50… → 99,999 fen.
    assert.deepEqual(confirmOrder(100_000, 10_234), { unitsCenti: 97_713, valueFen: 99_999, residualFen: 1 });
    assert.equal(formatUnits(97_713), '977.13');
  });

  test('¥0.01 at NAV 1.0000 buys 0.01 units; at NAV 1.2345 it buys none (the order fails, refunded)', () => {
    assert.deepEqual(confirmOrder(1, 10_000), { unitsCenti: 1, valueFen: 1, residualFen: 0 });
    assert.deepEqual(confirmOrder(1, 12_345), { unitsCenti: 0, valueFen: 0, residualFen: 1 });
  });

  test('money-market income: 10,000 units at 万份收益 0.4321 yuan earn 43 fen, 0.21 fen carried', () => {
    // 1,000,000 unitsCenti × 4,321 / 10^8 = 43.21 fen.
    assert.deepEqual(accrueIncome(1_000_000, 4_321, 0), { paidFen: 43, carry: 21_000_000 });
    // Five days of the same: 216.05 fen → 216 paid in total, 0.05 fen carried.
    let carry = 0;
    let paid = 0;
    for (let day = 0; day < 5; day++) {
      const accrual = accrueIncome(1_000_000, 4_321, carry);
      paid += accrual.paidFen;
      carry = accrual.carry;
    }
    assert.equal(paid, 216);
    assert.equal(carry, 5_000_000);
  });

  test('display texts are built from integers', () => {
    assert.equal(formatNav(10_234), '1.0234');
    assert.equal(formatNav(10_000), '1.0000');
    assert.equal(formatUnits(123_456_789), '1,234,567.89');
    assert.equal(formatIncomePer10k(4_321), '0.4321');
    assert.equal(valueFen(97_713, 10_234), 99_999);
  });

  test('out-of-range inputs are refused, not rounded', () => {
    assert.throws(() => confirmOrder(0, 10_000));
    assert.throws(() => confirmOrder(1.5, 10_000));
    assert.throws(() => confirmOrder(100, 0));
    assert.throws(() => valueFen(-1, 10_000));
    assert.throws(() => accrueIncome(100, 4_000, INCOME_DENOMINATOR));
  });
});

describe('properties', () => {
  const nav = fc.integer({ min: 1, max: 10_000_000 });
  const amount = fc.integer({ min: 1, max: 100_000_000 });

  test('Σ cash in = Σ valueFen + Σ residuals, exactly; each residual is under one unit-centi’s worth plus a fen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, nav), { minLength: 1, maxLength: 50 }), (orders) => {
        let cashIn = 0;
        let values = 0;
        let residuals = 0;
        for (const [amountFen, navCentiFen] of orders) {
          const c = confirmOrder(amountFen, navCentiFen);
          cashIn += amountFen;
          values += c.valueFen;
          residuals += c.residualFen;
          assert.ok(c.residualFen >= 0 && c.residualFen <= Math.ceil(navCentiFen / 10_000));
          assert.equal(c.valueFen, valueFen(c.unitsCenti, navCentiFen));
          // One more unit-centi would cost more than was paid.
          assert.ok((c.unitsCenti + 1) * navCentiFen > amountFen * 10_000);
        }
        assert.equal(cashIn, values + residuals);
      }),
      { numRuns: 500 },
    );
  });

  test('redeeming units in parts never pays more than redeeming them at once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 20 }), nav, (parts, navCentiFen) => {
        const whole = valueFen(parts.reduce((a, b) => a + b, 0), navCentiFen);
        const split = parts.reduce((sum, units) => sum + valueFen(units, navCentiFen), 0);
        assert.ok(split <= whole && whole - split < parts.length);
      }),
      { numRuns: 500 },
    );
  });

  test('income over any run of days: paid + carry/10^8 = the exact sum, so no sub-fen is ever lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 400 }),
        (unitsCenti, incomes) => {
          let carry = 0;
          let paid = 0n;
          let exactNumerator = 0n;
          for (const income of incomes) {
            const accrual = accrueIncome(unitsCenti, income, carry);
            paid += BigInt(accrual.paidFen);
            carry = accrual.carry;
            exactNumerator += BigInt(unitsCenti) * BigInt(income);
            assert.ok(carry >= 0 && carry < INCOME_DENOMINATOR);
          }
          assert.equal(paid * BigInt(INCOME_DENOMINATOR) + BigInt(carry), exactNumerator);
          assert.equal(paid, exactNumerator / BigInt(INCOME_DENOMINATOR));
        },
      ),
      { numRuns: 300 },
    );
  });
});
