// Class II limits and the bank's business date.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { assertWithinSingleLimits, type Class2Limits, limitBuckets, usage } from '../../functions/domain/limits.js';
import { businessDate } from '../../functions/domain/time.js';

const limits: Class2Limits = { nonBoundDailyFen: 1_000_000, nonBoundYearlyFen: 20_000_000, maxSingleAmountFen: 50_000_000 };
const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal);
  assert.equal(error.code, code);
  assert.equal(error.kind, 'unprocessable');
  return true;
};

describe('single-movement limits', () => {
  test('non-bound: up to the daily limit passes, one fen more is refused', () => {
    assert.doesNotThrow(() => assertWithinSingleLimits(1_000_000, limits, true));
    assert.throws(() => assertWithinSingleLimits(1_000_001, limits, true), refusedWith('DAILY_LIMIT_EXCEEDED'));
  });

  test('bound card: the daily limit does not apply, the single-amount cap does', () => {
    assert.doesNotThrow(() => assertWithinSingleLimits(1_000_001, limits, false));
    assert.doesNotThrow(() => assertWithinSingleLimits(50_000_000, limits, false));
    assert.throws(() => assertWithinSingleLimits(50_000_001, limits, false), refusedWith('AMOUNT_TOO_LARGE'));
  });

  test('the single-amount cap applies to non-bound movements first', () => {
    assert.throws(() => assertWithinSingleLimits(50_000_001, limits, true), refusedWith('AMOUNT_TOO_LARGE'));
  });

  test('usage never shows negative room', () => {
    assert.deepEqual(usage(5_000, 1_200), { limitFen: 5_000, usedFen: 1_200, remainingFen: 3_800 });
    assert.deepEqual(usage(5_000, 7_000), { limitFen: 5_000, usedFen: 7_000, remainingFen: 0 });
  });
});

describe('limit buckets', () => {
  test('directions never share a bucket', () => {
    const out = limitBuckets('OUT', '2026-11-28');
    const into = limitBuckets('IN', '2026-11-28');
    assert.notEqual(out.daily, into.daily);
    assert.notEqual(out.yearly, into.yearly);
    assert.notEqual(out.daily, out.yearly);
  });

  test('a new day starts a new daily bucket but not a new yearly one', () => {
    const a = limitBuckets('OUT', '2026-11-28');
    const b = limitBuckets('OUT', '2026-11-29');
    assert.notEqual(a.daily, b.daily);
    assert.equal(a.yearly, b.yearly);
  });

  test('a new year starts a new yearly bucket', () => {
    const a = limitBuckets('IN', '2026-12-31');
    const b = limitBuckets('IN', '2027-01-01');
    assert.notEqual(a.daily, b.daily);
    assert.notEqual(a.yearly, b.yearly);
  });

  test('the same day and direction always give the same buckets', () => {
    assert.deepEqual(limitBuckets('OUT', '2026-03-07'), limitBuckets('OUT', '2026-03-07'));
    assert.ok(limitBuckets('OUT', '2026-03-07').daily.includes('2026-03-07'));
    assert.ok(limitBuckets('OUT', '2026-03-07').yearly.includes('2026'));
  });
});

describe('business date (China Standard Time)', () => {
  test('UTC 2026-11-27T16:30Z is already the 28th in China', () => {
    assert.equal(businessDate(new Date('2026-11-27T16:30:00Z')), '2026-11-28');
  });

  test('the day turns at 16:00 UTC', () => {
    assert.equal(businessDate(new Date('2026-11-27T15:59:59.999Z')), '2026-11-27');
    assert.equal(businessDate(new Date('2026-11-27T16:00:00.000Z')), '2026-11-28');
  });

  test('the year turns at 16:00 UTC on 31 December', () => {
    assert.equal(businessDate(new Date('2026-12-31T15:59:59.999Z')), '2026-12-31');
    assert.equal(businessDate(new Date('2026-12-31T16:00:00.000Z')), '2027-01-01');
  });

  test('agrees with the Asia/Shanghai time zone for many instants', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 59 * 60_000);
      assert.equal(businessDate(instant), shanghai.format(instant), instant.toISOString());
    }
  });
});
