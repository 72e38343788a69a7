// 忘记支付密码 through the real handlers on DynamoDB Local, the SMS gateway simulated: a code to
// the bound phone, the four answers and the new PIN (SM2-encrypted with a nonce's challenge, as
// the keypad sends it). Each wrong answer is refused and counts, and changes nothing else; the
// right ones reset the PIN, clear the lockout, revoke SOTER, send a notice and record the event.
import assert from 'node:assert/strict';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { after, describe, mock, test } from 'node:test';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as pinReset } from '../../functions/http/pin-reset.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { db } from '../../functions/store/client.js';
import { customerEvents } from '../../functions/store/customer-events.js';
import { keys } from '../../functions/store/keys.js';
import { hashPin } from '../../functions/store/pin-hash.js';
import { call, useBank } from '../support/bank.js';
import { cardNumber, idNumber, type Onboarded, onboard, signIn, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { type Item, scanTable } from '../support/ledger-check.js';
import { authorize, encryptPin } from '../support/second-factor.js';

useBank();

const OLD_PIN = '729461';
const NEW_PIN = '385027';

interface Answers {
  realName: string;
  idNumber: string;
  cardNumber: string;
  smsCode: string;
}

const sendCode = (who: { token: string }) => call(pinReset, { method: 'POST', path: '/v1/me/pin-reset/code', token: who.token, body: {} });

/** What the simulated phone received, newest first. */
async function inbox(phone: string): Promise<{ template: string; text: string; params: Record<string, string>; sentAt: string }[]> {
  return expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone } })).messages;
}

/** Sends a code and reads it off the simulated phone. */
async function codeFor(who: Onboarded): Promise<string> {
  expectOk(await sendCode(who));
  const [latest] = await inbox(who.phone);
  assert.equal(latest?.template, 'PIN_RESET_CODE');
  assert.match(latest!.params.code!, /^\d{6}$/);
  assert.ok(latest!.text.includes(latest!.params.code!), latest!.text);
  return latest!.params.code!;
}

const rightAnswers = (who: Onboarded, smsCode: string): Answers => ({ realName: who.name, idNumber: who.idNumber, cardNumber: who.cardNumber, smsCode });

/** The reset as the page sends it: a nonce asked for these very answers, the new PIN encrypted with its challenge. */
async function reset(who: { token: string }, answers: Answers, newPin = NEW_PIN) {
  const authorization = await authorize(who.token, '/v1/me/pin-reset', { ...answers });
  const body = { ...answers, newPin: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, newPin) } };
  return call(pinReset, { method: 'POST', path: '/v1/me/pin-reset', token: who.token, body });
}

const profileOf = (items: Item[], who: Onboarded) => items.find((i) => i.PK === `CUST#${who.customerId}` && i.SK === 'PROFILE')!;
const resetStateOf = (items: Item[], who: Onboarded) => items.find((i) => i.PK === `CUST#${who.customerId}` && i.SK === 'PINRESET');
/** The table with the reset state's counters (and version) left out: what a wrong answer may not change. */
const withoutCounters = (items: Item[]) =>
  JSON.stringify(
    items
      .map((item) => (item.SK === 'PINRESET' ? { ...item, wrongTries: '-', codeWrongTries: '-', codeHash: item.codeHash === null ? null : '-', codeExpiresAt: '-', version: '-' } : item))
      .sort((x, y) => `${x.PK}|${x.SK}`.localeCompare(`${y.PK}|${y.SK}`)),
  );

/** Wrong PINs on a payment until the PIN locks. */
async function lockPin(who: Onboarded) {
  for (let n = 0; n < 4; n++) expectError(await topUp({ ...who, pin: '111222' }, 100), 403, 'PIN_INCORRECT');
  expectError(await topUp({ ...who, pin: '111222' }, 100), 423, 'PIN_LOCKED');
  expectError(await topUp(who, 100), 423, 'PIN_LOCKED');
}

async function enrolSoter(who: Onboarded) {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({ TableName: tableName, Key: keys.customer(who.customerId), UpdateExpression: 'SET soterEnrolment = :e', ExpressionAttributeValues: { ':e': { authKeyId: 'sim-key', enrolledAt: new Date().toISOString() } } }),
  );
}

describe('the reset', () => {
  test('a locked-out customer proves who they are and sets a new PIN: lockout cleared, SOTER revoked, old PIN refused, new PIN pays, notice sent, event recorded', async () => {
    const c = await onboard({ name: '赵丽颖', pin: OLD_PIN });
    expectOk(await topUp(c, 10_000));
    await lockPin(c);
    await enrolSoter(c);

    const sent = expectOk(await sendCode(c));
    assert.deepEqual(Object.keys(sent).sort(), ['expiresAt', 'phoneMasked', 'resendAfterSeconds', 'sendsLeftToday']);
    assert.equal(sent.phoneMasked, `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
    assert.equal(sent.resendAfterSeconds, 60);
    assert.equal(sent.sendsLeftToday, 4);
    const expiresInMs = Date.parse(sent.expiresAt) - Date.now();
    assert.ok(expiresInMs > 4 * 60_000 && expiresInMs <= 5 * 60_000, sent.expiresAt);
    const [message] = await inbox(c.phone);
    const code = message!.params.code!;
    assert.ok(message!.text.includes('5 分钟内有效'), message!.text);

    const done = expectOk(await reset(c, rightAnswers(c, code)));
    assert.deepEqual(Object.keys(done).sort(), ['phoneMasked', 'resetAt']);
    assert.equal(done.phoneMasked, sent.phoneMasked);

    const items = await scanTable();
    const profile = profileOf(items, c);
    assert.equal(profile.pinHash, await hashPin(c.customerId, NEW_PIN));
    assert.equal(profile.pinFailedAttempts, 0);
    assert.equal(profile.pinLockedUntil, null);
    assert.ok(!('soterEnrolment' in profile), 'the SOTER enrolment made with the old PIN is revoked');
    assert.equal(resetStateOf(items, c)!.codeHash, null, 'the code is used up');
    const me = expectOk(await call(customer, { method: 'GET', path: '/v1/me', token: c.token }));
    assert.equal(me.pinLockedUntil, null);

    expectError(await topUp(c, 100), 403, 'PIN_INCORRECT');
    const paid = expectOk(await topUp({ ...c, pin: NEW_PIN }, 2_000));
    assert.equal(paid.balanceFen, 12_000);

    const [notice] = await inbox(c.phone);
    assert.equal(notice!.template, 'PIN_RESET_NOTICE');
    assert.match(notice!.text, /支付密码已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 重置/);
    const events = (await customerEvents(c.customerId)).filter((e) => e.kind === 'PIN_RESET');
    assert.deepEqual(events, [{ customerId: c.customerId, kind: 'PIN_RESET', at: done.resetAt, ref: done.resetAt }]);
  });

  test('no item anywhere in the table holds a PIN in the clear (old or new, right or wrong)', async () => {
    const c = await onboard({ name: '孙俪', pin: OLD_PIN });
    const code = await codeFor(c);
    expectError(await reset(c, { ...rightAnswers(c, code), cardNumber: cardNumber() }, '560813'), 422, 'IDENTITY_MISMATCH');
    expectOk(await reset(c, rightAnswers(c, code)));
    const table = JSON.stringify(await scanTable());
    for (const pin of [OLD_PIN, NEW_PIN, '560813']) assert.ok(!table.includes(pin), `${pin} stored in the clear`);
  });

  test('a weak new PIN is refused once the answers are right, and the code stays good for a better one', async () => {
    const c = await onboard({ name: '周迅', pin: OLD_PIN, idNumber: idNumber('19880615') });
    const code = await codeFor(c);
    expectError(await reset(c, rightAnswers(c, code), '123456'), 400, 'PIN_TOO_WEAK');
    expectError(await reset(c, rightAnswers(c, code), '880615'), 400, 'PIN_TOO_WEAK');
    expectOk(await reset(c, rightAnswers(c, code)));
  });

  test('a customer with no PIN, phone or account to prove anything with is told what is missing first', async () => {
    const fresh = await signIn();
    expectError(await sendCode(fresh), 422, 'PHONE_REQUIRED');
  });
});

describe('wrong answers', () => {
  test('each wrong factor is refused and changes nothing but the count of wrong answers', async () => {
    const c = await onboard({ name: '刘德华', pin: OLD_PIN });
    const code = await codeFor(c);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const cases: [string, Answers, number, string][] = [
      ['name', { ...rightAnswers(c, code), realName: '刘德美' }, 422, 'IDENTITY_MISMATCH'],
      ['ID number', { ...rightAnswers(c, code), idNumber: idNumber() }, 422, 'IDENTITY_MISMATCH'],
      ['card number', { ...rightAnswers(c, code), cardNumber: cardNumber() }, 422, 'IDENTITY_MISMATCH'],
      ['SMS code', rightAnswers(c, wrongCode), 422, 'SMS_CODE_INVALID'],
    ];
    let before = await scanTable();
    for (const [what, answers, status, errorCode] of cases) {
      const res = await reset(c, answers);
      expectError(res, status, errorCode);
      const now = await scanTable();
      assert.equal(withoutCounters(now), withoutCounters(before), `a wrong ${what} changed more than the count`);
      assert.equal(resetStateOf(now, c)!.wrongTries, resetStateOf(before, c)!.wrongTries + 1, what);
      before = now;
    }
    assert.equal(profileOf(before, c).pinHash, await hashPin(c.customerId, OLD_PIN));
    assert.deepEqual((await customerEvents(c.customerId)).filter((e) => e.kind === 'PIN_RESET'), []);
    assert.equal((await inbox(c.phone)).length, 1, 'only the code was sent');
    // One try left, and the code is still good: the right answers reset.
    expectOk(await reset(c, rightAnswers(c, code)));
  });

  test('the identity refusal never says which answer was wrong, and says how many tries are left', async () => {
    const c = await onboard({ name: '张学友', pin: OLD_PIN });
    const code = await codeFor(c);
    const messages = new Set<string>();
    for (const answers of [{ ...rightAnswers(c, code), realName: '张学有' }, { ...rightAnswers(c, code), cardNumber: cardNumber() }]) {
      const res = await reset(c, answers);
      expectError(res, 422, 'IDENTITY_MISMATCH');
      messages.add(res.body.error.message.replace(/\d+ 次/, 'N 次'));
    }
    assert.deepEqual([...messages], ['身份信息不一致，还可尝试 N 次']);
  });

  test('the fifth wrong answer locks the reset for 24 h: no code is sent, even right answers are refused, the PIN stays', async () => {
    const c = await onboard({ name: '黎明', pin: OLD_PIN });
    const code = await codeFor(c);
    for (let n = 0; n < 4; n++) expectError(await reset(c, { ...rightAnswers(c, code), idNumber: idNumber() }), 422, 'IDENTITY_MISMATCH');
    const fifth = await reset(c, { ...rightAnswers(c, code), idNumber: idNumber() });
    expectError(fifth, 423, 'PIN_RESET_LOCKED');
    assert.match(fifth.body.error.message, /客服/);
    const state = resetStateOf(await scanTable(), c)!;
    const lockedForMs = Date.parse(state.lockedUntil) - Date.now();
    assert.ok(lockedForMs > 23.9 * 3_600_000 && lockedForMs <= 24 * 3_600_000, state.lockedUntil);
    expectError(await reset(c, rightAnswers(c, code)), 423, 'PIN_RESET_LOCKED');
    expectError(await sendCode(c), 423, 'PIN_RESET_LOCKED');
    assert.equal(profileOf(await scanTable(), c).pinHash, await hashPin(c.customerId, OLD_PIN));
    expectOk(await topUp(c, 100));
  });

  test('a wrong code three times spends the code: a fourth answer, even the right one, needs a new code', async () => {
    const c = await onboard({ name: '郭富城', pin: OLD_PIN });
    const code = await codeFor(c);
    const wrong = ['000000', '000001', '000002'].filter((guess) => guess !== code).slice(0, 3);
    expectError(await reset(c, rightAnswers(c, wrong[0]!)), 422, 'SMS_CODE_INVALID');
    expectError(await reset(c, rightAnswers(c, wrong[1]!)), 422, 'SMS_CODE_INVALID');
    const third = await reset(c, rightAnswers(c, wrong[2]!));
    expectError(third, 422, 'SMS_CODE_INVALID');
    assert.equal(third.body.error.message, '验证码错误，请重新获取验证码');
    expectError(await reset(c, rightAnswers(c, code)), 422, 'SMS_CODE_EXPIRED');
  });

  test('guesses fired at once are never answered past the budget', async () => {
    const c = await onboard({ name: '梁朝伟', pin: OLD_PIN });
    const code = await codeFor(c);
    const answers = await Promise.all(Array.from({ length: 8 }, () => reset(c, { ...rightAnswers(c, code), cardNumber: cardNumber() })));
    const codes = answers.map((res) => res.body?.error?.code as string);
    const checked = codes.filter((x) => x === 'IDENTITY_MISMATCH').length;
    assert.ok(checked <= 4, codes.join(','));
    assert.ok(codes.every((x) => ['IDENTITY_MISMATCH', 'PIN_RESET_LOCKED', 'PIN_RESET_BUSY'].includes(x)), codes.join(','));
    // Every answer that said a try was wrong was counted: four before the lock, or all of them.
    const state = resetStateOf(await scanTable(), c)!;
    if (state.lockedUntil) assert.equal(checked, 4, codes.join(','));
    else assert.equal(state.wrongTries, checked, codes.join(','));
  });
});

describe('codes', () => {
  test('a used code cannot reset again', async () => {
    const c = await onboard({ name: '王菲', pin: OLD_PIN });
    const code = await codeFor(c);
    expectOk(await reset(c, rightAnswers(c, code)));
    const before = await scanTable();
    expectError(await reset(c, rightAnswers(c, code), '602817'), 422, 'SMS_CODE_EXPIRED');
    assert.deepEqual(await scanTable(), before);
    expectOk(await topUp({ ...c, pin: NEW_PIN }, 100));
  });

  test('a code expires after 5 minutes; another may be sent after 60 s, at most 5 a day', async (t) => {
    t.after(() => mock.timers.reset());
    // Ten minutes of one China day: an hour on when the real clock is near its midnight.
    const chinaMinutesOfDay = ((Date.now() / 60_000 + 8 * 60) % (24 * 60));
    const start = Date.now() + (chinaMinutesOfDay > 23 * 60 ? 3_600_000 : 0);
    mock.timers.enable({ apis: ['Date'], now: start });
    const c = await onboard({ name: '那英', pin: OLD_PIN });
    const code = await codeFor(c);
    expectError(await sendCode(c), 409, 'SMS_CODE_TOO_FREQUENT');

    mock.timers.setTime(start + 5 * 60_000 + 1_000);
    const before = await scanTable();
    expectError(await reset(c, rightAnswers(c, code)), 422, 'SMS_CODE_EXPIRED');
    assert.deepEqual(await scanTable(), before, 'an expired code counts no wrong answer');

    // A minute apart (within the access token's 15 minutes).
    for (let n = 2; n <= 5; n++) {
      mock.timers.setTime(start + (4 + n) * 60_000);
      const sent = expectOk(await sendCode(c));
      assert.equal(sent.sendsLeftToday, 5 - n);
    }
    mock.timers.setTime(start + 10 * 60_000);
    expectError(await sendCode(c), 422, 'SMS_SEND_LIMIT');
    assert.equal((await inbox(c.phone)).length, 5);
  });

  test('a new code replaces the one before it', async (t) => {
    const c = await onboard({ name: '韩红', pin: OLD_PIN });
    t.after(() => mock.timers.reset());
    const start = Date.now();
    mock.timers.enable({ apis: ['Date'], now: start });
    const first = await codeFor(c);
    mock.timers.setTime(start + 61_000);
    const second = await codeFor(c);
    if (first !== second) expectError(await reset(c, rightAnswers(c, first)), 422, 'SMS_CODE_INVALID');
    expectOk(await reset(c, rightAnswers(c, second)));
  });
});

describe('another customer', () => {
  test('never matches: not with the other\'s identity, not with the other\'s code', async () => {
    const [a, b] = await Promise.all([onboard({ name: '张三', pin: OLD_PIN }), onboard({ name: '李四', pin: OLD_PIN })]);
    const [codeOfA, codeOfB] = [await codeFor(a), await codeFor(b)];
    expectError(await reset(b, { ...rightAnswers(a, codeOfB) }), 422, 'IDENTITY_MISMATCH');
    if (codeOfA !== codeOfB) expectError(await reset(b, rightAnswers(b, codeOfA)), 422, 'SMS_CODE_INVALID');
    const items = await scanTable();
    for (const who of [a, b]) assert.equal(profileOf(items, who).pinHash, await hashPin(who.customerId, OLD_PIN));
    // A's code still resets A's PIN only.
    expectOk(await reset(a, rightAnswers(a, codeOfA)));
    expectOk(await topUp({ ...a, pin: NEW_PIN }, 100));
    expectOk(await topUp(b, 100));
  });

  test('a nonce asked for other answers does not carry the new PIN', async () => {
    const c = await onboard({ name: '杨紫', pin: OLD_PIN });
    const code = await codeFor(c);
    const authorization = await authorize(c.token, '/v1/me/pin-reset', { ...rightAnswers(c, code), cardNumber: cardNumber() });
    const body = { ...rightAnswers(c, code), newPin: { nonce: authorization.nonce, pinCipher: encryptPin(authorization, NEW_PIN) } };
    const before = await scanTable();
    expectError(await call(pinReset, { method: 'POST', path: '/v1/me/pin-reset', token: c.token, body }), 403, 'NONCE_MISMATCH');
    assert.deepEqual(await scanTable(), before);
  });
});

after(() => mock.timers.reset());
