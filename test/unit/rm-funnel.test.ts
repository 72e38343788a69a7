// The managers' funnel (pure): cohort counts per stage, conversion rates in basis points rounded
// half up, per product and period; money totals; the branch ranking.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  checkedPeriod,
  type CohortCustomer,
  FUNNEL_STAGES,
  formatBps,
  funnel,
  furthestStage,
  type MoneyEvent,
  moneyTotals,
  periodEnding,
  periodTimes,
  rankLeaderboard,
  rateBps,
} from '../../functions/domain/rm/funnel.js';
import type { ShareProduct } from '../../functions/domain/rm/product.js';

const LOAN: ShareProduct = { type: 'LOAN', id: 'consumer-credit' };
const ACCOUNT: ShareProduct = { type: 'ACCOUNT', id: 'open-account' };
const at = '2025-06-10T02:00:00.000Z';
const customer = (id: string, entryProduct: ShareProduct, kinds: string[]): CohortCustomer => ({
  customerId: id,
  entryProduct,
  firstTouchAt: at,
  stages: Object.fromEntries(kinds.map((k) => [k, at])),
});

describe('rates', () => {
  test('basis points, rounded half up; none of nobody', () => {
    assert.equal(rateBps(1, 3), 3_333);
    assert.equal(rateBps(2, 3), 6_667);
    assert.equal(rateBps(1, 8), 1_250);
    assert.equal(rateBps(1, 20_000), 1); // 0.5 bps rounds up
    assert.equal(rateBps(0, 5), 0);
    assert.equal(rateBps(3, 0), null);
    assert.equal(formatBps(6_667), '66.67%');
    assert.equal(formatBps(10_000), '100.00%');
    assert.equal(formatBps(5), '0.05%');
    assert.equal(formatBps(null), '—');
    assert.throws(() => rateBps(1.5, 3));
  });

  test('property: the rate is within half a basis point of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (count, base) => {
        const bps = rateBps(count, base)!;
        // |bps − 10000·count/base| ≤ 1/2, checked in integers: |2·bps·base − 20000·count| ≤ base.
        assert.ok(Math.abs(2 * bps * base - 20_000 * count) <= base, `${count}/${base} → ${bps}`);
      }),
    );
  });
});

describe('the funnel', () => {
  const openings = [
    { deviceId: 'd1', product: LOAN },
    { deviceId: 'd1', product: LOAN }, // the same device opening two links counts once
    { deviceId: 'd2', product: LOAN },
    { deviceId: 'd3', product: LOAN },
    { deviceId: 'd4', product: ACCOUNT },
  ];
  const cohort = [
    customer('c1', LOAN, ['SIGNED_UP', 'REAL_NAME_VERIFIED', 'ACCOUNT_OPENED', 'LOAN_APPLIED', 'LOAN_APPROVED', 'LOAN_DRAWN']),
    customer('c2', LOAN, ['SIGNED_UP', 'REAL_NAME_VERIFIED']),
    customer('c3', ACCOUNT, ['SIGNED_UP', 'REAL_NAME_VERIFIED', 'ACCOUNT_OPENED', 'BILL_PAID']),
  ];

  test('every stage counts, with its rate of the stage before and of all who opened', () => {
    const rows = funnel(openings, cohort, null);
    assert.deepEqual(rows.map((r) => r.stage), FUNNEL_STAGES.map((s) => s.stage));
    const by = Object.fromEntries(rows.map((r) => [r.stage, r]));
    assert.equal(by.OPENED!.count, 4);
    assert.equal(by.OPENED!.conversionBps, null);
    assert.equal(by.SIGNED_UP!.count, 3);
    assert.equal(by.SIGNED_UP!.conversionBps, 7_500);
    assert.equal(by.ACCOUNT_OPENED!.count, 2);
    assert.equal(by.ACCOUNT_OPENED!.conversionDisplay, '66.67%');
    assert.equal(by.ACCOUNT_OPENED!.ofOpenedDisplay, '50.00%');
    assert.equal(by.LOAN_DRAWN!.count, 1);
    assert.equal(by.LOAN_DRAWN!.conversionBps, 10_000);
    // Wealth and bills branch off after the account, not after the loan.
    assert.equal(by.BILL_PAID!.count, 1);
    assert.equal(by.BILL_PAID!.conversionBps, 5_000);
    assert.equal(by.WEALTH_PURCHASED!.count, 0);
    assert.equal(by.WEALTH_PURCHASED!.conversionBps, 0);
  });

  test('per product: only who came in through that product', () => {
    const rows = Object.fromEntries(funnel(openings, cohort, LOAN).map((r) => [r.stage, r.count]));
    assert.equal(rows.OPENED, 3);
    assert.equal(rows.SIGNED_UP, 2);
    assert.equal(rows.ACCOUNT_OPENED, 1);
    assert.equal(rows.BILL_PAID, 0);
    const none = funnel([], [], { type: 'WEALTH', id: 'nothing' });
    assert.ok(none.every((r) => r.count === 0 && (r.conversionBps === null || r.stage === 'OPENED')));
  });

  test('the furthest stage a customer reached', () => {
    assert.equal(furthestStage({}), 'OPENED');
    assert.equal(furthestStage(cohort[0]!.stages), 'LOAN_DRAWN');
    assert.equal(furthestStage(cohort[1]!.stages), 'REAL_NAME_VERIFIED');
    assert.equal(furthestStage(cohort[2]!.stages), 'BILL_PAID');
  });
});

describe('periods and money', () => {
  test('a period of China dates is an exact range of instants', () => {
    assert.deepEqual(periodEnding('2025-06-30', 30), { from: '2025-06-01', to: '2025-06-30' });
    assert.deepEqual(periodEnding('2025-03-01', 1), { from: '2025-03-01', to: '2025-03-01' });
    assert.deepEqual(periodTimes({ from: '2025-06-01', to: '2025-06-30' }), { start: '2025-05-31T16:00:00.000Z', end: '2025-06-30T16:00:00.000Z' });
    assert.equal(checkedPeriod('2025-06-30', '2025-06-01'), undefined);
    assert.equal(checkedPeriod('2024-01-01', '2025-01-01'), undefined, '367 days');
    assert.deepEqual(checkedPeriod('2024-01-01', '2024-12-31'), { from: '2024-01-01', to: '2024-12-31' });
    assert.throws(() => periodEnding('2025-06-30', 0));
    assert.throws(() => periodEnding('2025-02-30', 3));
  });

  test('money totals per kind, in the period (China dates), per product', () => {
    const money: MoneyEvent[] = [
      { customerId: 'c1', kind: 'LOAN_DRAWN', amountFen: 500_000, at: '2025-06-10T02:00:00.000Z', entryProduct: LOAN },
      { customerId: 'c1', kind: 'LOAN_DRAWN', amountFen: 100_000, at: '2025-05-31T15:59:59.999Z', entryProduct: LOAN }, // 23:59 on 31 May in China
      { customerId: 'c3', kind: 'BILL_PAID', amountFen: 12_345, at: '2025-05-31T16:00:00.000Z', entryProduct: ACCOUNT }, // 00:00 on 1 June in China
      { customerId: 'c3', kind: 'WEALTH_PURCHASED', amountFen: 1, at: '2025-06-30T15:00:00.000Z', entryProduct: ACCOUNT },
    ];
    const period = { from: '2025-06-01', to: '2025-06-30' };
    assert.deepEqual(moneyTotals(money, period, null), [
      { kind: 'LOAN_DRAWN', count: 1, amountFen: 500_000 },
      { kind: 'WEALTH_PURCHASED', count: 1, amountFen: 1 },
      { kind: 'BILL_PAID', count: 1, amountFen: 12_345 },
    ]);
    assert.deepEqual(moneyTotals(money, period, LOAN).map((t) => t.amountFen), [500_000, 0, 0]);
    assert.throws(() => moneyTotals([{ ...money[0]!, amountFen: 0.5 }], period, null));
  });
});

describe('the branch leaderboard', () => {
  test('accounts opened first, then money, then referred customers; equal rows share a rank', () => {
    const ranked = rankLeaderboard([
      { who: 'a', referred: 5, accountsOpened: 2, moneyFen: 0 },
      { who: 'b', referred: 1, accountsOpened: 3, moneyFen: 0 },
      { who: 'c', referred: 5, accountsOpened: 2, moneyFen: 100 },
      { who: 'd', referred: 5, accountsOpened: 2, moneyFen: 0 },
      { who: 'e', referred: 0, accountsOpened: 0, moneyFen: 0 },
    ]);
    assert.deepEqual(ranked.map((r) => [r.who, r.rank]), [['b', 1], ['c', 2], ['a', 3], ['d', 3], ['e', 5]]);
  });
});
