// Money guards: amounts are safe integers of fen; nothing else gets through.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertFen, assertPositiveFen, sumFen } from '../../functions/domain/money.js';
import { formatYuan, formatYuanCents } from '../../functions/domain/format.js';

describe('assertFen', () => {
  test('accepts safe integers, including zero, negatives and the largest safe integer', () => {
    for (const fen of [0, 1, -1, 100, -250_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      assert.equal(assertFen(fen), fen);
    }
  });

  test('refuses floats, even ones that look like money', () => {
    for (const fen of [0.1, 1.5, 99.99, -0.01, 0.1 + 0.2]) assert.throws(() => assertFen(fen), /safe integer/);
  });

  test('refuses integers beyond the safe range, NaN and infinities', () => {
    for (const fen of [2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e21, NaN, Infinity, -Infinity]) {
      assert.throws(() => assertFen(fen), /safe integer/);
    }
  });

  test('refuses values that are not numbers at all', () => {
    for (const fen of ['100', null, undefined, 100n, {}]) assert.throws(() => assertFen(fen as unknown as number));
  });

  test('names the offending field in the error', () => {
    assert.throws(() => assertFen(1.5, 'posting to X'), /posting to X/);
  });
});

describe('assertPositiveFen', () => {
  test('accepts 1 fen and up', () => {
    assert.equal(assertPositiveFen(1), 1);
    assert.equal(assertPositiveFen(100_000_000), 100_000_000);
  });

  test('refuses zero, negatives and non-integers', () => {
    for (const fen of [0, -0, -1, 0.5, 2 ** 53]) assert.throws(() => assertPositiveFen(fen));
  });
});

describe('sumFen', () => {
  test('adds exactly', () => {
    assert.equal(sumFen([]), 0);
    assert.equal(sumFen([10, 20, -30]), 0);
    assert.equal(sumFen([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 7]), 7);
  });

  test('refuses a float anywhere in the list', () => {
    assert.throws(() => sumFen([10, 0.1, 20]), /safe integer/);
  });

  test('refuses a running total that leaves the safe-integer range', () => {
    assert.throws(() => sumFen([Number.MAX_SAFE_INTEGER, 1]), /running total/);
    assert.throws(() => sumFen([Number.MIN_SAFE_INTEGER, -1]), /running total/);
  });
});

describe('formatYuan', () => {
  test('groups thousands, drops .00 for whole yuan, and keeps the sign outside the digits', () => {
    assert.equal(formatYuan(123_456_789), '1,234,567.89');
    assert.equal(formatYuan(100_000), '1,000');
    assert.equal(formatYuan(5), '0.05');
    assert.equal(formatYuan(0), '0');
    assert.equal(formatYuan(-150), '-1.50');
    assert.equal(formatYuan(-100_000_001), '-1,000,000.01');
  });
});

describe('formatYuanCents', () => {
  test('always two decimals', () => {
    assert.equal(formatYuanCents(100_000), '1,000.00');
    assert.equal(formatYuanCents(5), '0.05');
    assert.equal(formatYuanCents(-100), '-1.00');
  });
});
