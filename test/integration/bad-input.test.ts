// Bad input of every kind gets a clear 4xx in the error shape, with a Chinese message, and
// changes nothing in the database.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, topUp } from '../support/customers.js';
import { expectClientError, expectError, expectOk } from '../support/expect.js';
import { type Item, scanTable } from '../support/ledger-check.js';

useBank();

const sorted = (items: Item[]) => [...items].sort((x, y) => `${x.PK}|${x.SK}`.localeCompare(`${y.PK}|${y.SK}`));

let a: Onboarded;
let b: Onboarded;
let ready: Promise<void> | undefined;
const customers = () =>
  (ready ??= (async () => {
    [a, b] = await Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 10_000));
  })());

type Handler = Parameters<typeof call>[0];
interface BadCase {
  what: string;
  handler: Handler;
  options: () => CallOptions;
  /** Expected status and code; omitted means any 4xx other than 401. */
  expect?: [number, string];
}

/** Sends each case, checks the answer, and checks the table is exactly as before. */
async function expectAllRefused(cases: BadCase[]) {
  const before = sorted(await scanTable());
  for (const c of cases) {
    const res = await call(c.handler, c.options());
    if (c.expect) expectError(res, c.expect[0], c.expect[1]);
    else {
      const code = expectClientError(res);
      assert.notEqual(code, 'UNAUTHENTICATED', c.what);
    }
  }
  assert.deepEqual(sorted(await scanTable()), before, 'bad input changed the database');
}

const topUpWith = (body: unknown, extra: Partial<CallOptions> = {}) => (): CallOptions => ({
  method: 'POST', path: '/v1/account/top-up', token: a.token, idempotencyKey: randomUUID(), body, ...extra,
});
const transferWith = (body: Record<string, unknown>) => (): CallOptions => ({
  method: 'POST', path: '/v1/account/transfer', token: a.token, idempotencyKey: randomUUID(), body: { toPhone: b.phone, amountFen: 100, pin: a.pin, ...body },
});

describe('amounts', () => {
  before(customers);

  test('fractional, zero, negative, huge, unsafe, string and missing amounts are 400', async () => {
    const amounts: unknown[] = [100.5, 0.01, 0, -1, -100, 100_000_001, 1e20, 2 ** 53, Number.MAX_SAFE_INTEGER, '100', '1e2', null, true, [100], { fen: 100 }];
    await expectAllRefused([
      ...amounts.map((amountFen) => ({ what: `amount ${JSON.stringify(amountFen)}`, handler: account, options: topUpWith({ amountFen, pin: a.pin }), expect: [400, 'VALIDATION_FAILED'] as [number, string] })),
      ...amounts.map((amountFen) => ({ what: `transfer ${JSON.stringify(amountFen)}`, handler: account, options: transferWith({ amountFen }), expect: [400, 'VALIDATION_FAILED'] as [number, string] })),
      { what: 'missing amount', handler: account, options: topUpWith({ pin: a.pin }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'amount as a huge literal', handler: account, options: topUpWith(undefined, { rawBody: `{"amountFen": 1${'0'.repeat(400)}, "pin": "${a.pin}"}` }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'amount as NaN literal', handler: account, options: topUpWith(undefined, { rawBody: `{"amountFen": NaN, "pin": "${a.pin}"}` }) },
    ]);
  });

  test('the validation message names the field', async () => {
    const res = await call(account, topUpWith({ amountFen: 1.5, pin: a.pin })());
    expectError(res, 400, 'VALIDATION_FAILED');
    assert.match(res.body.error.message, /amountFen/);
  });
});

describe('body shape', () => {
  before(customers);

  test('malformed JSON, wrong content type, non-objects and extra fields are refused', async () => {
    await expectAllRefused([
      { what: 'truncated JSON', handler: account, options: topUpWith(undefined, { rawBody: '{"amountFen": 100,' }), expect: [400, 'MALFORMED_JSON'] },
      { what: 'not JSON', handler: account, options: topUpWith(undefined, { rawBody: 'amountFen=100&pin=135790' }), expect: [400, 'MALFORMED_JSON'] },
      { what: 'single quotes', handler: account, options: topUpWith(undefined, { rawBody: "{'amountFen': 100}" }) },
      { what: 'text/plain', handler: account, options: topUpWith({ amountFen: 100, pin: a.pin }, { headers: { 'content-type': 'text/plain' } }), expect: [415, 'UNSUPPORTED_MEDIA_TYPE'] },
      { what: 'form', handler: account, options: topUpWith(undefined, { rawBody: 'amountFen=100', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), expect: [415, 'UNSUPPORTED_MEDIA_TYPE'] },
      { what: 'no content type', handler: account, options: topUpWith(undefined, { rawBody: '{"amountFen":100}', headers: { 'content-type': '' } }) },
      { what: 'JSON null', handler: account, options: topUpWith(null), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'JSON array', handler: account, options: topUpWith([{ amountFen: 100, pin: a.pin }]), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'JSON string', handler: account, options: topUpWith('amountFen'), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'empty object', handler: account, options: topUpWith({}), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra field', handler: account, options: topUpWith({ amountFen: 100, pin: a.pin, currency: 'CNY' }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra __proto__', handler: account, options: topUpWith(undefined, { rawBody: `{"amountFen":100,"pin":"${a.pin}","__proto__":{"admin":true}}` }), expect: [400, 'MALFORMED_JSON'] },
      { what: 'extra field on transfer', handler: account, options: transferWith({ fromAccountId: b.accountId }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra field on sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', body: { code: 'sim-login.x', openid: 'o123' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'PIN as a number', handler: account, options: topUpWith({ amountFen: 100, pin: Number(a.pin) }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'PIN with letters', handler: account, options: topUpWith({ amountFen: 100, pin: '13579a' }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'no body on sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', headers: { 'content-type': 'application/json' } }) },
    ]);
  });

  test('overlong strings are refused', async () => {
    await expectAllRefused([
      { what: 'memo of 21 characters', handler: account, options: transferWith({ memo: '饭'.repeat(21) }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'phone of 12 digits', handler: account, options: transferWith({ toPhone: `${b.phone}1` }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'name of 21 characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, body: { name: '张'.repeat(21), idNumber: '11010519491231002X' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'ID of 19 characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, body: { name: '张三', idNumber: '11010519491231002X1' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'card of 20 digits', handler: account, options: () => ({ method: 'POST', path: '/v1/account', token: a.token, body: { cardNumber: '6'.repeat(20) } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'login code of 129 characters', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', body: { code: 'c'.repeat(129) } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'phone code of 129 characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/phone', token: a.token, body: { code: 'c'.repeat(129) } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'refresh token of 257 characters', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: 'r'.repeat(257) } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'simulated user of 65 characters', handler: simulator, options: () => ({ method: 'POST', path: '/v1/sim/wechat/login-code', body: { user: 'u'.repeat(65) } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'cursor of 201 characters', handler: account, options: () => ({ method: 'GET', path: '/v1/account/history', token: a.token, query: { cursor: 'c'.repeat(201) } }), expect: [400, 'VALIDATION_FAILED'] },
    ]);
  });

  test('a body over 16 KB is refused before it is parsed', async () => {
    const big = (bytes: number) => JSON.stringify({ toPhone: b.phone, amountFen: 100, pin: a.pin, memo: 'x'.repeat(bytes) });
    await expectAllRefused([
      { what: '17 KB transfer', handler: account, options: () => ({ method: 'POST', path: '/v1/account/transfer', token: a.token, idempotencyKey: randomUUID(), rawBody: big(17 * 1024) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: '1 MB sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', rawBody: JSON.stringify({ code: 'c'.repeat(1024 * 1024) }) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: '16 KB of multibyte characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, rawBody: JSON.stringify({ name: '张'.repeat(6_000), idNumber: '11010519491231002X' }) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: 'oversized body with a wrong token', handler: account, options: () => ({ method: 'POST', path: '/v1/account/top-up', token: 'x'.repeat(40), idempotencyKey: randomUUID(), rawBody: big(20 * 1024) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
    ]);
  });

  test('bad query strings are refused', async () => {
    await expectAllRefused([
      { what: 'unknown query parameter', handler: account, options: () => ({ method: 'GET', path: '/v1/account/history', token: a.token, query: { limit: '5', accountId: b.accountId } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'limit not a number', handler: account, options: () => ({ method: 'GET', path: '/v1/account/history', token: a.token, query: { limit: 'ten' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'limit fractional', handler: account, options: () => ({ method: 'GET', path: '/v1/account/history', token: a.token, query: { limit: '2.5' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'payee without phone', handler: account, options: () => ({ method: 'GET', path: '/v1/account/payee', token: a.token }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'payee with a landline', handler: account, options: () => ({ method: 'GET', path: '/v1/account/payee', token: a.token, query: { phone: '01012345678' } }), expect: [400, 'VALIDATION_FAILED'] },
    ]);
  });

  test('after all that, the same customer can still move money', async () => {
    expectOk(await topUp(a, 1));
    assert.equal(await balanceFen(a), 10_001);
  });
});
