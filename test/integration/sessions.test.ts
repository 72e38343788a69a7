// 登录设备管理 through the real handlers on DynamoDB Local, the SMS gateway simulated: the list of
// the customer's own live sessions with device, times and place; signing one (or all others) out
// ends its refresh token and its access tokens where the customer is read first; and a new
// device's first money movement waits for a code to the bound phone — the payment authorization
// refuses until then, wrong codes are counted and limited, a known device is never asked.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as sessions } from '../../functions/http/sessions.js';
import { handler as pinReset } from '../../functions/http/pin-reset.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { messages } from '../../functions/services/messages.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, deviceOf, type Onboarded, onboard, topUp, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { authorize } from '../support/second-factor.js';

useBank();

/** Signs the customer in again on `deviceId`, as a phone or a laptop of that model would. */
async function signInOn(user: string, deviceId: string, device: { deviceModel?: string; devicePlatform?: string } = {}) {
  const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } }));
  return expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.code, deviceId, ...device } }));
}

const list = async (token: string) => expectOk(await call(sessions, { method: 'GET', path: '/v1/sessions', token })).sessions as any[];
const signOut = (token: string, sessionId: string) => call(sessions, { method: 'POST', path: `/v1/sessions/${sessionId}/sign-out`, token });
const refresh = (refreshToken: string) => call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken } });
const me = (token: string) => call(customer, { method: 'GET', path: '/v1/me', token });
const sendCode = (token: string) => call(sessions, { method: 'POST', path: '/v1/sessions/current/verification-code', token, body: {} });
const verify = (token: string, smsCode: string) => call(sessions, { method: 'POST', path: '/v1/sessions/current/verification', token, body: { smsCode } });

async function latestCode(phone: string): Promise<string> {
  const [latest] = expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/sms/messages', query: { phone } })).messages;
  assert.equal(latest?.template, 'DEVICE_VERIFY_CODE');
  return latest.params.code;
}

/** The minute since the last code, passed (a code was sent before). */
async function allowResend(who: Onboarded) {
  const forget = { UpdateExpression: 'SET lastSentAt = :none', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':none': null } };
  await db().doc.send(new UpdateCommand({ TableName: db().tableName, Key: keys.pinReset(who.customerId), ...forget }));
}

/** The security messages of the customer's message centre, newest first: kind and text. */
async function securityMessages(customerId: string): Promise<{ kind: string; body: string }[]> {
  const page = await messages(customerId, { limit: 50, cursor: undefined, category: 'SECURITY' });
  return page.items.map(({ kind, body }) => ({ kind, body }));
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** A customer onboarded (on their first device) and funded, with the user they sign in as. */
async function fundedCustomer(name: string): Promise<Onboarded & { user: string }> {
  const user = randomUUID();
  const who = await onboard({ name, user });
  expectOk(await topUp(who, 10_000));
  return { ...who, user };
}

describe('the list of signed-in devices', () => {
  test('shows the customer\'s own live sessions only, with device, times and place; this one marked 本机', async () => {
    const a = await fundedCustomer('周一鸣');
    const b = await fundedCustomer('吴二丫');
    const laptop = await signInOn(a.user, `laptop-${randomUUID()}`, { deviceModel: 'MacBook Pro', devicePlatform: 'mac' });
    const listed = await list(laptop.accessToken);
    assert.equal(listed.length, 2);
    const [current, other] = listed;
    assert.deepEqual([current.current, current.deviceLabel, current.platform, current.place, current.deviceVerified], [true, 'MacBook Pro', 'mac', '127.0.0.*', false]);
    assert.deepEqual([other.current, other.deviceLabel, other.deviceVerified], [false, '未知设备', true]);
    assert.ok(Date.parse(current.signedInAt) >= Date.parse(other.signedInAt));
    assert.equal(current.lastUsedAt, current.signedInAt);
    // The other customer's list holds none of these.
    const theirs = (await list(b.token)).map((session) => session.sessionId);
    assert.equal(theirs.length, 1);
    assert.ok(!listed.some((session) => theirs.includes(session.sessionId)));
    // A refresh is a use: its time moves on.
    const refreshed = expectOk(await refresh(laptop.refreshToken));
    const again = (await list(refreshed.accessToken)).find((session) => session.current);
    assert.ok(Date.parse(again.lastUsedAt) >= Date.parse(current.lastUsedAt));
    assert.equal(again.sessionId, current.sessionId, 'a refresh keeps the session');
  });

  test('a device model or platform that is not printable text is refused, and no session begins', async () => {
    const a = await fundedCustomer('钱四海');
    const before = (await list(a.token)).length;
    for (const device of [{ deviceModel: '\ud800' }, { deviceModel: 'Pixel\u202e8' }, { devicePlatform: 'ios\u0007' }, { deviceModel: 'x'.repeat(500) }]) {
      const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user: a.user } }));
      expectError(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.code, deviceId: `odd-${randomUUID()}`, ...device } }), 400, 'VALIDATION_FAILED');
    }
    assert.equal((await list(a.token)).length, before);
    // A model with emoji and CJK is text like any other.
    const phone = await signInOn(a.user, `emoji-${randomUUID()}`, { deviceModel: '华为 Mate 60 Pro 📱' });
    assert.equal((await list(phone.accessToken)).find((session) => session.current).deviceLabel, '华为 Mate 60 Pro 📱');
  });

  test('signing a session out ends its refresh token and its access tokens at once; the others go on', async () => {
    const a = await fundedCustomer('郑三立');
    const phone = await signInOn(a.user, deviceOf(a.user));
    const stolen = await signInOn(a.user, `stolen-${randomUUID()}`, { deviceModel: 'Redmi Note 12', devicePlatform: 'android' });
    const target = (await list(phone.accessToken)).find((session) => session.deviceLabel === 'Redmi Note 12');
    assert.deepEqual(expectOk(await signOut(phone.accessToken, target.sessionId)), { signedOut: 1 });
    expectError(await refresh(stolen.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
    expectError(await me(stolen.accessToken), 401, 'UNAUTHENTICATED');
    expectError(await call(sessions, { method: 'GET', path: '/v1/sessions', token: stolen.accessToken }), 401, 'UNAUTHENTICATED');
    // The payment authorization is refused too: no nonce, no money.
    expectError(await withdraw({ ...a, token: stolen.accessToken }, 100), 401, 'UNAUTHENTICATED');
    // Gone from the list, and a second sign-out of it is a 404.
    assert.ok(!(await list(phone.accessToken)).some((session) => session.sessionId === target.sessionId));
    expectError(await signOut(phone.accessToken, target.sessionId), 404, 'SESSION_NOT_FOUND');
    assert.deepEqual((await securityMessages(a.customerId)).filter((m) => m.kind === 'DEVICE_SIGNED_OUT').length, 1);
    // The phone's own session is untouched.
    expectOk(await me(phone.accessToken));
    expectOk(await refresh(phone.refreshToken));
    expectOk(await withdraw({ ...a, token: phone.accessToken }, 100));
  });

  test('another customer\'s session, or one that never was, answers 404 and changes nothing', async () => {
    const a = await fundedCustomer('王四海');
    const b = await fundedCustomer('冯五岳');
    const [theirs] = await list(b.token);
    expectError(await signOut(a.token, theirs.sessionId), 404, 'SESSION_NOT_FOUND');
    expectError(await signOut(a.token, randomUUID()), 404, 'SESSION_NOT_FOUND');
    expectError(await signOut(a.token, 'not-a-session'), 404, 'NOT_FOUND');
    expectOk(await me(b.token));
    assert.equal((await list(b.token)).length, 1);
  });

  test('sign out all others: every session but this one ends', async () => {
    const a = await fundedCustomer('陈六合');
    const others = [await signInOn(a.user, `tablet-${randomUUID()}`), await signInOn(a.user, `pc-${randomUUID()}`)];
    assert.deepEqual(expectOk(await call(sessions, { method: 'POST', path: '/v1/sessions/sign-out-others', token: a.token })), { signedOut: 2 });
    for (const other of others) {
      expectError(await refresh(other.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
      expectError(await me(other.accessToken), 401, 'UNAUTHENTICATED');
    }
    const left = await list(a.token);
    assert.deepEqual(left.map((session) => session.current), [true]);
    assert.deepEqual(expectOk(await call(sessions, { method: 'POST', path: '/v1/sessions/sign-out-others', token: a.token })), { signedOut: 0 });
  });
});

describe('a new device\'s first money movement', () => {
  test('the payment authorization refuses until the code to the bound phone is verified; wrong codes count', async () => {
    const a = await fundedCustomer('褚七星');
    const device = `new-${randomUUID()}`;
    const newPhone = await signInOn(a.user, device, { deviceModel: 'HUAWEI Mate 60' });
    const onNew = { ...a, token: newPhone.accessToken };
    expectError(await withdraw(onNew, 500), 403, 'DEVICE_VERIFICATION_REQUIRED');
    assert.equal(await balanceFen(a), 10_000, 'nothing moved');
    // The sign-in on a device never seen is a security message, with the device and the place.
    const [signInMessage] = await securityMessages(a.customerId);
    assert.equal(signInMessage?.kind, 'NEW_DEVICE_SIGN_IN');
    assert.match(signInMessage!.body, /HUAWEI Mate 60 · 127\.0\.0\.\*/);

    expectOk(await sendCode(newPhone.accessToken));
    const code = await latestCode(a.phone);
    // Wrong codes are counted: two leave one try on this code, the third spends it.
    for (const left of [2, 1]) {
      const refused = await verify(newPhone.accessToken, wrongCode(code));
      expectError(refused, 422, 'SMS_CODE_INVALID');
      assert.match(refused.body.error.message, new RegExp(`还可尝试 ${left} 次`));
    }
    expectError(await verify(newPhone.accessToken, wrongCode(code)), 422, 'SMS_CODE_INVALID');
    expectError(await verify(newPhone.accessToken, code), 422, 'SMS_CODE_EXPIRED');
    expectError(await withdraw(onNew, 500), 403, 'DEVICE_VERIFICATION_REQUIRED');

    // A new code, right this time: a fresh access token trusted with money.
    await allowResend(a);
    expectOk(await sendCode(newPhone.accessToken));
    const verified = expectOk(await verify(newPhone.accessToken, await latestCode(a.phone)));
    expectOk(await withdraw({ ...a, token: verified.accessToken }, 500));
    assert.equal(await balanceFen(a), 9_500);
    // The session stays verified through a refresh, and the device is known at the next sign-in.
    const refreshed = expectOk(await refresh(newPhone.refreshToken));
    expectOk(await withdraw({ ...a, token: refreshed.accessToken }, 100));
    const later = await signInOn(a.user, device);
    expectOk(await withdraw({ ...a, token: later.accessToken }, 100));
    expectError(await sendCode(later.accessToken), 409, 'DEVICE_ALREADY_VERIFIED');
  });

  test('five wrong codes lock the check for a day, shared with the identity check', async () => {
    const a = await fundedCustomer('卫八方');
    const newPhone = await signInOn(a.user, `new-${randomUUID()}`);
    expectOk(await sendCode(newPhone.accessToken));
    const first = await latestCode(a.phone);
    for (let n = 0; n < 3; n++) expectError(await verify(newPhone.accessToken, wrongCode(first)), 422, 'SMS_CODE_INVALID');
    await allowResend(a);
    expectOk(await sendCode(newPhone.accessToken));
    const second = await latestCode(a.phone);
    expectError(await verify(newPhone.accessToken, wrongCode(second)), 422, 'SMS_CODE_INVALID');
    // The fifth wrong answer locks: then the right code no longer helps, nor a new one.
    expectError(await verify(newPhone.accessToken, wrongCode(second)), 423, 'PIN_RESET_LOCKED');
    expectError(await verify(newPhone.accessToken, second), 423, 'PIN_RESET_LOCKED');
    expectError(await call(pinReset, { method: 'POST', path: '/v1/me/pin-reset/code', token: a.token, body: {} }), 423, 'PIN_RESET_LOCKED');
    expectError(await sendCode(newPhone.accessToken), 423, 'PIN_RESET_LOCKED');
    expectError(await withdraw({ ...a, token: newPhone.accessToken }, 100), 403, 'DEVICE_VERIFICATION_REQUIRED');
  });

  test('a known device is never asked: the first device, again and again', async () => {
    const a = await fundedCustomer('蒋九州');
    const again = await signInOn(a.user, deviceOf(a.user));
    expectOk(await withdraw({ ...a, token: again.accessToken }, 100));
    expectError(await sendCode(again.accessToken), 409, 'DEVICE_ALREADY_VERIFIED');
    assert.ok(!(await securityMessages(a.customerId)).some((m) => m.kind === 'NEW_DEVICE_SIGN_IN'), 'a known device is no news');
    // A sign-in naming no device is a device never seen.
    const code = expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user: a.user } }));
    const anonymous = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: code.code } }));
    expectError(await withdraw({ ...a, token: anonymous.accessToken }, 100), 403, 'DEVICE_VERIFICATION_REQUIRED');
    // 忘记支付密码 checks its own code to the bound phone: its nonce is not held back.
    const reset = { realName: a.name, idNumber: a.idNumber, cardNumber: a.cardNumber, smsCode: '123456' };
    assert.ok((await authorize(anonymous.accessToken, '/v1/me/pin-reset', reset)).nonce);
  });
});
