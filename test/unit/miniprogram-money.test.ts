// The mini-program's amount formatting and parsing: strings in, integer fen out, no floats.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatFen, parseYuanToFen } from '../../miniprogram/src/lib/money.js';

test('formats fen as ¥ with thousands separators and two decimals', () => {
  assert.equal(formatFen(0), '¥0.00');
  assert.equal(formatFen(1), '¥0.01');
  assert.equal(formatFen(123456), '¥1,234.56');
  assert.equal(formatFen(100_000_000), '¥1,000,000.00');
  assert.equal(formatFen(-2000), '-¥20.00');
  assert.equal(formatFen(2000, { signed: true }), '+¥20.00');
  assert.equal(formatFen(0.5), '—');
});

test('parses typed yuan into exact fen, refusing what is not an amount', () => {
  assert.deepEqual(parseYuanToFen('100'), { ok: true, amountFen: 10_000 });
  assert.deepEqual(parseYuanToFen('100.5'), { ok: true, amountFen: 10_050 });
  assert.deepEqual(parseYuanToFen('0.01'), { ok: true, amountFen: 1 });
  // 0.29 × 100 is 28.999999999999996 in binary floating point; string parsing is exact.
  assert.deepEqual(parseYuanToFen('0.29'), { ok: true, amountFen: 29 });
  for (const bad of ['', '0', '0.00', '-1', '1.234', '1e3', 'abc', '1,000', '12345678901']) {
    assert.equal(parseYuanToFen(bad).ok, false, bad);
  }
});

test('formatting then parsing returns the same fen for any positive amount', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (amountFen) => {
      const typed = formatFen(amountFen).replace(/[¥,]/g, '');
      assert.deepEqual(parseYuanToFen(typed), { ok: true, amountFen });
    }),
    { numRuns: 500 },
  );
});
