// The access matrix, generated from the route table (functions/contract/routes.ts): every route
// that needs a principal × every way of not being that principal. Customer routes: no token, an
// expired token (signed with the real key, exp in the past), a tampered signature or payload,
// `alg: none`, a token signed with another key, the wrong audience, no expiry — all 401 — and
// another customer's valid token, which can never reach the first customer's data (a request
// cannot name another customer: ids in paths answer 404, ids in bodies or queries are refused).
// Operator routes: no key, a wrong key, a customer token instead — all 401. No response carries
// the first customer's data. Staff (relationship manager) columns come with that role.
//
// Then: PIN lockout holds under concurrent guesses, and sign-out stops refreshing.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { type RouteSpec, routes } from '../../functions/contract/routes.js';
import { handler as accountHandler } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customerHandler } from '../../functions/http/customer.js';
import { call, type CallOptions, type CallResult, useBank } from '../support/bank.js';
import { type Onboarded, onboard, signIn, topUp, transfer, withdraw } from '../support/customers.js';
import { deployedHandlers, type Handler } from '../support/deployed.js';
import { exampleValue, requestSchemas } from '../support/examples.js';
import { expectError, expectOk } from '../support/expect.js';
import { errorShapeProblem, internalDetail } from '../support/leaks.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

let a: Onboarded;
let b: Onboarded;
let handlers: Map<string, Handler>;
/** Every answer given to anyone but A, with who asked. */
const notA: { who: string; route: string; res: CallResult; raw: string }[] = [];

const secret = () => new TextEncoder().encode(process.env.JINLIN_JWT_SECRET);
const sign = (claims: { sub?: string; iss?: string; aud?: string; exp?: number; iat?: number }, key = secret()) => {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' });
  if (claims.sub) jwt = jwt.setSubject(claims.sub);
  jwt = jwt.setIssuer(claims.iss ?? 'jinlin').setAudience(claims.aud ?? 'jinlin-customer').setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000));
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The ways of presenting A's identity without being A. Each must be refused with 401. */
async function forgeries(): Promise<Record<string, Record<string, string>>> {
  const now = Math.floor(Date.now() / 1000);
  const [header, payload, signature] = a.token.split('.') as [string, string, string];
  // A different character in the middle of the signature (the last one may carry unused bits).
  const mid = Math.floor(signature.length / 2);
  const flipped = signature.slice(0, mid) + (signature[mid] === 'A' ? 'B' : 'A') + signature.slice(mid + 1);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    'no token': {},
    'expired token': bearer(await sign({ sub: a.customerId, exp: now - 60, iat: now - 960 })),
    'tampered signature': bearer(`${header}.${payload}.${flipped}`),
    'tampered payload': bearer(`${header}.${b64({ ...claims, sub: b.customerId })}.${signature}`),
    'alg none': bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`),
    'another key': bearer(await sign({ sub: a.customerId, exp: now + 600 }, new TextEncoder().encode('x'.repeat(48)))),
    'wrong audience': bearer(await sign({ sub: a.customerId, exp: now + 600, aud: 'jinlin-staff' })),
    'no expiry': bearer(await sign({ sub: a.customerId })),
    'not a bearer token': { authorization: `Basic ${Buffer.from(`${a.customerId}:${a.pin}`).toString('base64')}` },
  };
}

/** The path with its ids filled: ids of nobody (well-formed), since no request can carry A's. */
const pathOf = (spec: RouteSpec) => spec.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'loanId' ? `L${'7'.repeat(20)}` : `x-${name}`));

async function send(name: string, spec: RouteSpec, who: string, options: Partial<CallOptions>): Promise<CallResult> {
  const handler = handlers.get(`${spec.method} ${spec.path}`);
  assert.ok(handler, `${name} is not deployed`);
  const res = await call(handler, {
    method: spec.method,
    path: pathOf(spec),
    ...(spec.body ? { body: {} } : {}),
    ...(spec.idempotent ? { idempotencyKey: `matrix-${name}-${who.replace(/\W/g, '')}`.slice(0, 64) } : {}),
    ...options,
  });
  const raw = JSON.stringify(res.body ?? null);
  if (who !== 'A') notA.push({ who, route: name, res, raw });
  const leak = internalDetail(raw);
  assert.equal(leak, undefined, `${name} as ${who}: ${leak} in ${raw.slice(0, 300)}`);
  if (res.status >= 400) assert.equal(errorShapeProblem(raw), undefined, `${name} as ${who}: ${raw.slice(0, 300)}`);
  return res;
}

const protectedRoutes = () => (Object.entries(routes) as [string, RouteSpec][]).filter(([, spec]) => spec.auth !== 'none');

describe('the access matrix', () => {
  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 50_000));
    expectOk(await transfer(a, b, 1_000));
    expectOk(await withdraw(a, 2_000));
    handlers = await deployedHandlers();
  });

  test('every customer route × every forged or borrowed identity: 401, and nothing changes', async (t) => {
    const columns = await forgeries();
    const before = JSON.stringify(await scanTable());
    const rows: string[] = [];
    for (const [name, spec] of protectedRoutes().filter(([, s]) => s.auth === 'customer')) {
      const cells: string[] = [];
      for (const [column, headers] of Object.entries(columns)) {
        const res = await send(name, spec, column, { headers, ...(spec.body ? { body: {} } : {}) });
        expectError(res, 401, 'UNAUTHENTICATED');
        cells.push(`${column} ${res.status}`);
      }
      rows.push(`${spec.method} ${spec.path}: ${cells.join(', ')}`);
    }
    assert.equal(JSON.stringify(await scanTable()), before, 'a refused request changed the table');
    assert.ok(rows.length >= 10, `${rows.length} customer routes`);
    for (const row of rows) t.diagnostic(row);
  });

  test('another customer\'s token never reaches A: ids in paths are 404, ids in bodies and queries are refused, reads show only B', async (t) => {
    // Requests B could validly send (from the OpenAPI document), plus A's ids where one could go.
    const known = { pin: b.pin, currentPin: b.pin, toPhone: a.phone, phone: a.phone, name: '李四', idNumber: b.idNumber, cardNumber: b.cardNumber, memo: '午饭' };
    const naming = { customerId: a.customerId, accountId: a.accountId };
    for (const [name, spec] of protectedRoutes().filter(([, s]) => s.auth === 'customer')) {
      const schemas = requestSchemas(name, spec);
      const body = schemas.body ? (exampleValue('(body)', schemas.body, known) as Record<string, unknown>) : undefined;
      let res: CallResult;
      let expected: number;
      if (/\{\w+\}/.test(spec.path)) {
        // An id that is not B's answers exactly as one that does not exist.
        res = await send(name, spec, 'B', { token: b.token, ...(body ? { body } : {}) });
        expected = 404;
        expectError(res, 404, res.body?.error?.code);
      } else if (body) {
        // A body cannot name A's customer or account: unknown fields are refused, not ignored.
        res = await send(name, spec, 'B', { token: b.token, body: { ...body, ...naming } });
        expected = 400;
        expectError(res, 400, 'VALIDATION_FAILED');
      } else if (spec.query) {
        const query = Object.fromEntries(Object.entries(exampleValue('(query)', schemas.query!, known) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
        res = await send(name, spec, 'B', { token: b.token, query: { ...query, ...naming } });
        expected = 400;
        expectError(res, 400, 'VALIDATION_FAILED');
      } else {
        // A read with B's token is B's.
        res = await send(name, spec, 'B', { token: b.token });
        expected = 200;
        expectOk(res);
        const answer = res.body as Record<string, unknown>;
        if ('customerId' in answer) assert.equal(answer.customerId, b.customerId, name);
        if ('accountId' in answer) assert.equal(answer.accountId, b.accountId, name);
      }
      assert.equal(res.status, expected, `${name}: ${JSON.stringify(res.body)}`);
      t.diagnostic(`${spec.method} ${spec.path} with B's token: ${res.status} ${res.body?.error?.code ?? ''}`);
    }
    // B's own history shows A only as the masked counterparty of the transfer.
    const history = expectOk(await send('history', routes.history, 'B', { token: b.token }));
    assert.deepEqual(history.items.map((i: { counterparty: string }) => i.counterparty), ['张*']);
  });

  test('every operator route × {no key, a wrong key, a customer\'s token}: 401', async (t) => {
    const operatorRoutes = protectedRoutes().filter(([, s]) => s.auth === 'operator');
    if (operatorRoutes.length === 0) t.diagnostic('no operator routes yet');
    for (const [name, spec] of operatorRoutes) {
      const columns: Record<string, Record<string, string>> = {
        'no key': {},
        'wrong key': { 'x-operator-key': 'k'.repeat(48) },
        'empty key': { 'x-operator-key': '' },
        'a customer token': { authorization: `Bearer ${a.token}` },
      };
      for (const [column, headers] of Object.entries(columns)) {
        expectError(await send(name, spec, column, { headers }), 401, 'UNAUTHENTICATED');
      }
      t.diagnostic(`${spec.method} ${spec.path}: no key 401, wrong key 401, empty key 401, customer token 401`);
    }
  });

  test('no answer to anyone but A carried A\'s data', () => {
    assert.ok(notA.length > 20, `${notA.length} answers`);
    const secrets = [a.customerId, a.accountId, a.phone, a.name, a.idNumber, a.cardNumber];
    for (const { who, route, raw } of notA) {
      for (const value of secrets) assert.ok(!raw.includes(value), `${route} answered ${who} with A's ${value}`);
    }
  });
});

describe('PIN lockout under concurrent guesses', () => {
  const moneyWithPin = (who: Onboarded, pin: string, n: number) =>
    call(accountHandler, { method: 'POST', path: '/v1/account/top-up', token: who.token, idempotencyKey: `pin-guess-${who.customerId.slice(0, 8)}-${n}`, body: { amountFen: 100, pin } });
  const me = async (who: Onboarded) => expectOk(await call(customerHandler, { method: 'GET', path: '/v1/me', token: who.token }));

  test('10 wrong PINs at once: locked, and at most 5 counted', async (t) => {
    const c = await onboard({ name: '王五' });
    const wrong = c.pin === '246810' ? '975310' : '246810';
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => moneyWithPin(c, wrong, n)));
    const codes = results.map((r) => `${r.status} ${r.body?.error?.code}`);
    t.diagnostic(`answers: ${codes.sort().join(', ')}`);
    for (const r of results) assert.ok(['403 PIN_INCORRECT', '423 PIN_LOCKED'].includes(`${r.status} ${r.body?.error?.code}`), JSON.stringify(r.body));
    // Four are told "wrong", the fifth locks; the rest are answered PIN_LOCKED.
    assert.ok(codes.filter((x) => x.startsWith('403')).length <= 4, codes.join());
    assert.notEqual((await me(c)).pinLockedUntil, null, 'not locked after 10 wrong PINs');
    expectError(await moneyWithPin(c, c.pin, 99), 423, 'PIN_LOCKED');
    assert.equal((await me(c)).account.balanceFen, 0);
  });

  test('20 guesses at once, one of them right: no more than 5 are ever answered as checked', async () => {
    const d = await onboard({ name: '赵六' });
    const guesses = Array.from({ length: 20 }, (_, n) => (n === 13 ? d.pin : String(100_000 + n * 7_919).slice(0, 6)));
    const results = await Promise.all(guesses.map((pin, n) => moneyWithPin(d, pin, n)));
    const checked = results.filter((r) => r.status === 200 || r.body?.error?.code === 'PIN_INCORRECT').length;
    assert.ok(checked <= 5, `${checked} guesses were checked: ${results.map((r) => r.status).join(',')}`);
    for (const r of results) assert.ok([200, 403, 423].includes(r.status), JSON.stringify(r.body));
  });

  test('the lock holds for a PIN change too, and the right PIN resets a partial count', async () => {
    const e = await onboard({ name: '孙七' });
    for (let n = 0; n < 3; n++) expectError(await moneyWithPin(e, '000123', n), 403, 'PIN_INCORRECT');
    expectOk(await moneyWithPin(e, e.pin, 10));
    const res = await moneyWithPin(e, '000123', 11);
    expectError(res, 403, 'PIN_INCORRECT');
    assert.match(res.body.error.message, /4 次/);
  });
});

describe('sign-out', () => {
  test('revoked refresh tokens stop refreshing — the last one and every earlier one of the family', async () => {
    const session = await signIn();
    const first = session.refreshToken;
    const rotated = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: first } }));
    const second = rotated.refreshToken as string;
    expectOk(await call(auth, { method: 'POST', path: '/v1/auth/sign-out', body: { refreshToken: second } }));
    expectError(await call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: second } }), 401, 'REFRESH_TOKEN_INVALID');
    expectError(await call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: first } }), 401, 'REFRESH_TOKEN_INVALID');
    // Signing out twice is harmless; signing in again starts a new family.
    expectOk(await call(auth, { method: 'POST', path: '/v1/auth/sign-out', body: { refreshToken: second } }));
    const again = await signIn();
    expectOk(await call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: again.refreshToken } }));
  });

  test('concurrent refreshes with one token: at most one succeeds, and the family is then revoked', async () => {
    const session = await signIn();
    const results = await Promise.all(Array.from({ length: 5 }, () => call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: session.refreshToken } })));
    const winners = results.filter((r) => r.status === 200);
    assert.ok(winners.length <= 1, `${winners.length} refreshes succeeded`);
    for (const r of results) if (r.status !== 200) expectError(r, 401, 'REFRESH_TOKEN_INVALID');
  });
});
