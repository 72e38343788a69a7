// The access matrix, generated from the route table (functions/contract/routes.ts): every route
// that needs a principal × every way of not being that principal. Customer routes: no token, an
// expired token (signed with the real key, exp in the past), a tampered signature or payload,
// `alg: none`, a token signed with another key, the wrong audience, no expiry — all 401 — and
// another customer's valid token, which can never reach the first customer's data (a request
// cannot name another customer: ids in paths answer 404, ids in bodies or queries are refused).
// Operator routes: no key, a wrong key, a customer token instead — all 401. No response carries
// the first customer's data. Staff routes (relationship managers): no token, a customer's token,
// forged or mis-addressed staff tokens — all 401; then manager A vs manager B vs the branch lead:
// A's links answer 404 to anyone else, lists show each their own, the branch ranking only to the
// lead (403 to a manager), and no answer to B or the lead carries A's customers.
//
// Then: PIN lockout holds under concurrent guesses (each an encrypted PIN with its own nonce), and
// sign-out stops refreshing.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { type RouteSpec, routes } from '../../functions/contract/routes.js';
import { handler as accountHandler } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customerHandler } from '../../functions/http/customer.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { call, type CallOptions, type CallResult, useBank } from '../support/bank.js';
import { type Onboarded, onboard, signIn, topUp, transfer, withdraw } from '../support/customers.js';
import { deployedHandlers, type Handler } from '../support/deployed.js';
import { exampleValue, requestSchemas, resolve } from '../support/examples.js';
import { expectError, expectOk } from '../support/expect.js';
import { errorShapeProblem, internalDetail } from '../support/leaks.js';
import { scanTable } from '../support/ledger-check.js';
import { loginCode, newDeviceId, newStaff, shareLink, type Staff, visit } from '../support/rm.js';
import { confirmed, encryptPin } from '../support/second-factor.js';

useBank();

let a: Onboarded;
let b: Onboarded;
/** A's top-up: a movement B has no part in. */
let topUpOfA: string;
/** A transfer of A's the anti-fraud rules hold (延时到账): what the cancel route names. */
let heldOfA: string;
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
    topUpOfA = expectOk(await topUp(a, 50_000)).journalId;
    expectOk(await transfer(a, b, 1_000));
    expectOk(await withdraw(a, 2_000));
    expectOk(await topUp(a, 500_000));
    heldOfA = expectOk(await transfer(a, b, 500_000)).journalId;
    handlers = await deployedHandlers();
  });

  test('A\'s own movement named in B\'s path (its detail, its e-receipt): 404, as for none', async (t) => {
    const byEntry = protectedRoutes().filter(([, spec]) => spec.auth === 'customer' && spec.path.includes('{entryId}'));
    assert.ok(byEntry.length >= 2, byEntry.map(([name]) => name).join(', '));
    for (const [name, spec] of byEntry) {
      const path = spec.path.replace('{entryId}', name === 'heldTransferCancel' ? heldOfA : topUpOfA);
      expectOk(await send(name, spec, 'A', { token: a.token, path }));
      const res = await send(name, spec, 'B', { token: b.token, path });
      expectError(res, 404, res.body?.error?.code);
      t.diagnostic(`${spec.method} ${spec.path} with A's entry and B's token: 404 ${res.body?.error?.code}`);
    }
  });

  test('A\'s complaint ticket named in B\'s path (read, close): 404, as for none', async (t) => {
    const ticket = expectOk(await send('complaintOpen', routes.complaintOpen, 'A', { token: a.token, body: { category: 'DISPUTE', description: '矩阵测试：对这笔充值有疑问', journalId: topUpOfA } }));
    const byTicket = protectedRoutes().filter(([, spec]) => spec.auth === 'customer' && spec.path.includes('{ticketId}'));
    assert.ok(byTicket.length >= 2, byTicket.map(([name]) => name).join(', '));
    for (const [name, spec] of byTicket) {
      const path = spec.path.replace('{ticketId}', ticket.ticketId);
      const res = await send(name, spec, 'B', { token: b.token, path });
      expectError(res, 404, 'COMPLAINT_NOT_FOUND');
      // A reaches it (closing an unanswered ticket is refused for what it is, not as unknown).
      assert.notEqual((await send(name, spec, 'A', { token: a.token, path })).status, 404, name);
      t.diagnostic(`${spec.method} ${spec.path} with A's ticket and B's token: 404 COMPLAINT_NOT_FOUND`);
    }
  });

  test('A\'s saved payee named in B\'s path (correcting its name): 404, as for none, and the name unchanged', async (t) => {
    const payeeId = 'Ymatrix-payee-001';
    const key = keys.billPayee(a.customerId, payeeId);
    await db().doc.send(new PutCommand({ TableName: db().tableName, Item: { ...key, type: 'BILL_PAYEE', payeeId, customerId: a.customerId, nickname: '电费', billerId: 'nj-power', accountNumberMasked: '32******78', accountNumberEnc: 'x', autoPay: null, lastAutoPay: null, createdAt: new Date().toISOString() } }));
    const path = routes.payeeNickname.path.replace('{payeeId}', payeeId);
    const res = await send('payeeNickname', routes.payeeNickname, 'B', { token: b.token, path, body: { nickname: '改名' } });
    expectError(res, 404, 'PAYEE_NOT_FOUND');
    assert.equal((await scanTable()).find((row) => row.PK === key.PK && row.SK === key.SK)?.nickname, '电费');
    t.diagnostic(`${routes.payeeNickname.method} ${routes.payeeNickname.path} with A's payee and B's token: 404 PAYEE_NOT_FOUND`);
  });

  test('A\'s session (a signed-in device) named in B\'s path: 404, as for none, and A stays signed in', async (t) => {
    const [session] = expectOk(await send('sessions', routes.sessions, 'A', { token: a.token })).sessions;
    const bySession = protectedRoutes().filter(([, spec]) => spec.auth === 'customer' && spec.path.includes('{sessionId}'));
    assert.ok(bySession.length >= 1, bySession.map(([name]) => name).join(', '));
    for (const [name, spec] of bySession) {
      const res = await send(name, spec, 'B', { token: b.token, path: spec.path.replace('{sessionId}', session.sessionId) });
      expectError(res, 404, 'SESSION_NOT_FOUND');
      t.diagnostic(`${spec.method} ${spec.path} with A's session and B's token: 404 SESSION_NOT_FOUND`);
    }
    expectOk(await send('me', routes.me, 'A', { token: a.token }));
    assert.deepEqual(expectOk(await send('sessions', routes.sessions, 'A', { token: a.token })).sessions.map((s: { sessionId: string }) => s.sessionId), [session.sessionId]);
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
    const known = { toPhone: a.phone, phone: a.phone, name: '李四', realName: '李四', idNumber: b.idNumber, cardNumber: b.cardNumber, memo: '午饭', nickname: '家里电费' };
    const naming = { customerId: a.customerId, accountId: a.accountId };
    /** The body as B's device sends it: on a second-factor route, confirmed with B's own PIN by a
     *  nonce B asks for exactly this request (a new PIN, where the route takes one, with the same
     *  nonce). A nonce refused for it is the route's answer, as the device shows it. */
    const confirmedByB = async (name: string, spec: RouteSpec, body: Record<string, unknown>): Promise<{ body: Record<string, unknown> } | { refused: CallResult }> => {
      if (!spec.secondFactor) return { body };
      const { secondFactor: _factor, newPin: _newPin, ...asked } = body;
      const path = pathOf(spec);
      const issued = await send(`${name} (nonce)`, routes.paymentAuthorization, 'B', { token: b.token, body: { method: spec.method, path, body: asked } });
      if (issued.status !== 200) return { refused: issued };
      const takes = Object.keys(resolve(requestSchemas(name, spec).body)?.properties ?? {});
      const factor = (pin: string) => ({ nonce: issued.body.nonce, pinCipher: encryptPin(issued.body, pin) });
      return {
        body: {
          ...asked,
          ...(takes.includes('secondFactor') ? { secondFactor: factor(b.pin) } : {}),
          ...(takes.includes('newPin') ? { newPin: factor('802461') } : {}),
        },
      };
    };
    for (const [name, spec] of protectedRoutes().filter(([, s]) => s.auth === 'customer')) {
      const schemas = requestSchemas(name, spec);
      const example = schemas.body ? (exampleValue('(body)', schemas.body, known) as Record<string, unknown>) : undefined;
      let res: CallResult;
      let expected: number;
      if (/\{\w+\}/.test(spec.path)) {
        // An id that is not B's answers exactly as one that does not exist.
        const sent = example ? await confirmedByB(name, spec, example) : { body: undefined };
        res = 'refused' in sent ? sent.refused : await send(name, spec, 'B', { token: b.token, ...(sent.body ? { body: sent.body } : {}) });
        expected = 404;
        expectError(res, 404, res.body?.error?.code);
      } else if (example) {
        // A body cannot name A's customer or account: unknown fields are refused, not ignored —
        // even when B confirms exactly that body with B's own PIN.
        const sent = await confirmedByB(name, spec, { ...example, ...naming });
        assert.ok('body' in sent, `${name}: the nonce was refused: ${JSON.stringify('refused' in sent && sent.refused.body)}`);
        res = await send(name, spec, 'B', { token: b.token, body: sent.body });
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
    // B's card bindings are B's card: the route names no account, so none of A's can be asked for.
    const cards = expectOk(await send('cardBindings', routes.cardBindings, 'B', { token: b.token }));
    assert.equal(cards.boundCard.cardNumberMasked, `**** **** **** ${b.cardNumber.slice(-4)}`);
    // Likewise B's phone and its changes (更换手机号): the route names no customer.
    const phones = expectOk(await send('phoneBindings', routes.phoneBindings, 'B', { token: b.token }));
    assert.equal(phones.phoneMasked, `${b.phone.slice(0, 3)}****${b.phone.slice(-4)}`);
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

describe('the staff access matrix', () => {
  let managerA: Staff;
  let managerB: Staff;
  let lead: Staff;
  let codeOfA: string;
  let referred: { customerId: string; user: string };
  const staffRoutes = () => protectedRoutes().filter(([, s]) => s.auth === 'staff');
  const withCode = (spec: RouteSpec, code: string) => spec.path.replace('{code}', code);

  before(async () => {
    const branch = `MX-${Date.now().toString(36)}`;
    [managerA, managerB, lead] = await Promise.all([
      newStaff({ name: '马云', branchId: branch }),
      newStaff({ name: '马化腾', branchId: branch }),
      newStaff({ name: '李彦宏', branchId: branch, role: 'BRANCH_LEAD' }),
    ]);
    codeOfA = (await shareLink(managerA, { type: 'ACCOUNT', id: 'open-account' }, { campaign: '矩阵测试' })).code;
    // A customer of A's: opened A's link, then signed up on that device.
    const device = newDeviceId();
    expectOk(await visit(codeOfA, device));
    const user = `matrix-${Date.now().toString(36)}`;
    const signedIn = expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code: await loginCode(user), deviceId: device } }));
    referred = { customerId: signedIn.me.customerId, user };
  });

  test('every staff route × {no token, a customer token, forged staff tokens}: 401, and nothing changes', async (t) => {
    const now = Math.floor(Date.now() / 1000);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const columns: Record<string, Record<string, string>> = {
      'no token': {},
      'a customer token': bearer(a.token),
      'customer audience, staff id': bearer(await sign({ sub: managerA.staffId, exp: now + 600 })),
      'expired staff token': bearer(await sign({ sub: managerA.staffId, aud: 'jinlin-staff', exp: now - 60, iat: now - 960 })),
      'staff token, another key': bearer(await sign({ sub: managerA.staffId, aud: 'jinlin-staff', exp: now + 600 }, new TextEncoder().encode('y'.repeat(48)))),
      'staff token, no expiry': bearer(await sign({ sub: managerA.staffId, aud: 'jinlin-staff' })),
    };
    const before = JSON.stringify(await scanTable());
    for (const [name, spec] of staffRoutes()) {
      for (const [column, headers] of Object.entries(columns)) {
        expectError(await send(name, spec, column, { headers, path: withCode(spec, codeOfA) }), 401, 'UNAUTHENTICATED');
      }
      t.diagnostic(`${spec.method} ${spec.path}: ${Object.keys(columns).join('; ')} → 401`);
    }
    assert.equal(JSON.stringify(await scanTable()), before, 'a refused request changed the table');
    assert.ok(staffRoutes().length >= 10, `${staffRoutes().length} staff routes`);
  });

  test('a staff token never passes a customer route', async () => {
    for (const [name, spec] of protectedRoutes().filter(([, s]) => s.auth === 'customer')) {
      expectError(await send(name, spec, 'staff A', { token: managerA.token }), 401, 'UNAUTHENTICATED');
    }
  });

  test('manager A vs manager B vs the branch lead on every staff route', async (t) => {
    const readers: [string, Staff][] = [['A', managerA], ['B', managerB], ['lead', lead]];
    for (const [name, spec] of staffRoutes()) {
      const cells: string[] = [];
      for (const [who, staff] of readers) {
        const body = name === 'createShareLink' ? { product: { type: 'ACCOUNT', id: 'open-account' } } : undefined;
        const res = await send(name, spec, who === 'A' ? 'staff A' : who, { token: staff.token, path: withCode(spec, codeOfA), ...(body ? { body } : { body: undefined }) });
        cells.push(`${who} ${res.status}`);
        if (/\{code\}/.test(spec.path)) {
          // A's link is A's alone.
          if (who === 'A') assert.ok(res.status === 200 || res.status === 422, `${name} as A: ${res.status}`);
          else expectError(res, 404, 'SHARE_LINK_NOT_FOUND');
        } else if (name === 'rmLeaderboard') {
          if (who === 'lead') {
            const rows = expectOk(res).items as { staffNo: string; referred: number }[];
            assert.equal(rows.find((r) => r.staffNo === managerA.staffNo)?.referred, 1, 'the lead sees A in the ranking');
          } else expectError(res, 403, 'BRANCH_LEAD_ONLY');
        } else {
          const answer = expectOk(res);
          const raw = JSON.stringify(answer);
          if (who !== 'A') assert.ok(!raw.includes(codeOfA), `${name} showed A's link to ${who}`);
          if (name === 'rmCustomers') assert.equal(answer.items.length, who === 'A' ? 1 : 0, `${name} as ${who}`);
          if (name === 'rmDashboard') {
            const signedUp = answer.funnel.find((r: { stage: string }) => r.stage === 'SIGNED_UP').count;
            assert.equal(signedUp, who === 'A' ? 1 : 0, `${name} as ${who}`);
          }
          if (name === 'staffMe') assert.equal(answer.staffId, staff.staffId);
        }
      }
      t.diagnostic(`${spec.method} ${spec.path}: ${cells.join(', ')}`);
    }
    // A's revoke worked (it ran as A above): B and the lead could not have.
    for (const [who, staff] of readers.slice(1)) {
      const res = await send('revokeShareLink', routes.revokeShareLink, who, { token: staff.token, path: `/v1/staff/share-links/${codeOfA}/revoke` });
      expectError(res, 404, 'SHARE_LINK_NOT_FOUND');
    }
  });

  test('no staff answer to B or the lead carried A\'s customer', () => {
    const others = notA.filter((entry) => entry.who === 'B' || entry.who === 'lead');
    assert.ok(others.length >= 20, `${others.length} answers`);
    for (const { route, raw } of others) assert.ok(!raw.includes(referred.customerId), `${route} showed A's customer`);
  });
});

describe('PIN lockout under concurrent guesses', () => {
  /** One guess as a device makes it: a fresh nonce for the top-up and the guessed PIN encrypted
   *  with its challenge, ready to send. */
  const guess = async (who: Onboarded, pin: string, n: number) => {
    const body = await confirmed(who.token, '/v1/account/top-up', { amountFen: 100 }, pin);
    return () => call(accountHandler, { method: 'POST', path: '/v1/account/top-up', token: who.token, idempotencyKey: `pin-guess-${who.customerId.slice(0, 8)}-${n}`, body });
  };
  /** All the guesses' nonces asked first, then every guess sent at once. */
  const guessAtOnce = async (who: Onboarded, pins: string[]) => {
    const ready = await Promise.all(pins.map((pin, n) => guess(who, pin, n)));
    return Promise.all(ready.map((send) => send()));
  };
  const moneyWithPin = async (who: Onboarded, pin: string, n: number) => (await guess(who, pin, n))();
  const me = async (who: Onboarded) => expectOk(await call(customerHandler, { method: 'GET', path: '/v1/me', token: who.token }));

  test('10 wrong PINs at once: locked, and at most 5 counted', async (t) => {
    const c = await onboard({ name: '王五' });
    const wrong = c.pin === '246810' ? '975310' : '246810';
    const results = await guessAtOnce(c, Array.from({ length: 10 }, () => wrong));
    const codes = results.map((r) => `${r.status} ${r.body?.error?.code}`);
    t.diagnostic(`answers: ${codes.sort().join(', ')}`);
    for (const r of results) assert.ok(['403 PIN_INCORRECT', '423 PIN_LOCKED'].includes(`${r.status} ${r.body?.error?.code}`), JSON.stringify(r.body));
    // Four are told "wrong", the fifth locks; the rest are answered PIN_LOCKED.
    assert.ok(codes.filter((x) => x.startsWith('403')).length <= 4, codes.join());
    assert.notEqual((await me(c)).pinLockedUntil, null, 'not locked after 10 wrong PINs');
    expectError(await moneyWithPin(c, c.pin, 99), 423, 'PIN_LOCKED');
    assert.equal((await me(c)).account.balanceFen, 0);
  });

  test('20 guesses at once, one of them right: at most 4 wrong answered per budget, the right one starting a new budget', async () => {
    const d = await onboard({ name: '赵六' });
    const guesses = Array.from({ length: 20 }, (_, n) => (n === 13 ? d.pin : String(100_000 + n * 7_919).slice(0, 6)));
    const results = await guessAtOnce(d, guesses);
    for (const r of results) assert.ok([200, 403, 423].includes(r.status), JSON.stringify(r.body));
    const wrong = results.filter((r) => r.body?.error?.code === 'PIN_INCORRECT');
    const paid = results.filter((r) => r.status === 200).length;
    // A budget answers at most 4 wrong guesses (the 5th locks); only an accepted right PIN opens
    // another, so a race holds at most one budget more than the right PINs that got through.
    assert.ok(paid <= 1, `${paid} payments`);
    assert.ok(wrong.length <= 4 * (1 + paid), `${wrong.length} wrong guesses answered as checked with ${paid} right`);
    // "N tries left" is said at most once per budget.
    const left = wrong.map((r) => r.body.error.message);
    for (const message of new Set(left)) assert.ok(left.filter((m) => m === message).length <= 1 + paid, `${message} said too often`);
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
