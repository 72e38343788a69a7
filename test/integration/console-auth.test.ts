// Operators of the console: the two-step sign-in (password, then a TOTP code), the answers that
// must not tell logins apart, lockout, replayed codes, sign-out and deactivation ending a token at
// once, tokens of other kinds refused both ways — and the role × route matrix, generated from the
// contract: every console route (`auth: 'console'`, with its `permission`) × every role answers
// as domain/operator-roles.ts says, with 0 leaks; a route added later is in the matrix by being in
// the contract.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, demoTotpCode } from '../../functions/adapters/simulators/authenticator.js';
import { resetConfigForTests } from '../../functions/config.js';
import { consoleRoutes } from '../../functions/contract/console-routes.js';
import { type RouteSpec, routes } from '../../functions/contract/routes.js';
import { OPERATOR_ROLES, type OperatorRole, PERMISSION_NAMES, type Permission, ROLE_PERMISSIONS } from '../../functions/domain/operator-roles.js';
import { defineConsoleRoute } from '../../functions/http/console-route.js';
import { defineRoute, lambda } from '../../functions/http/route.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { beginSignIn, completeSignIn, deactivateOperator } from '../../functions/services/operators.js';
import { call, type CallResult, useBank } from '../support/bank.js';
import { onboard, type Onboarded } from '../support/customers.js';
import { deployedHandlers, type Handler } from '../support/deployed.js';
import { expectError, expectOk } from '../support/expect.js';
import { errorShapeProblem, internalDetail } from '../support/leaks.js';
import { newStaff, operatorHeaders, type Staff } from '../support/rm.js';
import { codeStep, consoleCall, newOperator, passwordStep, signInOperator, type TestOperator, totpCode } from '../support/operators.js';
import * as z from 'zod/mini';
import { seedOperators } from '../../scripts/lib/seed-operators.js';

useBank();

const me = (token?: string) => consoleCall({ method: 'GET', path: '/v1/console/me', ...(token ? { token } : {}) });
const signOut = (token: string) => consoleCall({ method: 'POST', path: '/v1/console/sign-out', token });
const MINUTE_MS = 60_000;

describe('sign-in', () => {
  test('password, then the authenticator code: a session whose token shows the operator, roles and permissions', async () => {
    const who = await newOperator(['PRODUCT_MANAGER', 'AUDITOR'], '李娜');
    const challenge = expectOk(await passwordStep(who.login, who.password));
    assert.match(challenge.challengeId, /^[A-Za-z0-9_-]{43}$/);
    const challengeMinutes = (Date.parse(challenge.expiresAt) - Date.now()) / MINUTE_MS;
    assert.ok(challengeMinutes > 4 && challengeMinutes <= 5, `challenge lives ${challengeMinutes} min`);
    const session = expectOk(await codeStep(challenge.challengeId, totpCode(who)));
    const sessionMinutes = (Date.parse(session.expiresAt) - Date.now()) / MINUTE_MS;
    assert.ok(sessionMinutes > 14 && sessionMinutes <= 15, `session lives ${sessionMinutes} min`);
    const view = { operatorId: who.operatorId, login: who.login, displayName: '李娜', roles: ['PRODUCT_MANAGER', 'AUDITOR'], permissions: ['console.me', 'audit.read', 'changes.read', 'products.read', 'products.draft', 'products.approve', 'dayclose.read', 'reconciliation.read', 'dashboards.read', 'complaints.read', 'risk.rules.read', 'aml.alerts.read', 'partners.read', 'partners.draft'] };
    assert.deepEqual(session.operator, view);
    assert.deepEqual(expectOk(await me(session.accessToken)), view);
    // The token is a console token: its audience and the session it belongs to.
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());
    assert.equal(claims.aud, 'jinlin-console');
    assert.equal(claims.sub, who.operatorId);
    assert.equal(typeof claims.sid, 'string');
    assert.equal(claims.exp - claims.iat, 15 * 60);
  });

  test('a wrong password, an unknown login and a deactivated operator get the same answer', async () => {
    const who = await newOperator(['OPERATIONS']);
    const gone = await newOperator(['OPERATIONS']);
    await deactivateOperator(gone.operatorId, new Date());
    const answers = [
      await passwordStep(who.login, `${who.password}x`),
      await passwordStep('nobody.here', who.password),
      await passwordStep(gone.login, gone.password),
    ];
    for (const res of answers) expectError(res, 401, 'SIGN_IN_FAILED');
    assert.equal(new Set(answers.map((res) => JSON.stringify(res.body))).size, 1, JSON.stringify(answers));
    assert.equal(answers[0]!.body.error.message, '用户名或密码错误');
  });

  test('a wrong code is refused and the challenge stays for another try; a used, unknown or expired challenge is refused', async () => {
    const who = await newOperator(['CUSTOMER_SERVICE']);
    const { challengeId } = expectOk(await passwordStep(who.login, who.password));
    const right = totpCode(who);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expectError(await codeStep(challengeId, wrong), 401, 'TOTP_INCORRECT');
    // A code three steps ahead (90 s) is outside the window of one step either side.
    expectError(await codeStep(challengeId, totpCode(who, 3)), 401, 'TOTP_INCORRECT');
    expectOk(await codeStep(challengeId, right));
    expectError(await codeStep(challengeId, totpCode(who, 1)), 401, 'SIGN_IN_EXPIRED');
    expectError(await codeStep('A'.repeat(43), totpCode(who, 1)), 401, 'SIGN_IN_EXPIRED');
    const later = await beginSignIn(who.login, who.password, new Date());
    await assert.rejects(completeSignIn(later.challengeId, totpCode(who, 1), new Date(Date.now() + 6 * MINUTE_MS)), { code: 'SIGN_IN_EXPIRED' });
  });

  test('a code already used is refused, in its own step and after (replay)', async () => {
    const who = await newOperator(['AUDITOR']);
    const code = totpCode(who);
    const first = expectOk(await passwordStep(who.login, who.password));
    expectOk(await codeStep(first.challengeId, code));
    const second = expectOk(await passwordStep(who.login, who.password));
    expectError(await codeStep(second.challengeId, code), 401, 'TOTP_USED');
    // So is the code of the step before; the next step's code is still good.
    expectError(await codeStep(second.challengeId, totpCode(who, -1)), 401, 'TOTP_USED');
    expectOk(await codeStep(second.challengeId, totpCode(who, 1)));
  });

  test('two sign-ins racing with one code: one session', async () => {
    const who = await newOperator(['AUDITOR']);
    const challenges = [expectOk(await passwordStep(who.login, who.password)), expectOk(await passwordStep(who.login, who.password))];
    const code = totpCode(who);
    const answers = await Promise.all(challenges.map((c) => codeStep(c.challengeId, code)));
    assert.equal(answers.filter((res) => res.status === 200).length, 1, JSON.stringify(answers.map((res) => res.body)));
    for (const res of answers) if (res.status !== 200) expectError(res, 401, 'TOTP_USED');
  });
});

describe('lockout', () => {
  test('5 wrong passwords in a row lock for 30 minutes (423 with the time), even against the right password', async () => {
    const who = await newOperator(['OPERATIONS']);
    for (let n = 0; n < 4; n++) expectError(await passwordStep(who.login, `wrong-${n}-password`), 401, 'SIGN_IN_FAILED');
    const fifth = await passwordStep(who.login, 'wrong-4-password');
    expectError(fifth, 423, 'OPERATOR_LOCKED');
    const unlockAt = new Date(Date.now() + 30 * MINUTE_MS + 8 * 60 * MINUTE_MS);
    assert.match(fifth.body.error.message, new RegExp(unlockAt.toISOString().slice(0, 10)));
    expectError(await passwordStep(who.login, who.password), 423, 'OPERATOR_LOCKED');
    // 31 minutes later the right password works again.
    const later = await beginSignIn(who.login, who.password, new Date(Date.now() + 31 * MINUTE_MS));
    assert.ok(later.challengeId);
  });

  test('wrong passwords and wrong codes count together, and a right password does not start a new count', async () => {
    const who = await newOperator(['OPERATIONS']);
    for (let n = 0; n < 2; n++) expectError(await passwordStep(who.login, `wrong-${n}-password`), 401, 'SIGN_IN_FAILED');
    const { challengeId } = expectOk(await passwordStep(who.login, who.password));
    const wrong = String((Number(totpCode(who)) + 500_000) % 1_000_000).padStart(6, '0');
    expectError(await codeStep(challengeId, wrong), 401, 'TOTP_INCORRECT');
    expectError(await codeStep(challengeId, wrong), 401, 'TOTP_INCORRECT');
    expectError(await codeStep(challengeId, wrong), 423, 'OPERATOR_LOCKED');
    // Locked: not even the right code opens a session now.
    expectError(await codeStep(challengeId, totpCode(who)), 423, 'OPERATOR_LOCKED');
  });

  test('a completed sign-in starts a new count', async () => {
    const who = await newOperator(['OPERATIONS']);
    for (let n = 0; n < 4; n++) expectError(await passwordStep(who.login, `wrong-${n}-password`), 401, 'SIGN_IN_FAILED');
    await signInOperator(who);
    for (let n = 0; n < 4; n++) expectError(await passwordStep(who.login, `wrong-${n}-password`), 401, 'SIGN_IN_FAILED');
  });
});

describe('a token stops working at once', () => {
  test('sign-out', async () => {
    const who = await newOperator(['CUSTOMER_SERVICE']);
    const { accessToken } = await signInOperator(who);
    expectOk(await me(accessToken));
    assert.deepEqual(expectOk(await signOut(accessToken)), { signedOut: true });
    expectError(await me(accessToken), 401, 'UNAUTHENTICATED');
    expectError(await signOut(accessToken), 401, 'UNAUTHENTICATED');
  });

  test('signing out one session leaves the operator\'s other session alone', async () => {
    const who = await newOperator(['CUSTOMER_SERVICE']);
    const first = await signInOperator(who);
    const second = await signInOperator(who, 1);
    expectOk(await signOut(first.accessToken));
    expectOk(await me(second.accessToken));
  });

  test('deactivation: the token, and the next sign-in', async () => {
    const who = await newOperator(['RISK_OFFICER']);
    const { accessToken } = await signInOperator(who);
    expectOk(await me(accessToken));
    await deactivateOperator(who.operatorId, new Date());
    expectError(await me(accessToken), 401, 'UNAUTHENTICATED');
    expectError(await passwordStep(who.login, who.password), 401, 'SIGN_IN_FAILED');
  });

  test('deactivation between the two steps: the challenge is dead', async () => {
    const who = await newOperator(['RISK_OFFICER']);
    const { challengeId } = expectOk(await passwordStep(who.login, who.password));
    await deactivateOperator(who.operatorId, new Date());
    expectError(await codeStep(challengeId, totpCode(who)), 401, 'SIGN_IN_EXPIRED');
  });
});

describe('tokens of other kinds', () => {
  let customer: Onboarded;
  let staff: Staff;
  let operator: TestOperator;
  let consoleToken: string;
  let handlers: Map<string, Handler>;

  before(async () => {
    customer = await onboard({ name: '张三' });
    staff = await newStaff({ name: '王芳', branchId: `CX-${Date.now().toString(36)}` });
    operator = await newOperator(['ADMIN']);
    consoleToken = (await signInOperator(operator)).accessToken;
    handlers = await deployedHandlers();
  });

  const byKind = (auth: RouteSpec['auth']) => (Object.entries(routes) as [string, RouteSpec][]).filter(([, spec]) => spec.auth === auth);
  const send = (spec: RouteSpec, options: { token?: string; headers?: Record<string, string> }) => {
    const handler = handlers.get(`${spec.method} ${spec.path}`);
    assert.ok(handler, `${spec.method} ${spec.path} is not deployed`);
    return call(handler, { method: spec.method, path: spec.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'loanId' ? `L${'7'.repeat(20)}` : `x-${name}`)), ...(spec.body ? { body: {} } : {}), ...options });
  };

  const signed = async (claims: Record<string, unknown>, options: { key?: string; audience?: string; expiresInSeconds?: number } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('jinlin')
      .setAudience(options.audience ?? 'jinlin-console')
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 600))
      .sign(new TextEncoder().encode(options.key ?? process.env.JINLIN_JWT_SECRET));
  };

  test('a customer\'s token, a staff token, the operator key and forged console tokens: 401 on every console route', async (t) => {
    const sessionOf = JSON.parse(Buffer.from(consoleToken.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string };
    const other = await newOperator(['ADMIN']);
    const columns: Record<string, { token?: string; headers?: Record<string, string> }> = {
      'no token': {},
      'a customer token': { token: customer.token },
      'a staff token': { token: staff.token },
      'the operator key': { headers: operatorHeaders() },
      'console claims, customer audience': { token: await signed({ sub: operator.operatorId, sid: sessionOf.sid }, { audience: 'jinlin-customer' }) },
      'console token, another key': { token: await signed({ sub: operator.operatorId, sid: sessionOf.sid }, { key: 'k'.repeat(48) }) },
      'console token, expired': { token: await signed({ sub: operator.operatorId, sid: sessionOf.sid }, { expiresInSeconds: -60 }) },
      'console token, no session': { token: await signed({ sub: operator.operatorId }) },
      'console token, a session that does not exist': { token: await signed({ sub: operator.operatorId, sid: '00000000-0000-4000-8000-000000000000' }) },
      'another operator with this session': { token: await signed({ sub: other.operatorId, sid: sessionOf.sid }) },
    };
    const consoleOnly = byKind('console');
    assert.ok(consoleOnly.length >= 2);
    for (const [name, spec] of consoleOnly) {
      for (const [column, options] of Object.entries(columns)) {
        const res = await send(spec, options);
        assert.equal(res.status, 401, `${name} with ${column}: ${JSON.stringify(res.body)}`);
        expectError(res, 401, 'UNAUTHENTICATED');
      }
      t.diagnostic(`${spec.method} ${spec.path}: ${Object.keys(columns).join('; ')} → 401`);
    }
    // The real token still works: the refusals were about the forgeries.
    expectOk(await me(consoleToken));
  });

  test('a console token gets 401 on every customer, staff and operator-key route', async (t) => {
    let sent = 0;
    for (const kind of ['customer', 'staff', 'operator'] as const) {
      for (const [name, spec] of byKind(kind)) {
        const res = await send(spec, { token: consoleToken });
        assert.equal(res.status, 401, `${name}: ${JSON.stringify(res.body)}`);
        expectError(res, 401, 'UNAUTHENTICATED');
        sent++;
      }
    }
    assert.ok(sent >= 30, `${sent} routes`);
    t.diagnostic(`${sent} customer, staff and operator-key routes → 401`);
  });
});

describe('the role × route matrix', () => {
  const sessions = new Map<OperatorRole, string>();
  const consoleRouteList = () => (Object.entries(routes) as [string, RouteSpec][]).filter(([, spec]) => spec.auth === 'console');
  /** Routes that end the session they are called with run last (this test is the sessions' last use). */
  const ENDS_SESSION = new Set<string>(['consoleSignOut']);

  before(async () => {
    for (const role of OPERATOR_ROLES) sessions.set(role, (await signInOperator(await newOperator([role]))).accessToken);
  });

  const check = (cell: string, res: CallResult, allowed: boolean) => {
    const raw = JSON.stringify(res.body ?? null);
    assert.equal(internalDetail(raw), undefined, `${cell}: ${raw.slice(0, 300)}`);
    if (res.status >= 400) assert.equal(errorShapeProblem(raw), undefined, `${cell}: ${raw.slice(0, 300)}`);
    if (allowed) assert.ok(res.status !== 401 && res.status !== 403, `${cell}: allowed, answered ${res.status} ${raw.slice(0, 200)}`);
    else expectError(res, 403, 'FORBIDDEN');
  };

  test('every permission × every role, through the console middleware: granted exactly as the role table says', async (t) => {
    // One probe route per permission: what a console route naming it lets through, with real sessions.
    const reached: string[] = [];
    const probes = PERMISSION_NAMES.map((permission) => {
      const spec = { method: 'GET', path: `/v1/console/probe/${permission}`, summary: 'probe', auth: 'console', permission, idempotent: false, response: z.object({ permission: z.string() }) } as const satisfies RouteSpec;
      return defineConsoleRoute(`probe ${permission}`, spec, async ({ operator }) => {
        reached.push(`${operator.login} ${permission}`);
        return { permission };
      });
    });
    const probe = lambda(probes);
    let granted = 0;
    for (const permission of PERMISSION_NAMES) {
      const cells: string[] = [];
      for (const role of OPERATOR_ROLES) {
        const allowed = ROLE_PERMISSIONS[role].includes(permission as Permission);
        const res = await call(probe, { method: 'GET', path: `/v1/console/probe/${permission}`, token: sessions.get(role)! });
        if (allowed) {
          assert.deepEqual(expectOk(res), { permission }, `${permission} as ${role}`);
          granted++;
        } else expectError(res, 403, 'FORBIDDEN');
        cells.push(`${role} ${res.status}`);
      }
      t.diagnostic(`${permission}: ${cells.join(', ')}`);
    }
    // The work ran exactly for the granted cells.
    assert.equal(reached.length, granted);
    assert.equal(granted, OPERATOR_ROLES.reduce((sum, role) => sum + ROLE_PERMISSIONS[role].length, 0));
  });

  test('every console route × every role: allowed as the role table says, 403 otherwise — 0 leaks', async (t) => {
    const handlers = await deployedHandlers();
    const ordered = consoleRouteList().sort(([a], [b]) => Number(ENDS_SESSION.has(a)) - Number(ENDS_SESSION.has(b)));
    assert.ok(ordered.length >= 2);
    let leaks = 0;
    for (const [name, spec] of ordered) {
      assert.ok(spec.permission && PERMISSION_NAMES.includes(spec.permission), `${name}: permission ${spec.permission}`);
      const cells: string[] = [];
      for (const role of OPERATOR_ROLES) {
        const allowed = ROLE_PERMISSIONS[role].includes(spec.permission);
        const handler = handlers.get(`${spec.method} ${spec.path}`);
        assert.ok(handler, `${name} is not deployed`);
        const res = await call(handler, { method: spec.method, path: spec.path, token: sessions.get(role)!, ...(spec.body ? { body: {} } : {}) });
        if (!allowed && res.status !== 403) leaks++;
        check(`${name} as ${role}`, res, allowed);
        cells.push(`${role} ${res.status}`);
      }
      t.diagnostic(`${spec.method} ${spec.path} [${spec.permission}]: ${cells.join(', ')}`);
    }
    assert.equal(leaks, 0);
  });

  test('a console route must name its permission, and must be defined with its token check', () => {
    const { permission: _permission, ...withoutPermission } = consoleRoutes.consoleMe;
    assert.throws(() => defineConsoleRoute('nameless', withoutPermission, async () => ({}) as never), /must name its permission/);
    assert.throws(() => defineRoute('unchecked', consoleRoutes.consoleMe, async () => ({}) as never), /console-route/);
  });
});

describe('the demo operators (local seed) and the simulator\'s codes', () => {
  test('each demo operator signs in with the demo password and the code the simulator shows', async (t) => {
    const now = new Date();
    await seedOperators(now);
    await seedOperators(now);
    for (const demo of DEMO_OPERATORS) {
      const { code } = expectOk(await call(simulator, { method: 'GET', path: '/v1/sim/console/totp', query: { login: demo.login } }));
      assert.match(code, /^\d{6}$/);
      // What the demo operator's authenticator shows now (or showed a step ago, at a turn of step).
      const shown = [new Date(), new Date(Date.now() - 30_000)].map((at) => demoTotpCode(demo.login, at));
      assert.ok(shown.includes(code), `${demo.login}: ${code} is not the demo authenticator's code`);
      const { challengeId } = expectOk(await passwordStep(demo.login, DEMO_OPERATOR_PASSWORD));
      const session = expectOk(await codeStep(challengeId, code));
      assert.deepEqual(session.operator.roles, [demo.role]);
      assert.equal(session.operator.displayName, demo.displayName);
      t.diagnostic(`${demo.login} (${demo.role}) signed in`);
    }
    assert.equal(DEMO_OPERATORS.length, 9);
  });

  test('the simulator shows no code for anyone else, nor once the real world is configured', async () => {
    const other = await newOperator(['ADMIN']);
    expectError(await call(simulator, { method: 'GET', path: '/v1/sim/console/totp', query: { login: other.login } }), 404, 'NOT_FOUND');
    const saved = process.env.WECHAT_MODE;
    try {
      process.env.WECHAT_MODE = 'real';
      resetConfigForTests();
      expectError(await call(simulator, { method: 'GET', path: '/v1/sim/console/totp', query: { login: 'pm.li' } }), 404, 'NOT_FOUND');
    } finally {
      process.env.WECHAT_MODE = saved;
      resetConfigForTests();
    }
  });
});
