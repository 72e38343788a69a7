// Wealth products as data and the order rules: the schema's gates, purchase amounts on the
// minimum and step, the subscription window, confirmation and cooling-off dates, and how a
// redemption splits at the fast-redemption cap.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { assertPurchasable, isCancellable, orderDates, splitRedemption } from '../../functions/domain/wealth/orders.js';
import { type WealthProduct, wealthProductSchema } from '../../functions/domain/wealth/product.js';
import { demoWealthProducts } from '../../scripts/lib/seed-wealth.js';

const TODAY = '2025-06-16';
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
    assert.equal(refusalCode(() => assertPurchasable(bank, 999_999, TODAY)), 'AMOUNT_BELOW_MINIMUM');
    assert.equal(refusalCode(() => assertPurchasable(bank, 1_050_000, TODAY)), 'AMOUNT_NOT_ON_STEP');
    assert.doesNotThrow(() => assertPurchasable(bank, 1_100_000, TODAY));
    assert.equal(refusalCode(() => assertPurchasable(bank, 100_000_001, TODAY)), 'AMOUNT_ABOVE_MAXIMUM');
    assert.doesNotThrow(() => assertPurchasable(money, 1, TODAY));
  });

  test('closed products and dates outside the subscription window are refused', () => {
    assert.equal(refusalCode(() => assertPurchasable({ ...money, status: 'CLOSED' }, 100, TODAY)), 'PRODUCT_CLOSED');
    assert.equal(refusalCode(() => assertPurchasable(fixed, 100, '2025-06-15')), 'SUBSCRIPTION_NOT_OPEN');
    assert.equal(refusalCode(() => assertPurchasable(fixed, 100, '2025-07-17')), 'SUBSCRIPTION_CLOSED');
    assert.doesNotThrow(() => assertPurchasable(fixed, 100, '2025-07-16'));
    // A fixed-term order must confirm before maturity, whatever the window says.
    const late = { ...fixed, subscriptionClosesOn: '2025-06-20', maturityDate: '2025-06-21' };
    assert.equal(refusalCode(() => assertPurchasable(late, 100, '2025-06-20')), 'SUBSCRIPTION_CLOSED');
  });

  test('confirmation is T+1, or the end of the cooling-off period when later', () => {
    assert.deepEqual(orderDates({ coolingOffHours: 0 }, TODAY), { placedOn: TODAY, coolingOffEndsOn: TODAY, confirmDate: '2025-06-17' });
    assert.deepEqual(orderDates({ coolingOffHours: 24 }, TODAY), { placedOn: TODAY, coolingOffEndsOn: '2025-06-17', confirmDate: '2025-06-17' });
    assert.deepEqual(orderDates({ coolingOffHours: 25 }, TODAY), { placedOn: TODAY, coolingOffEndsOn: '2025-06-18', confirmDate: '2025-06-18' });
  });

  test('a purchase may be cancelled while pending and before its cooling-off ends', () => {
    const order = { kind: 'PURCHASE', status: 'PENDING', coolingOffEndsOn: '2025-06-18' };
    assert.equal(isCancellable(order, '2025-06-17'), true);
    assert.equal(isCancellable(order, '2025-06-18'), false);
    assert.equal(isCancellable({ ...order, status: 'CONFIRMED' }, '2025-06-17'), false);
    assert.equal(isCancellable({ ...order, coolingOffEndsOn: null }, '2025-06-16'), false);
    assert.equal(isCancellable({ ...order, kind: 'REDEMPTION' }, '2025-06-17'), false);
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
