// Bad input of every kind gets a clear 4xx in the error shape, with a Chinese message, and
// changes nothing in the database.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { handler as paymentAuthorizations } from '../../functions/http/payment-authorizations.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { balanceFen, type Onboarded, onboard, topUp } from '../support/customers.js';
import { expectClientError, expectError, expectOk } from '../support/expect.js';
import { type Item, scanTable } from '../support/ledger-check.js';
import type { PinSecondFactor } from '../../functions/contract/second-factor-schemas.js';
import { authorize, confirmed, encryptPin, secondFactorFor } from '../support/second-factor.js';

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
  /** May ask for a nonce first: asking writes nothing. */
  options: () => CallOptions | Promise<CallOptions>;
  /** Expected status and code; omitted means any 4xx other than 401. */
  expect?: [number, string];
}

/** Sends each case, checks the answer, and checks the table is exactly as before. */
async function expectAllRefused(cases: BadCase[]) {
  const before = sorted(await scanTable());
  for (const c of cases) {
    const res = await call(c.handler, await c.options());
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
/** A top-up body with a good second factor asked for exactly that body: only the body is wrong. */
const confirmedTopUp = (body: Record<string, unknown>, extra: Partial<CallOptions> = {}) => async (): Promise<CallOptions> =>
  topUpWith(await confirmed(a.token, '/v1/account/top-up', body, a.pin), extra)();
/** A top-up with this second factor (a good nonce and cipher for `{ amountFen: 100 }` unless replaced). */
const topUpFactor = (factor: (good: { nonce: string; pinCipher: string }) => unknown) => async (): Promise<CallOptions> =>
  topUpWith({ amountFen: 100, secondFactor: factor((await secondFactorFor(a.token, '/v1/account/top-up', { amountFen: 100 }, a.pin)) as PinSecondFactor) })();
/** A raw top-up body: `raw(secondFactorJson)` with a good second factor for `{ amountFen: 100 }`. */
const rawTopUp = (raw: (factor: string) => string, extra: Partial<CallOptions> = {}) => async (): Promise<CallOptions> =>
  topUpWith(undefined, { rawBody: raw(JSON.stringify(await secondFactorFor(a.token, '/v1/account/top-up', { amountFen: 100 }, a.pin))), ...extra })();
/** A transfer body with a good second factor: asked for exactly that body, or — where the bank
 *  refuses to issue one for it (a bad phone, too big a body) — for the same transfer done right. */
const transferWith = (body: Record<string, unknown>) => async (): Promise<CallOptions> => {
  const sent = { toPhone: b.phone, amountFen: 100, ...body };
  const asked = await call(paymentAuthorizations, { method: 'POST', path: '/v1/payment-authorizations', token: a.token, body: { method: 'POST', path: '/v1/account/transfer', body: sent } });
  const secondFactor = asked.status === 200
    ? { nonce: asked.body.nonce, pinCipher: encryptPin(asked.body, a.pin) }
    : await secondFactorFor(a.token, '/v1/account/transfer', { toPhone: b.phone, amountFen: 100 }, a.pin);
  return { method: 'POST', path: '/v1/account/transfer', token: a.token, idempotencyKey: randomUUID(), body: { ...sent, secondFactor } };
};
/** Asking for a nonce for this transfer body. */
const authorizeTransfer = (body: Record<string, unknown>) => (): CallOptions => ({
  method: 'POST', path: '/v1/payment-authorizations', token: a.token, body: { method: 'POST', path: '/v1/account/transfer', body: { toPhone: b.phone, amountFen: 100, ...body } },
});

describe('amounts', () => {
  before(customers);

  test('fractional, zero, negative, huge, unsafe, string and missing amounts are 400', async () => {
    const amounts: unknown[] = [100.5, 0.01, 0, -1, -100, 100_000_001, 1e20, 2 ** 53, Number.MAX_SAFE_INTEGER, '100', '1e2', null, true, [100], { fen: 100 }];
    await expectAllRefused([
      ...amounts.map((amountFen) => ({ what: `amount ${JSON.stringify(amountFen)}`, handler: account, options: confirmedTopUp({ amountFen }), expect: [400, 'VALIDATION_FAILED'] as [number, string] })),
      ...amounts.map((amountFen) => ({ what: `transfer ${JSON.stringify(amountFen)}`, handler: account, options: transferWith({ amountFen }), expect: [400, 'VALIDATION_FAILED'] as [number, string] })),
      { what: 'missing amount', handler: account, options: confirmedTopUp({}), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'amount as a huge literal', handler: account, options: rawTopUp((factor) => `{"amountFen": 1${'0'.repeat(400)}, "secondFactor": ${factor}}`), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'amount as NaN literal', handler: account, options: rawTopUp((factor) => `{"amountFen": NaN, "secondFactor": ${factor}}`) },
    ]);
  });

  test('the validation message names the field', async () => {
    const res = await call(account, await confirmedTopUp({ amountFen: 1.5 })());
    expectError(res, 400, 'VALIDATION_FAILED');
    assert.match(res.body.error.message, /amountFen/);
  });
});

describe('body shape', () => {
  before(customers);

  test('malformed JSON, wrong content type, non-objects and extra fields are refused', async () => {
    await expectAllRefused([
      { what: 'truncated JSON', handler: account, options: topUpWith(undefined, { rawBody: '{"amountFen": 100,' }), expect: [400, 'MALFORMED_JSON'] },
      { what: 'not JSON', handler: account, options: topUpWith(undefined, { rawBody: 'amountFen=100&secondFactor=x' }), expect: [400, 'MALFORMED_JSON'] },
      { what: 'single quotes', handler: account, options: topUpWith(undefined, { rawBody: "{'amountFen': 100}" }) },
      { what: 'text/plain', handler: account, options: confirmedTopUp({ amountFen: 100 }, { headers: { 'content-type': 'text/plain' } }), expect: [415, 'UNSUPPORTED_MEDIA_TYPE'] },
      { what: 'form', handler: account, options: topUpWith(undefined, { rawBody: 'amountFen=100', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), expect: [415, 'UNSUPPORTED_MEDIA_TYPE'] },
      { what: 'no content type', handler: account, options: topUpWith(undefined, { rawBody: '{"amountFen":100}', headers: { 'content-type': '' } }) },
      { what: 'JSON null', handler: account, options: topUpWith(null), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'JSON array', handler: account, options: async () => topUpWith([await confirmed(a.token, '/v1/account/top-up', { amountFen: 100 }, a.pin)])(), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'JSON string', handler: account, options: topUpWith('amountFen'), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'empty object', handler: account, options: topUpWith({}), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra field', handler: account, options: confirmedTopUp({ amountFen: 100, currency: 'CNY' }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra __proto__', handler: account, options: rawTopUp((factor) => `{"amountFen":100,"secondFactor":${factor},"__proto__":{"admin":true}}`), expect: [400, 'MALFORMED_JSON'] },
      { what: 'extra field on transfer', handler: account, options: transferWith({ fromAccountId: b.accountId }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'extra field on sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', body: { code: 'sim-login.x', openid: 'o123' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'no body on sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', headers: { 'content-type': 'application/json' } }) },
    ]);
  });

  test('a missing or malformed second factor is 400 and nothing is written (no key held, no attempt counted)', async () => {
    const cases: [string, (good: { nonce: string; pinCipher: string }) => unknown][] = [
      ['no second factor', () => undefined],
      ['second factor null', () => null],
      ['second factor as a string', (good) => `${good.nonce}:${good.pinCipher}`],
      ['second factor as an array', (good) => [good.nonce, good.pinCipher]],
      ['no nonce', (good) => ({ pinCipher: good.pinCipher })],
      ['no cipher', (good) => ({ nonce: good.nonce })],
      ['nonce as a number', (good) => ({ ...good, nonce: 1234567890123456789 })],
      ['nonce not in the issued form', (good) => ({ ...good, nonce: `v2${good.nonce.slice(2)}` })],
      ['nonce with a character outside base64url', (good) => ({ ...good, nonce: `${good.nonce}+` })],
      ['nonce of 1025 characters', (good) => ({ ...good, nonce: `v1.${'a'.repeat(1020)}.b` })],
      ['nonce too short', () => ({ nonce: 'v1.a.b', pinCipher: 'ab'.repeat(100) })],
      ['cipher as a number', (good) => ({ ...good, pinCipher: 1234 })],
      ['cipher in capitals', (good) => ({ ...good, pinCipher: good.pinCipher.toUpperCase() })],
      ['cipher with letters beyond hex', (good) => ({ ...good, pinCipher: `${good.pinCipher.slice(0, -1)}g` })],
      ['cipher as base64', (good) => ({ ...good, pinCipher: Buffer.from(good.pinCipher, 'hex').toString('base64') })],
      ['cipher shorter than a point and a digest', (good) => ({ ...good, pinCipher: good.pinCipher.slice(0, 192) })],
      ['cipher of 1025 characters', (good) => ({ ...good, pinCipher: `${good.pinCipher}${'0'.repeat(1025 - good.pinCipher.length)}` })],
      ['the PIN in clear beside the second factor', (good) => ({ ...good, pin: a.pin })],
      ['an extra field in the second factor', (good) => ({ ...good, challenge: 'x' })],
    ];
    await expectAllRefused([
      ...cases.map(([what, factor]) => ({ what, handler: account, options: topUpFactor(factor), expect: [400, 'VALIDATION_FAILED'] as [number, string] })),
      // The clear PIN of before is no longer a field at all.
      { what: 'the PIN in clear instead', handler: account, options: topUpWith({ amountFen: 100, pin: a.pin }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'the PIN in clear beside it', handler: account, options: confirmedTopUp({ amountFen: 100, pin: a.pin }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'malformed second factor on a transfer', handler: account, options: async () => {
        const options = await transferWith({})();
        const body = options.body as { secondFactor: { nonce: string; pinCipher: string } };
        return { ...options, body: { ...body, secondFactor: { ...body.secondFactor, pinCipher: 'zz' } } };
      }, expect: [400, 'VALIDATION_FAILED'] },
    ]);
  });

  test('a well-formed second factor that is not good is 403 and nothing is written', async () => {
    const path = '/v1/account/top-up';
    const forged = async () => {
      const { nonce, pinCipher } = (await secondFactorFor(a.token, path, { amountFen: 100 }, a.pin)) as PinSecondFactor;
      const [v, payload, mac] = nonce.split('.') as [string, string, string];
      return { nonce: `${v}.${payload}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`, pinCipher };
    };
    await expectAllRefused([
      { what: 'forged nonce signature', handler: account, options: async () => topUpWith({ amountFen: 100, secondFactor: await forged() })(), expect: [403, 'NONCE_INVALID'] },
      { what: 'nonce for another amount', handler: account, options: async () => topUpWith({ amountFen: 100, secondFactor: await secondFactorFor(a.token, path, { amountFen: 101 }, a.pin) })(), expect: [403, 'NONCE_MISMATCH'] },
      { what: 'nonce for another route', handler: account, options: async () => topUpWith({ amountFen: 100, secondFactor: await secondFactorFor(a.token, '/v1/account/withdraw', { amountFen: 100 }, a.pin) })(), expect: [403, 'NONCE_MISMATCH'] },
      { what: 'hex that is no cipher', handler: account, options: topUpFactor((good) => ({ ...good, pinCipher: '04'.repeat(150) })), expect: [403, 'PIN_CIPHER_INVALID'] },
      { what: 'cipher with a flipped byte', handler: account, options: topUpFactor((good) => ({ ...good, pinCipher: `${good.pinCipher.slice(0, -2)}${good.pinCipher.endsWith('00') ? '11' : '00'}` })), expect: [403, 'PIN_CIPHER_INVALID'] },
      { what: 'cipher for another challenge', handler: account, options: async () => {
        const [asked, other] = [await authorize(a.token, path, { amountFen: 100 }), await authorize(a.token, path, { amountFen: 100 })];
        return topUpWith({ amountFen: 100, secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, a.pin, { challenge: other.challenge }) } })();
      }, expect: [403, 'PIN_CIPHER_INVALID'] },
      { what: 'a PIN of five digits, encrypted', handler: account, options: async () => {
        const asked = await authorize(a.token, path, { amountFen: 100 });
        return topUpWith({ amountFen: 100, secondFactor: { nonce: asked.nonce, pinCipher: encryptPin(asked, a.pin.slice(1)) } })();
      }, expect: [403, 'PIN_CIPHER_INVALID'] },
    ]);
  });

  test('overlong strings are refused', async () => {
    await expectAllRefused([
      { what: 'memo of 21 characters', handler: account, options: transferWith({ memo: '饭'.repeat(21) }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'phone of 12 digits', handler: account, options: transferWith({ toPhone: `${b.phone}1` }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'a nonce for a phone of 12 digits', handler: paymentAuthorizations, options: authorizeTransfer({ toPhone: `${b.phone}1` }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'name of 31 characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, body: { name: '张'.repeat(31), idNumber: '11010519491231002X' } }), expect: [400, 'VALIDATION_FAILED'] },
      { what: 'name of 31 characters beyond the basic plane', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, body: { name: '𠮷'.repeat(31), idNumber: '11010519491231002X' } }), expect: [400, 'VALIDATION_FAILED'] },
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
    const big = (bytes: number) => ({ toPhone: b.phone, amountFen: 100, memo: 'x'.repeat(bytes) });
    await expectAllRefused([
      { what: '17 KB transfer', handler: account, options: transferWith(big(17 * 1024)), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: 'a nonce for a 17 KB transfer', handler: paymentAuthorizations, options: authorizeTransfer(big(17 * 1024)), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: '1 MB sign-in', handler: auth, options: () => ({ method: 'POST', path: '/v1/auth/wechat', rawBody: JSON.stringify({ code: 'c'.repeat(1024 * 1024) }) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: '16 KB of multibyte characters', handler: customer, options: () => ({ method: 'POST', path: '/v1/me/real-name', token: b.token, rawBody: JSON.stringify({ name: '张'.repeat(6_000), idNumber: '11010519491231002X' }) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
      { what: 'oversized body with a wrong token', handler: account, options: () => ({ method: 'POST', path: '/v1/account/top-up', token: 'x'.repeat(40), idempotencyKey: randomUUID(), rawBody: JSON.stringify(big(20 * 1024)) }), expect: [413, 'PAYLOAD_TOO_LARGE'] },
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

  test('after all that, the same customer can still move money, with no wrong attempt counted', async () => {
    expectOk(await topUp(a, 1));
    assert.equal(await balanceFen(a), 10_001);
    const wrong = await topUp({ ...a, pin: a.pin === '000123' ? '000124' : '000123' }, 1);
    expectError(wrong, 403, 'PIN_INCORRECT');
    assert.match(wrong.body.error.message, /4 次/);
  });
});
