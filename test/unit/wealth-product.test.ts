// Wealth products as data and the order rules: the schema's gates, purchase amounts on the
// minimum and step, the subscription window, the confirmation date, the cooling-off measured in
// hours from the order time (worked cases to the minute, China time), and how a redemption splits
// at the fast-redemption cap.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { assertCancellable, assertPurchasable, inCoolingOff, isCancellable, orderDates, splitRedemption } from '../../functions/domain/wealth/orders.js';
import { type WealthProduct, wealthProductSchema } from '../../functions/domain/wealth/product.js';
import { demoWealthProducts } from '../../scripts/lib/seed-wealth.js';

const TODAY = '2025-06-16';
/** China time (UTC+8) to the minute, as a customer reads a clock. */
const china = (minute: string) => new Date(`${minute}:00+08:00`);
const NOON = china('2025-06-16T12:00');
const products = demoWealthProducts(TODAY);
const byId = (id: string) => products.find((p) => p.productId === id)!;
const money = byId('zhaozhao-money');
const fixed = byId('jijiwen-90d');
const bank = byId('wenying-180d');
const mixed = byId('youxuan-mixed');

const refusalCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Refusal, String(error));
    return error.code;
  }
  return assert.fail('expected a refusal');
};

describe('products as data', () => {
  test('the seed: five products, R1 to R4, 0.01 yuan minimums except the bank’s 10,000 yuan product', () => {
    assert.equal(products.length, 5);
    assert.deepEqual([...new Set(products.map((p) => p.riskLevel))].sort(), ['R1', 'R2', 'R3', 'R4']);
    assert.deepEqual(products.map((p) => [p.productId, p.minPurchaseFen]), [
      ['zhaozhao-money', 1], ['jijiwen-90d', 1], ['anxin-bond', 1], ['youxuan-mixed', 1], ['wenying-180d', 1_000_000],
    ]);
    assert.equal(fixed.termDays, 90);
  });

  test('the schema refuses what a bank may not sell', () => {
    const bad = (change: Partial<WealthProduct>) => wealthProductSchema.safeParse({ ...mixed, ...change }).success;
    assert.equal(bad({}), true);
    assert.equal(bad({ offering: 'PRIVATE', coolingOffHours: 12 }), false, 'private products need ≥ 24 h cooling-off');
    assert.equal(bad({ offering: 'PRIVATE', coolingOffHours: 24 }), true);
    assert.equal(bad({ issuerType: 'BANK_PUBLIC', minPurchaseFen: 100 }), false, 'bank public products start at 10,000 yuan');
    assert.equal(bad({ minPurchaseFen: 200, maxPurchaseFen: 100 }), false);
    assert.equal(bad({ termDays: 90, maturityDate: '2025-12-01' }), false, 'only fixed-term products mature');
    assert.equal(wealthProductSchema.safeParse({ ...fixed, maturityDate: fixed.subscriptionClosesOn }).success, false);
    assert.equal(wealthProductSchema.safeParse({ ...fixed, maturityDate: null }).success, false);
    assert.equal(bad({ name: '名称\u202e' }), false, 'no invisible control characters in names');
  });
});

describe('purchase rules', () => {
  test('minimum and step: 10,000 yuan then whole 1,000 yuan steps', () => {
    assert.equal(refusalCode(() => assertPurchasable(bank, 999_999, TODAY, NOON)), 'AMOUNT_BELOW_MINIMUM');
    assert.equal(refusalCode(() => assertPurchasable(bank, 1_050_000, TODAY, NOON)), 'AMOUNT_NOT_ON_STEP');
    assert.doesNotThrow(() => assertPurchasable(bank, 1_100_000, TODAY, NOON));
    assert.equal(refusalCode(() => assertPurchasable(bank, 100_000_001, TODAY, NOON)), 'AMOUNT_ABOVE_MAXIMUM');
    assert.doesNotThrow(() => assertPurchasable(money, 1, TODAY, NOON));
  });

  test('closed products and dates outside the subscription window are refused', () => {
    assert.equal(refusalCode(() => assertPurchasable({ ...money, status: 'CLOSED' }, 100, TODAY, NOON)), 'PRODUCT_CLOSED');
    assert.equal(refusalCode(() => assertPurchasable(fixed, 100, '2025-06-15', NOON)), 'SUBSCRIPTION_NOT_OPEN');
    assert.equal(refusalCode(() => assertPurchasable(fixed, 100, '2025-07-17', NOON)), 'SUBSCRIPTION_CLOSED');
    assert.doesNotThrow(() => assertPurchasable(fixed, 100, '2025-07-16', NOON));
    // A fixed-term order must confirm before maturity, whatever the window says.
    const late = { ...fixed, subscriptionClosesOn: '2025-06-20', maturityDate: '2025-06-21' };
    assert.equal(refusalCode(() => assertPurchasable(late, 100, '2025-06-20', NOON)), 'SUBSCRIPTION_CLOSED');
  });

  test('confirmation is T+1, or as many days on as the cooling-off hours span', () => {
    assert.deepEqual(orderDates({ coolingOffHours: 0 }, TODAY, NOON), { placedOn: TODAY, confirmDate: '2025-06-17', cancellableUntil: null });
    assert.deepEqual(orderDates({ coolingOffHours: 24 }, TODAY, NOON), { placedOn: TODAY, confirmDate: '2025-06-17', cancellableUntil: '2025-06-17T04:00:00.000Z' });
    assert.deepEqual(orderDates({ coolingOffHours: 25 }, TODAY, NOON), { placedOn: TODAY, confirmDate: '2025-06-18', cancellableUntil: '2025-06-17T05:00:00.000Z' });
  });

  test('24 cooling-off hours from an order at 23:50 last until 23:50 the next day, whatever the day close does', () => {
    const placedAt = china('2025-06-16T23:50');
    const dates = orderDates({ coolingOffHours: 24 }, TODAY, placedAt);
    // 23:50 China time the next day — not the next business day's close, 15 minutes away.
    assert.equal(dates.cancellableUntil, china('2025-06-17T23:50').toISOString());
    const order = { kind: 'PURCHASE', status: 'PENDING', cancellableUntil: dates.cancellableUntil };
    assert.equal(isCancellable(order, china('2025-06-17T00:05')), true, 'after the close of the 16th');
    assert.equal(isCancellable(order, china('2025-06-17T09:00')), true, 'the next morning');
    assert.equal(isCancellable(order, china('2025-06-17T23:49')), true, 'a minute before the 24 hours are up');
    assert.equal(isCancellable(order, new Date(Date.parse(dates.cancellableUntil!) - 1)), true);
    assert.equal(isCancellable(order, new Date(Date.parse(dates.cancellableUntil!))), false, 'the end itself is too late');
    assert.equal(isCancellable(order, china('2025-06-17T23:51')), false);
    // The close of its confirmation date (the 17th) confirms it only once the period has passed:
    // run early (a business date behind the calendar, a moved clock) it leaves the order pending.
    assert.equal(dates.confirmDate, '2025-06-17');
    assert.equal(inCoolingOff(order, china('2025-06-17T08:00')), true);
    assert.equal(inCoolingOff(order, china('2025-06-18T00:05')), false);
  });

  test('48 hours from 00:10 end at 00:10 two days on; the confirmation date is the second day', () => {
    const dates = orderDates({ coolingOffHours: 48 }, TODAY, china('2025-06-16T00:10'));
    assert.deepEqual(dates, { placedOn: TODAY, confirmDate: '2025-06-18', cancellableUntil: china('2025-06-18T00:10').toISOString() });
    // Its confirmation date's close, run after the 18th has ended, is after the period.
    assert.equal(inCoolingOff(dates, china('2025-06-19T00:00')), false);
  });

  test('a purchase may be cancelled while pending and before its cooling-off ends', () => {
    const order = { kind: 'PURCHASE', status: 'PENDING', cancellableUntil: '2025-06-17T15:50:00.000Z' };
    const before = new Date('2025-06-17T15:49:00.000Z');
    assert.equal(isCancellable(order, before), true);
    assert.equal(isCancellable({ ...order, status: 'CONFIRMED' }, before), false);
    assert.equal(isCancellable({ ...order, cancellableUntil: null }, before), false);
    assert.equal(isCancellable({ ...order, kind: 'REDEMPTION' }, before), false);
  });

  test('a cancel refused says why: the cooling-off ended (and when, China time), or the order is not a pending purchase', () => {
    const order = { kind: 'PURCHASE', status: 'PENDING', cancellableUntil: '2025-06-17T15:50:00.000Z' };
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        assert.ok(error instanceof Refusal);
        return [error.code, error.userMessage];
      }
      return undefined;
    };
    assert.equal(refusal(() => assertCancellable(order, new Date('2025-06-17T15:49:59.999Z'))), undefined);
    assert.deepEqual(refusal(() => assertCancellable(order, new Date('2025-06-17T15:50:00.000Z'))), ['COOLING_OFF_ENDED', '冷静期已于 2025-06-17 23:50 结束，不能撤销']);
    assert.deepEqual(refusal(() => assertCancellable({ ...order, status: 'CONFIRMED' }, new Date('2025-06-17T15:00:00.000Z'))), [
      'ORDER_NOT_CANCELLABLE',
      '该订单已过冷静期或已确认，不能撤销',
    ]);
  });
});

describe('redemption split', () => {
  const split = (args: Partial<Parameters<typeof splitRedemption>[0]>) =>
    splitRedemption({ product: money, mode: 'FAST', unitsCenti: 500_000, availableUnitsCenti: 2_000_000, fastCapLeftFen: 1_000_000, ...args });

  test('fast within the cap is all fast; over the cap the rest goes normal; normal stays normal', () => {
    assert.deepEqual(split({}), { fastUnitsCenti: 500_000, normalUnitsCenti: 0 });
    assert.deepEqual(split({ unitsCenti: 1_500_000 }), { fastUnitsCenti: 1_000_000, normalUnitsCenti: 500_000 });
    assert.deepEqual(split({ unitsCenti: 1_500_000, fastCapLeftFen: 0 }), { fastUnitsCenti: 0, normalUnitsCenti: 1_500_000 });
    assert.deepEqual(split({ mode: 'NORMAL' }), { fastUnitsCenti: 0, normalUnitsCenti: 500_000 });
  });

  test('more than available, fast on a fund, any redemption of a fixed-term product: refused', () => {
    assert.equal(refusalCode(() => split({ unitsCenti: 2_000_001 })), 'INSUFFICIENT_UNITS');
    assert.equal(refusalCode(() => split({ product: mixed })), 'FAST_REDEMPTION_NOT_SUPPORTED');
    assert.equal(refusalCode(() => split({ product: fixed, mode: 'NORMAL' })), 'REDEMPTION_NOT_ALLOWED');
  });
});
