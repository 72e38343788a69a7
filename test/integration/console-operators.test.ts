// 运营人员管理 through the console's functions: an administrator drafts a new operator, another
// approves it; the new operator activates with a one-time code only they then use, choosing their
// own password and enrolling their own authenticator — no administrator ever sees either. Roles
// and deactivation are changes too (a deactivation ends the operator's sessions at once); unlock
// and an authenticator reset are direct and audited; an administrator never acts on their own
// account; no change leaves fewer than two active administrators; the list reads a directory,
// never a Scan.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type AuditEntry, type ChainItem } from '../../functions/domain/audit-chain.js';
import { base32Decode, totpAt } from '../../functions/domain/totp.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleOperators } from '../../functions/http/console-operators.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { getSession } from '../../functions/store/operators.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { expectError, expectOk } from '../support/expect.js';
import { codeStep, consoleCall, newOperator, passwordStep, signInOperator, type TestOperator, totpCode } from '../support/operators.js';

useBank();

type Who = TestOperator & { token: string };
let adminA: Who;
let adminB: Who;
let pm: Who;

async function signedIn(roles: Parameters<typeof newOperator>[0], name: string): Promise<Who> {
  const created = await newOperator(roles, name);
  return { ...created, token: (await signInOperator(created)).accessToken };
}

const as = (who: Who, handler: typeof consoleOperators, options: Omit<CallOptions, 'token'>) => call(handler, { ...options, token: who.token });
const post = (who: Who, path: string, body?: object) => as(who, consoleOperators, { method: 'POST', path, ...(body ? { body } : {}) });
const approve = (who: Who, changeId: string) => as(who, consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/approve`, body: {} });
const list = (who: Who, query: Record<string, string> = {}) => as(who, consoleOperators, { method: 'GET', path: '/v1/console/operators', query });
const me = (token: string) => consoleCall({ method: 'GET', path: '/v1/console/me', token });
const activationStart = (login: string, activationCode: string) => call(consoleOperators, { method: 'POST', path: '/v1/console/activation', body: { login, activationCode } });
const activationComplete = (enrolmentId: string, password: string, code: string) =>
  call(consoleOperators, { method: 'POST', path: '/v1/console/activation/complete', body: { enrolmentId, password, code } });
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const otherActivationCode = (code: string) => (code.startsWith('AAAA') ? `BBBB${code.slice(4)}` : `AAAA${code.slice(4)}`);

async function rowOf(who: Who, login: string) {
  const { operators } = expectOk(await list(who, { q: login }));
  return operators.find((row: { login: string }) => row.login === login);
}

/** Every audit entry, oldest first, as JSON text and as entries. */
async function auditLog(): Promise<{ text: string; entries: AuditEntry[] }> {
  const { items } = await readAuditPage(undefined, 100);
  const entries = items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item)).reverse();
  return { text: JSON.stringify(items), entries };
}

/** A new operator through both changes' steps: submitted by A, approved by B; the change as approved. */
async function createByChange(login: string, displayName: string, roles: string[]) {
  const submitted = expectOk(await post(adminA, '/v1/console/operators/changes', { login, displayName, roles }));
  return expectOk(await approve(adminB, submitted.changeId));
}

/** Activates `login` with the code its administrator handed over; the password and the secret the
 *  operator chose and enrolled. */
async function activate(login: string, activationCode: string, password: string) {
  const enrolment = expectOk(await activationStart(login, activationCode));
  const secret = base32Decode(enrolment.totpSecret)!;
  expectOk(await activationComplete(enrolment.enrolmentId, password, totpAt(secret, new Date())));
  return { ...enrolment, secret };
}

describe('operator management', () => {
before(async () => {
  [adminA, adminB, pm] = await Promise.all([signedIn(['ADMIN'], '钱坤'), signedIn(['ADMIN'], '何静'), signedIn(['PRODUCT_MANAGER'], '李娜')]);
});

describe('a new operator: four eyes, then their own activation', () => {
  test('drafted by one administrator, approved by another, activated by the operator with a one-time code; their credentials are theirs alone', async () => {
    const submitted = expectOk(await post(adminA, '/v1/console/operators/changes', { login: 'risk.liu', displayName: '刘洋', roles: ['RISK_OFFICER'] }));
    assert.equal(submitted.kind, 'OPERATOR_CREATE');
    assert.equal(submitted.status, 'PENDING');
    assert.equal(submitted.entityLabel, '新建运营人员 risk.liu');
    assert.equal(submitted.before, null);
    assert.deepEqual(Object.keys(submitted.after).sort(), ['displayName', 'login', 'operatorId', 'roles']);
    const { operatorId } = submitted.after;

    // The same login waits for this change, whoever drafts it; the maker never approves; nor does a
    // product manager, who may read the change but not manage operators.
    expectError(await post(adminB, '/v1/console/operators/changes', { login: 'risk.liu', displayName: '刘洋', roles: ['AUDITOR'] }), 409, 'CHANGE_PENDING');
    expectError(await approve(adminA, submitted.changeId), 403, 'SAME_OPERATOR');
    expectError(await approve(pm, submitted.changeId), 403, 'FORBIDDEN');
    assert.equal(await rowOf(adminA, 'risk.liu'), undefined);

    const approved = expectOk(await approve(adminB, submitted.changeId));
    assert.equal(approved.status, 'EFFECTIVE');
    const row = await rowOf(adminA, 'risk.liu');
    assert.deepEqual(row, { operatorId, login: 'risk.liu', displayName: '刘洋', roles: ['RISK_OFFICER'], status: 'PENDING_ACTIVATION', createdAt: approved.appliedAt });
    // Created, but with no password anyone knows: signing in is refused like a wrong password.
    expectError(await passwordStep('risk.liu', 'Jinlin@2026'), 401, 'SIGN_IN_FAILED');
    expectError(await post(adminA, '/v1/console/operators/changes', { login: 'risk.liu', displayName: '刘洋', roles: ['AUDITOR'] }), 409, 'OPERATOR_LOGIN_IN_USE');

    // The maker asks for the activation code: shown once, 72 hours.
    const first = expectOk(await post(adminA, `/v1/console/operators/${operatorId}/activation-code`));
    assert.match(first.activationCode, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const hours = (Date.parse(first.expiresAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 71.9 && hours <= 72, `${hours} h`);
    // Asked again, a new code; the first stops working.
    const issued = expectOk(await post(adminA, `/v1/console/operators/${operatorId}/activation-code`));
    assert.notEqual(issued.activationCode, first.activationCode);
    expectError(await activationStart('risk.liu', first.activationCode), 401, 'ACTIVATION_FAILED');
    assert.equal((await rowOf(adminA, 'risk.liu')).activationExpiresAt, issued.expiresAt);

    // A wrong code and a login nobody has get the same answer.
    const wrong = await activationStart('risk.liu', otherActivationCode(issued.activationCode));
    const nobody = await activationStart('nobody.here', issued.activationCode);
    expectError(wrong, 401, 'ACTIVATION_FAILED');
    assert.deepEqual(wrong.body, nobody.body);

    const enrolment = expectOk(await activationStart('risk.liu', issued.activationCode));
    assert.equal(enrolment.displayName, '刘洋');
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/.*risk\.liu\?secret=[A-Z2-7]+/);
    const secret = base32Decode(enrolment.totpSecret)!;
    expectError(await activationComplete(enrolment.enrolmentId, 'onlyletters', totpAt(secret, new Date())), 400, 'PASSWORD_TOO_WEAK');
    expectError(await activationComplete(enrolment.enrolmentId, 'risk.liu-2026', totpAt(secret, new Date())), 400, 'PASSWORD_TOO_WEAK');
    expectError(await activationComplete(enrolment.enrolmentId, 'Liu-Yang-2026', wrongCode(totpAt(secret, new Date()))), 401, 'TOTP_INCORRECT');
    assert.deepEqual(expectOk(await activationComplete(enrolment.enrolmentId, 'Liu-Yang-2026', totpAt(secret, new Date()))), { activated: true, login: 'risk.liu' });

    // Used once: neither the code nor the enrolment opens it again.
    expectError(await activationStart('risk.liu', issued.activationCode), 401, 'ACTIVATION_FAILED');
    expectError(await activationComplete(enrolment.enrolmentId, 'Liu-Yang-2027', totpAt(secret, new Date())), 401, 'ACTIVATION_EXPIRED');
    expectError(await post(adminA, `/v1/console/operators/${operatorId}/activation-code`), 409, 'OPERATOR_NOT_PENDING');

    // The operator signs in with what they chose, as approved: a risk officer, the next code.
    const { challengeId } = expectOk(await passwordStep('risk.liu', 'Liu-Yang-2026'));
    const session = expectOk(await codeStep(challengeId, totpAt(secret, new Date(Date.now() + 30_000))));
    assert.deepEqual(session.operator.roles, ['RISK_OFFICER']);
    assert.equal((await rowOf(adminA, 'risk.liu')).status, 'ACTIVE');

    // Every step is in the log; no code, secret or password is.
    const { text, entries } = await auditLog();
    const about = (id: string) => entries.filter((entry) => entry.target.id === id).map((entry) => `${entry.actor.id === adminA.operatorId ? 'A' : entry.actor.id === adminB.operatorId ? 'B' : entry.actor.id === operatorId ? 'self' : entry.actor.kind} ${entry.action}`);
    assert.deepEqual(about(submitted.changeId), ['A change.submit', 'B change.approve', 'B change.apply']);
    assert.deepEqual(about(operatorId), [
      'self console.sign-in.failed.inactive',
      'A operator.activation-code.issue',
      'A operator.activation-code.issue',
      // The first code, after the second was issued; then a wrong one.
      'self operator.activation.failed.code',
      'self operator.activation.failed.code',
      'self operator.activation.failed.totp',
      'self operator.activate',
      'self console.sign-in',
    ]);
    for (const secretText of [first.activationCode, issued.activationCode, enrolment.totpSecret, 'Liu-Yang-2026']) assert.ok(!text.includes(secretText), `the log holds ${secretText}`);
  });

  test('five wrong activation codes void the code in force: the right one no longer works', async () => {
    const approved = await createByChange('cs.wu', '吴静', ['CUSTOMER_SERVICE']);
    const { activationCode } = expectOk(await post(adminB, `/v1/console/operators/${approved.after.operatorId}/activation-code`));
    for (let attempt = 1; attempt < 5; attempt++) expectError(await activationStart('cs.wu', otherActivationCode(activationCode)), 401, 'ACTIVATION_FAILED');
    expectError(await activationStart('cs.wu', otherActivationCode(activationCode)), 401, 'ACTIVATION_EXPIRED');
    expectError(await activationStart('cs.wu', activationCode), 401, 'ACTIVATION_FAILED');
    assert.equal((await rowOf(adminA, 'cs.wu')).activationExpiresAt, undefined);
    // A new code from an administrator opens it.
    const again = expectOk(await post(adminA, `/v1/console/operators/${approved.after.operatorId}/activation-code`));
    await activate('cs.wu', again.activationCode, 'Wu-Jing-2026');
  });

  test('roles that may not go together, bad input and an unknown operator change nothing', async () => {
    expectError(await post(adminA, '/v1/console/operators/changes', { login: 'mix.one', displayName: '混合', roles: ['ADMIN', 'PRODUCT_MANAGER'] }), 400, 'OPERATOR_ROLES_CONFLICT');
    expectError(await post(adminA, '/v1/console/operators/changes', { login: 'mix.two', displayName: '混合', roles: ['AUDITOR', 'RISK_OFFICER'] }), 400, 'OPERATOR_ROLES_CONFLICT');
    expectError(await post(adminA, '/v1/console/operators/changes', { login: 'Bad Login', displayName: '混合', roles: ['AUDITOR'] }), 400, 'VALIDATION_FAILED');
    expectError(await post(adminA, '/v1/console/operators/changes', { login: 'mix.three', displayName: '混合', roles: [] }), 400, 'VALIDATION_FAILED');
    expectError(await post(adminA, `/v1/console/operators/O${'0'.repeat(32)}/role-changes`, { roles: ['AUDITOR'] }), 404, 'OPERATOR_NOT_FOUND');
    expectError(await post(adminA, `/v1/console/operators/${pm.operatorId}/role-changes`, { roles: ['PRODUCT_MANAGER'] }), 400, 'CHANGE_EMPTY');
    for (const login of ['mix.one', 'mix.two', 'mix.three']) assert.equal(await rowOf(adminA, login), undefined);
  });
});

describe('changing an operator', () => {
  test('new roles are a change; approved, the operator’s session has the new permissions at once', async () => {
    const who = await signedIn(['CUSTOMER_SERVICE'], '赵敏');
    const submitted = expectOk(await post(adminA, `/v1/console/operators/${who.operatorId}/role-changes`, { roles: ['RISK_OFFICER', 'CUSTOMER_SERVICE'] }));
    assert.equal(submitted.kind, 'OPERATOR_ROLES');
    assert.deepEqual(submitted.before, { roles: ['CUSTOMER_SERVICE'] });
    assert.deepEqual(submitted.after, { roles: ['RISK_OFFICER', 'CUSTOMER_SERVICE'] });
    expectError(await post(adminB, `/v1/console/operators/${who.operatorId}/deactivation-requests`, { reason: '离职交接完成' }), 409, 'CHANGE_PENDING');
    assert.equal((await rowOf(adminA, who.login)).pendingChangeId, submitted.changeId);
    assert.ok(!expectOk(await me(who.token)).permissions.includes('accounts.unfreeze.approve'));
    expectOk(await approve(adminB, submitted.changeId));
    const now = expectOk(await me(who.token));
    assert.deepEqual(now.roles, ['RISK_OFFICER', 'CUSTOMER_SERVICE']);
    assert.ok(now.permissions.includes('accounts.unfreeze.approve'));
    assert.equal((await rowOf(adminA, who.login)).pendingChangeId, undefined);
  });

  test('deactivation is a change with a reason; approved, the operator’s sessions end at once and they cannot sign in', async () => {
    const who = await signedIn(['OPERATIONS'], '陈晨');
    const second = (await signInOperator(who, 1)).accessToken;
    expectError(await post(adminA, `/v1/console/operators/${who.operatorId}/deactivation-requests`, { reason: '离' }), 400, 'VALIDATION_FAILED');
    const submitted = expectOk(await post(adminA, `/v1/console/operators/${who.operatorId}/deactivation-requests`, { reason: '调离运营岗位' }));
    assert.deepEqual(submitted.after, { status: 'DEACTIVATED', reason: '调离运营岗位' });
    // Until approved, nothing happened.
    expectOk(await me(who.token));
    expectOk(await approve(adminB, submitted.changeId));
    for (const token of [who.token, second]) expectError(await me(token), 401, 'UNAUTHENTICATED');
    const claims = JSON.parse(Buffer.from(who.token.split('.')[1]!, 'base64url').toString()) as { sid: string };
    assert.equal(await getSession(who.operatorId, claims.sid), undefined);
    expectError(await passwordStep(who.login, who.password), 401, 'SIGN_IN_FAILED');
    const row = await rowOf(adminA, who.login);
    assert.equal(row.status, 'DEACTIVATED');
    assert.ok(row.deactivatedAt);
    expectError(await post(adminA, `/v1/console/operators/${who.operatorId}/role-changes`, { roles: ['AUDITOR'] }), 409, 'OPERATOR_DEACTIVATED');
  });

  test('an administrator never changes their own account, and no change leaves fewer than two active administrators', async () => {
    for (const [path, body] of [
      ['role-changes', { roles: ['AUDITOR'] }],
      ['deactivation-requests', { reason: '本人离职交接' }],
      ['unlock', undefined],
      ['totp-reset', undefined],
      ['activation-code', undefined],
    ] as const) {
      expectError(await post(adminA, `/v1/console/operators/${adminA.operatorId}/${path}`, body), 403, 'OPERATOR_SELF');
    }
    // A and B are this bank's only administrators: neither leaves that role.
    expectError(await post(adminA, `/v1/console/operators/${adminB.operatorId}/deactivation-requests`, { reason: '调离管理岗位' }), 409, 'ADMINS_TOO_FEW');
    expectError(await post(adminA, `/v1/console/operators/${adminB.operatorId}/role-changes`, { roles: ['AUDITOR'] }), 409, 'ADMINS_TOO_FEW');
    // With a third, one may go.
    const adminC = await signedIn(['ADMIN'], '孙丽');
    const submitted = expectOk(await post(adminA, `/v1/console/operators/${adminB.operatorId}/role-changes`, { roles: ['AUDITOR'] }));
    expectOk(await as(adminA, consoleChanges, { method: 'POST', path: `/v1/console/changes/${submitted.changeId}/withdraw` }));
    // Two changes each fine when submitted: whichever is approved second would leave one
    // administrator, so it fails when it applies, saying why, and changes nothing.
    const cLeaves = expectOk(await post(adminA, `/v1/console/operators/${adminC.operatorId}/role-changes`, { roles: ['AUDITOR'] }));
    const bLeaves = expectOk(await post(adminC, `/v1/console/operators/${adminB.operatorId}/deactivation-requests`, { reason: '调离管理岗位' }));
    assert.equal(expectOk(await approve(adminB, cLeaves.changeId)).status, 'EFFECTIVE');
    const failed = expectOk(await approve(adminA, bLeaves.changeId));
    assert.equal(failed.status, 'FAILED');
    assert.match(failed.failure, /至少需保留 2 名在职管理员/);
    const b = await rowOf(adminA, adminB.login);
    assert.deepEqual([b.status, b.roles], ['ACTIVE', ['ADMIN']]);
    expectOk(await me(adminB.token));
  });
});

describe('direct actions: unlock and a lost authenticator', () => {
  test('an operator locked by wrong passwords is unlocked by an administrator, audited', async () => {
    const who = await newOperator(['AUDITOR'], '孙悦');
    expectError(await post(adminA, `/v1/console/operators/${who.operatorId}/unlock`), 409, 'OPERATOR_NOT_LOCKED');
    for (let attempt = 1; attempt < 5; attempt++) expectError(await passwordStep(who.login, `${who.password}x`), 401, 'SIGN_IN_FAILED');
    expectError(await passwordStep(who.login, `${who.password}x`), 423, 'OPERATOR_LOCKED');
    const locked = await rowOf(adminA, who.login);
    assert.ok(locked.lockedUntil > new Date().toISOString());
    const unlocked = expectOk(await post(adminA, `/v1/console/operators/${who.operatorId}/unlock`));
    assert.equal(unlocked.lockedUntil, undefined);
    assert.equal(unlocked.login, who.login);
    await signInOperator(who);
    const { entries } = await auditLog();
    const entry = [...entries].reverse().find((e) => e.action === 'operator.unlock' && e.target.id === who.operatorId)!;
    assert.equal(entry.actor.id, adminA.operatorId);
    assert.deepEqual(entry.before, { lockedUntil: locked.lockedUntil });
  });

  test('a reset authenticator ends the operator’s sessions; they activate again with a new code, their own password and authenticator', async () => {
    const who = await signedIn(['PRODUCT_MANAGER'], '周洋');
    const reset = expectOk(await post(adminB, `/v1/console/operators/${who.operatorId}/totp-reset`));
    assert.equal(reset.login, who.login);
    expectError(await me(who.token), 401, 'UNAUTHENTICATED');
    // The old password and authenticator are gone with it.
    expectError(await passwordStep(who.login, who.password), 401, 'SIGN_IN_FAILED');
    assert.equal((await rowOf(adminA, who.login)).status, 'PENDING_ACTIVATION');
    expectError(await post(adminB, `/v1/console/operators/${who.operatorId}/totp-reset`), 409, 'OPERATOR_NOT_ACTIVE');
    const { secret } = await activate(who.login, reset.activationCode, 'Zhou-Yang-2027');
    const { challengeId } = expectOk(await passwordStep(who.login, 'Zhou-Yang-2027'));
    expectError(await codeStep(challengeId, totpCode(who, 1)), 401, 'TOTP_INCORRECT');
    expectOk(await codeStep(challengeId, totpAt(secret, new Date(Date.now() + 30_000))));
    const { entries } = await auditLog();
    const entry = [...entries].reverse().find((e) => e.action === 'operator.totp-reset')!;
    assert.deepEqual([entry.actor.id, entry.target.id, entry.before], [adminB.operatorId, who.operatorId, { status: 'ACTIVE' }]);
  });

  test('an administrator’s authenticator is not reset directly: that would hand one administrator a second’s account', async () => {
    const third = await newOperator(['ADMIN'], '王强');
    expectError(await post(adminA, `/v1/console/operators/${third.operatorId}/totp-reset`), 403, 'OPERATOR_IS_ADMIN');
    await signInOperator(third);
  });
});

describe('the list', () => {
  test('by login, filtered by text, status and role, a page at a time — Queries and BatchGets, never a Scan', async () => {
    const { result, commands } = await recordCommands(async () => {
      const all = expectOk(await list(adminA, { limit: '100' }));
      const firstPage = expectOk(await list(adminA, { limit: '2' }));
      const secondPage = expectOk(await list(adminA, { limit: '2', cursor: firstPage.nextCursor }));
      const admins = expectOk(await list(adminA, { role: 'ADMIN', status: 'ACTIVE', limit: '100' }));
      const byName = expectOk(await list(adminA, { q: '刘' }));
      return { all, firstPage, secondPage, admins, byName };
    });
    const logins = result.all.operators.map((row: { login: string }) => row.login);
    assert.deepEqual(logins, [...logins].sort());
    assert.ok(logins.includes('risk.liu') && logins.includes(adminA.login));
    assert.deepEqual([...result.firstPage.operators, ...result.secondPage.operators].map((row: { login: string }) => row.login), logins.slice(0, 4));
    assert.ok(result.admins.operators.length >= 3);
    assert.ok(result.admins.operators.every((row: { roles: string[]; status: string }) => row.roles.includes('ADMIN') && row.status === 'ACTIVE'));
    assert.deepEqual(result.byName.operators.map((row: { login: string }) => row.login), ['risk.liu']);
    const sent = new Set(commands.map((c) => c.command));
    assert.ok(!sent.has('ScanCommand'), [...sent].join(', '));
    assert.ok(sent.has('QueryCommand'));
    // Nothing secret in a row.
    const text = JSON.stringify(result.all);
    for (const field of ['passwordHash', 'totpSecretEnc', 'activationCodeHash', 'failedAttempts', 'lastTotpStep']) assert.ok(!text.includes(field), field);
  });

  test('only administrators manage operators', async () => {
    expectError(await list(pm), 403, 'FORBIDDEN');
    expectError(await post(pm, '/v1/console/operators/changes', { login: 'pm.new', displayName: '新人', roles: ['PRODUCT_MANAGER'] }), 403, 'FORBIDDEN');
  });
});
});
