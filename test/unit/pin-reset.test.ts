// The rules of 忘记支付密码 (functions/domain/pin-reset.ts): when a code may be sent, how long it
// lives, and how wrong answers are counted and lock the reset.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import {
  afterCodeSent,
  afterPinReset,
  afterWrongAnswer,
  assertMaySendCode,
  codeInForce,
  NO_PIN_RESET,
  normalizedAnswers,
  PIN_RESET_POLICY,
  type PinResetState,
  refuseIfPinResetLocked,
} from '../../functions/domain/pin-reset.js';

const T0 = new Date('2026-03-10T02:00:00.000Z'); // 10:00 in China
const TODAY = '2026-03-10';
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const refusedWith = (code: string) => (error: unknown) => error instanceof Refusal && error.code === code;
const sent = (state: PinResetState = NO_PIN_RESET, when = T0, today = TODAY) => afterCodeSent(state, 'hash-1', when, today);

describe('sending codes', () => {
  test('a code lives 5 minutes and replaces the one before it', () => {
    const first = sent();
    assert.equal(first.codeExpiresAt, at(300).toISOString());
    assert.equal(codeInForce(first, at(299)), 'hash-1');
    assert.throws(() => codeInForce(first, at(300)), refusedWith('SMS_CODE_EXPIRED'));
    const second = afterCodeSent({ ...first, codeWrongTries: 2 }, 'hash-2', at(61), TODAY);
    assert.equal(codeInForce(second, at(62)), 'hash-2');
    assert.equal(second.codeWrongTries, 0);
  });

  test('no sooner than 60 s after the last, at most 5 a China day, none while locked', () => {
    const first = sent();
    assert.throws(() => assertMaySendCode(first, at(59), TODAY), (error: unknown) => refusedWith('SMS_CODE_TOO_FREQUENT')(error) && /1 秒后再试/.test((error as Refusal).userMessage));
    assert.doesNotThrow(() => assertMaySendCode(first, at(60), TODAY));
    let state = NO_PIN_RESET;
    for (let n = 0; n < PIN_RESET_POLICY.maxSendsPerDay; n++) {
      assertMaySendCode(state, at(n * 60), TODAY);
      state = sent(state, at(n * 60));
    }
    assert.equal(state.sendsOnDate, 5);
    assert.throws(() => assertMaySendCode(state, at(3600), TODAY), refusedWith('SMS_SEND_LIMIT'));
    // The next China day counts afresh.
    assert.doesNotThrow(() => assertMaySendCode(state, at(3600), '2026-03-11'));
    assert.equal(sent(state, at(3600), '2026-03-11').sendsOnDate, 1);
    const locked = { ...NO_PIN_RESET, lockedUntil: at(86_400).toISOString() };
    assert.throws(() => assertMaySendCode(locked, at(10), TODAY), refusedWith('PIN_RESET_LOCKED'));
  });

  test('no code sent, or one used, answers SMS_CODE_EXPIRED', () => {
    assert.throws(() => codeInForce(NO_PIN_RESET, T0), refusedWith('SMS_CODE_EXPIRED'));
    assert.throws(() => codeInForce(afterPinReset(sent()), at(1)), refusedWith('SMS_CODE_EXPIRED'));
    // The next check may send its code at once; the day's sends still count.
    assert.doesNotThrow(() => assertMaySendCode(afterPinReset(sent()), at(1), TODAY));
    assert.equal(afterPinReset(sent()).sendsOnDate, sent().sendsOnDate);
  });
});

describe('wrong answers', () => {
  test('a wrong code counts against the code (3) and the reset (5); the code is spent at 3', () => {
    let state = sent();
    for (const left of [2, 1]) {
      const next = afterWrongAnswer(state, 'SMS_CODE', at(1));
      assert.throws(next.refusal, (error: unknown) => refusedWith('SMS_CODE_INVALID')(error) && (error as Refusal).userMessage.includes(`还可尝试 ${left} 次`));
      state = next.state;
      assert.equal(codeInForce(state, at(2)), 'hash-1');
    }
    const third = afterWrongAnswer(state, 'SMS_CODE', at(1));
    assert.throws(third.refusal, (error: unknown) => refusedWith('SMS_CODE_INVALID')(error) && (error as Refusal).userMessage === '验证码错误，请重新获取验证码');
    assert.throws(() => codeInForce(third.state, at(2)), refusedWith('SMS_CODE_EXPIRED'));
    assert.equal(third.state.wrongTries, 3);
  });

  test('a wrong identity counts against the reset only, and says how many tries are left', () => {
    const next = afterWrongAnswer(sent(), 'IDENTITY', at(1));
    assert.throws(next.refusal, (error: unknown) => refusedWith('IDENTITY_MISMATCH')(error) && (error as Refusal).userMessage === '身份信息不一致，还可尝试 4 次');
    assert.equal(next.state.codeWrongTries, 0);
    assert.equal(codeInForce(next.state, at(2)), 'hash-1');
  });

  test('the fifth wrong answer of any kind locks the reset for 24 h and spends the code; a reset starts the count again', () => {
    let state = sent();
    for (const wrong of ['IDENTITY', 'SMS_CODE', 'IDENTITY', 'IDENTITY'] as const) state = afterWrongAnswer(state, wrong, at(1)).state;
    assert.equal(state.wrongTries, 4);
    assert.equal(afterPinReset(state).wrongTries, 0);
    const fifth = afterWrongAnswer(state, 'IDENTITY', at(1));
    assert.throws(fifth.refusal, refusedWith('PIN_RESET_LOCKED'));
    assert.equal(fifth.state.lockedUntil, at(1 + 86_400).toISOString());
    assert.equal(fifth.state.codeHash, null);
    assert.equal(fifth.state.wrongTries, 0);
    assert.throws(() => refuseIfPinResetLocked(fifth.state, at(86_400)), refusedWith('PIN_RESET_LOCKED'));
    assert.doesNotThrow(() => refuseIfPinResetLocked(fifth.state, at(1 + 86_400)));
  });
});

test('answers are compared as kept: the ID number with an upper-case X', () => {
  assert.deepEqual(normalizedAnswers({ realName: '王小明', idNumber: '11010519900307123x', cardNumber: '6222020000000000001' }), {
    realName: '王小明',
    idNumber: '11010519900307123X',
    cardNumber: '6222020000000000001',
  });
});
