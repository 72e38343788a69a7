// Sign-in with WeChat, access tokens, refresh-token rotation and sign-out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customer } from '../../functions/http/customer.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { issueAccessToken } from '../../functions/services/tokens.js';
import * as sessions from '../../functions/store/sessions.js';
import { call } from '../support/bank.js';
import { useBank } from '../support/bank.js';
import { signIn } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';

useBank();

const loginCode = async (user: string) => expectOk(await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } })).code as string;
const me = (token: string | undefined, headers: Record<string, string> = {}) =>
  call(customer, { method: 'GET', path: '/v1/me', ...(token ? { token } : {}), headers });
const refresh = (refreshToken: string) => call(auth, { method: 'POST', path: '/v1/auth/refresh', body: { refreshToken } });

describe('sign-in', () => {
  test('the first sign-in creates the customer; the same WeChat user signing in again gets the same one', async () => {
    const user = `u-${randomUUID()}`;
    const first = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: await loginCode(user) } }));
    const second = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: await loginCode(user) } }));
    assert.equal(second.me.customerId, first.me.customerId);
    assert.notEqual(second.refreshToken, first.refreshToken, 'each sign-in starts its own session');
    const other = await signIn(`u-${randomUUID()}`);
    assert.notEqual(other.customerId, first.me.customerId);

    const items = await scanTable();
    const profiles = items.filter((i) => i.type === 'CUSTOMER' && i.customerId === first.me.customerId);
    assert.equal(profiles.length, 1);
    assert.equal(items.filter((i) => i.type === 'OPENID' && i.customerId === first.me.customerId).length, 1);
  });

  test('a new customer starts with nothing done', async () => {
    const session = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: await loginCode(`u-${randomUUID()}`) } }));
    assert.deepEqual(
      { ...session.me, customerId: undefined },
      { customerId: undefined, phoneMasked: null, realName: null, pinSet: false, pinLockedUntil: null, soterEnrolled: null, account: null },
    );
    const now = Date.now();
    const accessExpiry = Date.parse(session.accessTokenExpiresAt) - now;
    const refreshExpiry = Date.parse(session.refreshTokenExpiresAt) - now;
    assert.ok(accessExpiry > 60_000 && accessExpiry <= 60 * 60_000, `access token lives ${accessExpiry} ms`);
    assert.ok(refreshExpiry > accessExpiry, 'the refresh token outlives the access token');
  });

  test('concurrent first sign-ins of one WeChat user create one customer', async () => {
    const user = `u-${randomUUID()}`;
    const codes = await Promise.all(Array.from({ length: 4 }, () => loginCode(user)));
    const sessions = await Promise.all(codes.map((code) => call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code } })));
    const ids = new Set(sessions.map((s) => expectOk(s).me.customerId));
    assert.equal(ids.size, 1);
  });

  test('a code WeChat rejects answers 401 and creates nobody', async () => {
    const before = (await scanTable()).length;
    expectError(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: 'sim-login.' } }), 401, 'WECHAT_CODE_INVALID');
    assert.equal((await scanTable()).length, before);
  });

  test('a missing or empty code is a 400', async () => {
    expectError(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: '' } }), 400, 'VALIDATION_FAILED');
    expectError(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: {} }), 400, 'VALIDATION_FAILED');
  });

  test('the response never carries the WeChat openid or session key', async () => {
    const user = `u-${randomUUID()}`;
    const res = await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: await loginCode(user) } });
    const openid = (await scanTable()).find((i) => i.type === 'CUSTOMER' && i.customerId === res.body.me.customerId)?.openid as string;
    assert.ok(openid);
    assert.ok(!JSON.stringify(res.body).includes(openid));
    assert.ok(!/session_?key/i.test(JSON.stringify(res.body)));
  });
});

describe('access tokens', () => {
  test('a valid token reaches the customer', async () => {
    const session = await signIn();
    assert.equal(expectOk(await me(session.token)).customerId, session.customerId);
  });

  test('missing, malformed, tampered, expired or foreign tokens answer 401 UNAUTHENTICATED', async () => {
    const victim = await signIn();
    const attacker = await signIn();
    const [header, payload, signature] = attacker.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: victim.customerId })).toString('base64url');
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const secret = new TextEncoder().encode(process.env.JINLIN_JWT_SECRET);
    const past = new Date(Date.now() - 60 * 60_000);
    const sign = (build: (jwt: SignJWT) => SignJWT, key = secret) =>
      build(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(victim.customerId).setIssuedAt()).sign(key);

    const bad: [string, Record<string, string>][] = [
      ['no header', {}],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['not bearer', { authorization: `Basic ${attacker.token}` }],
      ['garbage', { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz' }],
      ['sub swapped, old signature', { authorization: `Bearer ${header}.${forgedPayload}.${signature}` }],
      ['signature flipped', { authorization: `Bearer ${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}` }],
      ['alg none', { authorization: `Bearer ${noneHeader}.${forgedPayload}.` }],
      ['expired', { authorization: `Bearer ${(await issueAccessToken(victim.customerId, past, { sessionId: randomUUID(), deviceVerified: true })).token}` }],
      ['other secret', { authorization: `Bearer ${await sign((j) => j.setIssuer('jinlin').setAudience('jinlin-customer').setExpirationTime('10m'), new TextEncoder().encode('x'.repeat(48)))}` }],
      ['wrong audience', { authorization: `Bearer ${await sign((j) => j.setIssuer('jinlin').setAudience('someone-else').setExpirationTime('10m'))}` }],
      ['wrong issuer', { authorization: `Bearer ${await sign((j) => j.setIssuer('not-jinlin').setAudience('jinlin-customer').setExpirationTime('10m'))}` }],
      ['no expiry', { authorization: `Bearer ${await sign((j) => j.setIssuer('jinlin').setAudience('jinlin-customer'))}` }],
    ];
    for (const [what, headers] of bad) {
      const res = await me(undefined, headers);
      assert.equal(res.status, 401, `${what}: ${JSON.stringify(res.body)}`);
      expectError(res, 401, 'UNAUTHENTICATED');
    }
    // The correctly signed control token with the same claims works, so the refusals above are
    // about what was wrong with each, not about the claims.
    const control = await sign((j) => j.setIssuer('jinlin').setAudience('jinlin-customer').setExpirationTime('10m'));
    assert.equal(expectOk(await me(control)).customerId, victim.customerId);
  });

  test('a valid token for a customer who does not exist is refused', async () => {
    const { token } = await issueAccessToken(randomUUID(), new Date(), { sessionId: randomUUID(), deviceVerified: true });
    expectError(await me(token), 401, 'UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  test('refresh rotates: the new pair works and the old refresh token is dead', async () => {
    const session = await signIn();
    const rotated = expectOk(await refresh(session.refreshToken));
    assert.notEqual(rotated.refreshToken, session.refreshToken);
    assert.equal(rotated.me.customerId, session.customerId);
    assert.equal(expectOk(await me(rotated.accessToken)).customerId, session.customerId);
    const again = expectOk(await refresh(rotated.refreshToken));
    assert.equal(again.me.customerId, session.customerId);
  });

  test('reusing a rotated refresh token fails and revokes the whole family', async () => {
    const session = await signIn();
    const rotated = expectOk(await refresh(session.refreshToken));
    expectError(await refresh(session.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
    // The thief may hold either token; after the reuse neither works.
    expectError(await refresh(rotated.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
  });

  test('a reuse revokes only that family, not the customer\'s other sessions', async () => {
    const user = `u-${randomUUID()}`;
    const phoneSession = await signIn(user);
    const laptopSession = await signIn(user);
    expectOk(await refresh(phoneSession.refreshToken));
    expectError(await refresh(phoneSession.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
    expectOk(await refresh(laptopSession.refreshToken));
  });

  test('two concurrent refreshes with one token: at most one wins', async () => {
    const session = await signIn();
    const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    const winners = results.filter((r) => r.status === 200);
    assert.ok(winners.length <= 1, JSON.stringify(results.map((r) => r.body)));
    for (const r of results) if (r.status !== 200) expectError(r, 401, 'REFRESH_TOKEN_INVALID');
  });

  test('an unknown refresh token answers 401; a too-short one 400', async () => {
    expectError(await refresh('x'.repeat(43)), 401, 'REFRESH_TOKEN_INVALID');
    expectError(await refresh('short'), 400, 'VALIDATION_FAILED');
  });

  test('sign-out revokes the refresh token and its rotations', async () => {
    const session = await signIn();
    const rotated = expectOk(await refresh(session.refreshToken));
    assert.deepEqual(expectOk(await call(auth, { method: 'POST', path: '/v1/auth/sign-out', body: { refreshToken: rotated.refreshToken } })), { ok: true });
    expectError(await refresh(rotated.refreshToken), 401, 'REFRESH_TOKEN_INVALID');
  });

  test('an expired refresh token is refused', async () => {
    const session = await signIn();
    const days = Number(process.env.REFRESH_TOKEN_DAYS ?? 30);
    assert.equal(await sessions.rotate(session.refreshToken, new Date(Date.now() + (days + 1) * 86_400_000), days, '未知'), undefined);
    // Still usable today.
    expectOk(await refresh(session.refreshToken));
  });

  test('sign-out with an unknown token is harmless', async () => {
    assert.deepEqual(expectOk(await call(auth, { method: 'POST', path: '/v1/auth/sign-out', body: { refreshToken: 'y'.repeat(43) } })), { ok: true });
  });

  test('refresh tokens are stored only as hashes', async () => {
    const session = await signIn();
    const table = JSON.stringify(await scanTable());
    assert.ok(!table.includes(session.refreshToken));
  });
});
