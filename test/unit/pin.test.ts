// Payment PIN rules: weak PINs refused, wrong attempts counted, lockout and its expiry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { afterWrongPin, assertPinStrongEnough, isPinLocked, type PinAttemptState } from '../../functions/domain/pin.js';

const weak = (code: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal);
  assert.equal(error.code, code);
  assert.equal(error.kind, 'invalid');
  assert.match(error.userMessage, /[\u4e00-\u9fa5]/);
  return true;
};

describe('PIN strength', () => {
  test('refuses repeated digits, runs and repeated patterns', () => {
    for (const pin of ['000000', '111111', '999999', '123456', '234567', '456789', '567890', '012345', '654321', '987654', '543210', '121212', '909090', '123123', '789789']) {
      assert.throws(() => assertPinStrongEnough(pin, null), weak('PIN_TOO_WEAK'), pin);
    }
  });

  test('refuses the birthday in YYMMDD, MMDDYY and DDMMYY', () => {
    const birthDate = '1990-03-07';
    for (const pin of ['900307', '030790', '070390']) {
      assert.throws(() => assertPinStrongEnough(pin, birthDate), weak('PIN_TOO_WEAK'), pin);
      // The same digits are only weak for the person born that day.
      assert.doesNotThrow(() => assertPinStrongEnough(pin, '1985-11-23'), pin);
      assert.doesNotThrow(() => assertPinStrongEnough(pin, null), pin);
    }
  });

  test('refuses a birthday from the 2000s too', () => {
    for (const pin of ['051129', '112905', '291105']) assert.throws(() => assertPinStrongEnough(pin, '2005-11-29'), weak('PIN_TOO_WEAK'));
  });

  test('accepts strong PINs', () => {
    for (const pin of ['135790', '802461', '472913', '390517']) {
      assert.doesNotThrow(() => assertPinStrongEnough(pin, '1990-03-07'), pin);
    }
  });

  test('accepts a random PIN that is none of the weak forms', () => {
    const birthDate = '1990-03-07';
    let accepted = 0;
    for (let n = 0; n < 200; n++) {
      const pin = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
      const digits = [...pin].map(Number);
      const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
      const patterned = new Set(digits).size <= 3; // covers repeats, 2- and 3-digit patterns
      const run = steps.size === 1 && (steps.has(1) || steps.has(9)); // runs, wrapping 9→0 too
      const birthday = ['900307', '030790', '070390'].includes(pin);
      if (patterned || run || birthday) continue;
      assert.doesNotThrow(() => assertPinStrongEnough(pin, birthDate), pin);
      accepted++;
    }
    assert.ok(accepted > 50);
  });

  test('refuses anything but six digits', () => {
    for (const pin of ['', '13579', '1357902', '13579a', ' 35790', '１３５７９０']) {
      assert.throws(() => assertPinStrongEnough(pin, null), weak('PIN_FORMAT'), JSON.stringify(pin));
    }
  });
});

describe('PIN lockout', () => {
  const policy = { maxAttempts: 5, lockMinutes: 30 };
  const start: PinAttemptState = { failedAttempts: 0, lockedUntil: null };
  const t0 = new Date('2026-05-01T02:00:00.000Z');
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

  test('four wrong attempts count but do not lock', () => {
    let state = start;
    for (let n = 1; n <= 4; n++) {
      state = afterWrongPin(state, policy, t0);
      assert.equal(state.failedAttempts, n);
      assert.equal(state.lockedUntil, null);
      assert.equal(isPinLocked(state, t0), false);
    }
  });

  test('the fifth wrong attempt locks for the configured minutes', () => {
    let state = start;
    for (let n = 1; n <= 5; n++) state = afterWrongPin(state, policy, t0);
    assert.equal(state.lockedUntil, minutes(30).toISOString());
    assert.equal(isPinLocked(state, t0), true);
    assert.equal(isPinLocked(state, minutes(29.99)), true);
  });

  test('the lock expires, and then a fresh budget of attempts applies', () => {
    let state = start;
    for (let n = 1; n <= 5; n++) state = afterWrongPin(state, policy, t0);
    assert.equal(isPinLocked(state, minutes(30)), false);
    assert.equal(isPinLocked(state, minutes(31)), false);
    const after = afterWrongPin(state, policy, minutes(31));
    assert.equal(after.lockedUntil, null, 'one wrong attempt after the lock does not lock again');
    assert.equal(isPinLocked(after, minutes(31)), false);
    let again = after;
    for (let n = 2; n <= 5; n++) again = afterWrongPin(again, policy, minutes(32));
    assert.equal(again.lockedUntil, minutes(62).toISOString());
  });

  test('another policy locks after its own number of attempts and minutes', () => {
    const strict = { maxAttempts: 3, lockMinutes: 24 * 60 };
    let state = start;
    state = afterWrongPin(state, strict, t0);
    state = afterWrongPin(state, strict, t0);
    assert.equal(isPinLocked(state, t0), false);
    state = afterWrongPin(state, strict, t0);
    assert.equal(state.lockedUntil, minutes(24 * 60).toISOString());
  });

  test('an unlocked state is never locked', () => {
    assert.equal(isPinLocked(start, t0), false);
    assert.equal(isPinLocked({ failedAttempts: 4, lockedUntil: null }, t0), false);
    assert.equal(isPinLocked({ failedAttempts: 0, lockedUntil: minutes(-1).toISOString() }, t0), false);
  });
});
