// Who may see what: every customer route needs a token, a token shows only its own customer's
// data, unknown routes answer 404 in the error shape, and the simulator exists only locally.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { resetConfigForTests } from '../../functions/config.js';
import { openApiDocument } from '../../functions/contract/openapi.js';
import { routes, type RouteSpec } from '../../functions/contract/routes.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as meta } from '../../functions/http/meta.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { call, useBank } from '../support/bank.js';
import { deployedHandlers } from '../support/deployed.js';
import { examplePath } from '../support/examples.js';
import { type Onboarded, onboard, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { confirmed } from '../support/second-factor.js';

useBank();

describe('routing', () => {
  test('every route in the contract is served by the function serverless.yml gives it', async () => {
    const deployed = await deployedHandlers();
    for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
      const handler = deployed.get(`${spec.method} ${spec.path}`);
      assert.ok(handler, `${name} is not deployed`);
      // Path ids are well-formed but name nothing: a public route may answer its own 404 for them.
      const res = await call(handler, { method: spec.method, path: examplePath(name, spec), ...(spec.body ? { body: {} } : {}) });
      assert.notEqual(res.body?.error?.code, 'NOT_FOUND', `${name}: ${JSON.stringify(res.body)}`);
      // A partner's request is refused for its missing signature; every other for its missing token.
      if (spec.auth === 'partner') expectError(res, 401, 'AUTHORIZATION_MALFORMED');
      else if (spec.auth !== 'none') expectError(res, 401, 'UNAUTHENTICATED');
      else assert.ok([200, 400, 404].includes(res.status), `${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });

  test('unknown paths and methods answer 4xx in the error shape', async () => {
    for (const handler of new Set((await deployedHandlers()).values())) {
      expectError(await call(handler, { method: 'GET', path: '/v1/nope' }), 404, 'NOT_FOUND');
      expectError(await call(handler, { method: 'GET', path: '/v2/account' }), 404, 'NOT_FOUND');
    }
    for (const [handler, method, path] of [[account, 'GET', '/v1/account/top-up'], [customer, 'DELETE', '/v1/me'], [auth, 'GET', '/v1/auth/wechat'], [account, 'PUT', '/v1/account']] as const) {
      const res = await call(handler, { method, path });
      assert.ok([404, 405].includes(res.status), `${method} ${path}: ${res.status}`);
      expectError(res, res.status, res.status === 404 ? 'NOT_FOUND' : 'METHOD_NOT_ALLOWED');
    }
  });

  test('health and the OpenAPI document are public', async () => {
    assert.deepEqual(expectOk(await call(meta, { method: 'GET', path: '/v1/health' })), { ok: true });
    const served = expectOk(await call(meta, { method: 'GET', path: '/v1/openapi.json' }));
    assert.deepEqual(served, JSON.parse(JSON.stringify(openApiDocument())));
    // The partners' own document, served beside it.
    const partners = expectOk(await call(meta, { method: 'GET', path: '/v1/open/openapi.json' }));
    assert.deepEqual(Object.keys(partners.paths).sort(), Object.keys(served.paths).filter((path) => path.startsWith('/v1/open/') && path !== '/v1/open/openapi.json').sort());
  });

  test('the WeChat simulator answers 404 once the real WeChat API is configured', async () => {
    const saved = process.env.WECHAT_MODE;
    try {
      process.env.WECHAT_MODE = 'real';
      resetConfigForTests();
      expectError(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user: 'mallory' } }), 404, 'NOT_FOUND');
      expectError(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone: '13812341234' } }), 404, 'NOT_FOUND');
    } finally {
      process.env.WECHAT_MODE = saved;
      resetConfigForTests();
    }
    expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user: 'mallory' } }));
  });
});

describe('one customer never sees another\'s data', () => {
  let a: Onboarded;
  let b: Onboarded;
  const bJournals: string[] = [];
  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '张三' }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 5_000));
    for (const res of [await topUp(b, 9_000), await withdraw(b, 1_000), await transfer(b, a, 700)]) bJournals.push(expectOk(res).journalId);
  });

  test('A\'s profile, account and history name only A', async () => {
    const views = [
      expectOk(await call(customer, { method: 'GET', path: '/v1/me', token: a.token })),
      expectOk(await call(account, { method: 'GET', path: '/v1/account', token: a.token })),
      expectOk(await call(account, { method: 'GET', path: '/v1/account/history', token: a.token })),
    ];
    assert.equal(views[0].customerId, a.customerId);
    assert.equal(views[1].accountId, a.accountId);
    assert.equal(views[1].balanceFen, 5_700);
    const text = JSON.stringify(views);
    for (const secret of [b.customerId, b.accountId, b.phone, b.name, b.idNumber, b.cardNumber, b.cardNumber.slice(-4)]) {
      assert.ok(!text.includes(secret), `A saw ${secret}`);
    }
    const history = views[2].items as { journalId: string; amountFen: number; counterparty: string }[];
    assert.deepEqual(history.map((i) => i.amountFen), [700, 5_000]);
    // B's own top-up and withdrawal are not in A's history; the transfer shows only B's masked name.
    assert.ok(!history.some((i) => bJournals.slice(0, 2).includes(i.journalId)));
    assert.equal(history[0]!.counterparty, '李*');
  });

  test('B\'s history holds only B\'s movements', async () => {
    const items = expectOk(await call(account, { method: 'GET', path: '/v1/account/history', token: b.token })).items;
    assert.deepEqual(items.map((i: { journalId: string }) => i.journalId), [...bJournals].reverse());
    assert.deepEqual(items.map((i: { amountFen: number }) => i.amountFen), [-700, -1_000, 9_000]);
  });

  test('a request body cannot name another customer\'s account', async () => {
    // Even confirmed by A's own PIN with a nonce asked for exactly this body.
    const body = await confirmed(a.token, '/v1/account/withdraw', { amountFen: 100, accountId: b.accountId }, a.pin);
    const res = await call(account, { method: 'POST', path: '/v1/account/withdraw', token: a.token, idempotencyKey: 'steal-from-b-0001', body });
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  test('header names are case-insensitive, as browsers and API Gateway send them', async () => {
    const me = await call(customer, { method: 'GET', path: '/v1/me', headers: { Authorization: `Bearer ${a.token}` } });
    assert.equal(expectOk(me).customerId, a.customerId);
    const up = await call(account, {
      method: 'POST',
      path: '/v1/account/top-up',
      rawBody: JSON.stringify(await confirmed(a.token, '/v1/account/top-up', { amountFen: 5 }, a.pin)),
      headers: { 'content-type': 'application/json; charset=utf-8', Authorization: `Bearer ${a.token}`, 'Idempotency-Key': 'mixed-case-key-0001' },
    });
    assert.equal(expectOk(up).amountFen, 5);
  });

  test('the same idempotency key under A and B gives each their own answer', async () => {
    const key = 'shared-key-000001';
    const fromA = expectOk(await topUp(a, 11, key));
    const fromB = expectOk(await topUp(b, 22, key));
    assert.notEqual(fromA.journalId, fromB.journalId);
    assert.equal(fromA.amountFen, 11);
    assert.equal(fromB.amountFen, 22);
  });
});

describe('privacy', () => {
  test('no response carried a customer\'s full phone, name, ID or card number', () => {
    assertNoPersonalDataInResponses();
  });
});
