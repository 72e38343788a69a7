// The audit log in the console: every sign-in, failed sign-in (wrong password, unknown login,
// wrong or used code, expired challenge, locked) and sign-out is an entry naming who and why —
// never the password; GET /v1/console/audit reads it newest first by sequence number with the
// operators' names; GET /v1/console/audit/verification answers the chain's verdict, and names an
// edited entry; reading the log records nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import { exportAudit, readAuditPage } from '../../functions/services/audit.js';
import { beginSignIn, completeSignIn } from '../../functions/services/operators.js';
import { db } from '../../functions/store/client.js';
import { useBank } from '../support/bank.js';
import { expectError, expectOk } from '../support/expect.js';
import { codeStep, consoleCall, newOperator, passwordStep, signInOperator, type TestOperator, totpCode } from '../support/operators.js';
import { backOfficeKeys } from '../../functions/store/back-office-keys.js';

useBank();

const MINUTE_MS = 60_000;

/** The newest `count` entries, newest first (none of them unreadable). */
async function newest(count: number): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, count);
  return items.map((item: ChainItem) => {
    assert.ok(!('unreadable' in item), `entry ${item.seq} is unreadable`);
    return item;
  });
}
const headSeq = async () => (await readAuditPage(undefined, 1)).headSeq;
const summary = ({ actor, action, target, after }: AuditEntry) => ({ actor, action, target, ...(after === undefined ? {} : { after }) });
const operatorParty = (who: TestOperator) => ({ kind: 'operator', id: who.operatorId });
const wrongCode = (who: TestOperator) => String((Number(totpCode(who)) + 500_000) % 1_000_000).padStart(6, '0');

const auditPage = (token: string, query?: Record<string, string>) => consoleCall({ method: 'GET', path: '/v1/console/audit', token, ...(query ? { query } : {}) });
const verification = (token: string) => consoleCall({ method: 'GET', path: '/v1/console/audit/verification', token });

describe('sign-in events are recorded', () => {
  test('a sign-in and a sign-out: the operator, acting on themself', async () => {
    const who = await newOperator(['OPERATIONS']);
    const { accessToken } = await signInOperator(who);
    assert.deepEqual(summary((await newest(1))[0]!), { actor: operatorParty(who), action: 'console.sign-in', target: operatorParty(who) });
    expectOk(await consoleCall({ method: 'POST', path: '/v1/console/sign-out', token: accessToken }));
    assert.deepEqual(summary((await newest(1))[0]!), { actor: operatorParty(who), action: 'console.sign-out', target: operatorParty(who) });
  });

  test('a wrong password, a wrong code and a code already used: each with the count it brought the operator to', async () => {
    const who = await newOperator(['OPERATIONS']);
    expectError(await passwordStep(who.login, `${who.password}x`), 401, 'SIGN_IN_FAILED');
    const { challengeId } = expectOk(await passwordStep(who.login, who.password));
    expectError(await codeStep(challengeId, wrongCode(who)), 401, 'TOTP_INCORRECT');
    const code = totpCode(who);
    expectOk(await codeStep(challengeId, code));
    const again = expectOk(await passwordStep(who.login, who.password));
    expectError(await codeStep(again.challengeId, code), 401, 'TOTP_USED');
    const [used, signedIn, wrong, password] = await newest(4);
    assert.deepEqual(summary(password!), { actor: operatorParty(who), action: 'console.sign-in.failed.password', target: operatorParty(who), after: { failedAttempts: 1 } });
    assert.deepEqual(summary(wrong!), { actor: operatorParty(who), action: 'console.sign-in.failed.totp', target: operatorParty(who), after: { failedAttempts: 2 } });
    assert.equal(signedIn!.action, 'console.sign-in');
    // The completed sign-in started a new count.
    assert.deepEqual(summary(used!), { actor: operatorParty(who), action: 'console.sign-in.failed.totp-used', target: operatorParty(who), after: { failedAttempts: 1 } });
  });

  test('an unknown login: an anonymous actor and the login tried, bounded to what a login can be', async () => {
    expectError(await passwordStep('nobody.here', 'Some-Password-1'), 401, 'SIGN_IN_FAILED');
    assert.deepEqual(summary((await newest(1))[0]!), { actor: { kind: 'anonymous', id: 'unknown' }, action: 'console.sign-in.failed.unknown-login', target: { kind: 'login', id: 'nobody.here' } });
    // The route only passes valid logins; the service keeps whatever it is given within a login's bounds.
    await assert.rejects(beginSignIn(`Evil Login\n<script>${'x'.repeat(100)}`, 'Some-Password-1', new Date()), { code: 'SIGN_IN_FAILED' });
    assert.deepEqual((await newest(1))[0]!.target, { kind: 'login', id: 'evil?login??script?xxxxxxxxxxxxx' });
  });

  test('an expired challenge, a challenge that is not there, and a deactivated operator', async () => {
    const who = await newOperator(['AUDITOR']);
    const later = await beginSignIn(who.login, who.password, new Date());
    await assert.rejects(completeSignIn(later.challengeId, totpCode(who), new Date(Date.now() + 6 * MINUTE_MS)), { code: 'SIGN_IN_EXPIRED' });
    assert.deepEqual(summary((await newest(1))[0]!), { actor: operatorParty(who), action: 'console.sign-in.failed.expired', target: operatorParty(who) });
    expectError(await codeStep('A'.repeat(43), totpCode(who)), 401, 'SIGN_IN_EXPIRED');
    const [unknown] = await newest(1);
    assert.deepEqual(unknown!.actor, { kind: 'anonymous', id: 'unknown' });
    assert.equal(unknown!.action, 'console.sign-in.failed.expired');
    assert.equal(unknown!.target.kind, 'sign-in-challenge');
  });

  test('5 wrong passwords lock: the fifth entry says until when, a try while locked is recorded as such', async () => {
    const who = await newOperator(['RISK_OFFICER']);
    for (let n = 0; n < 4; n++) expectError(await passwordStep(who.login, `wrong-${n}-password`), 401, 'SIGN_IN_FAILED');
    expectError(await passwordStep(who.login, 'wrong-4-password'), 423, 'OPERATOR_LOCKED');
    expectError(await passwordStep(who.login, who.password), 423, 'OPERATOR_LOCKED');
    const [whileLocked, locking, fourth] = await newest(3);
    assert.deepEqual(fourth!.after, { failedAttempts: 4 });
    assert.equal(locking!.action, 'console.sign-in.failed.password');
    const { lockedUntil } = locking!.after as { lockedUntil: string };
    assert.deepEqual(locking!.after, { failedAttempts: 5, lockedUntil });
    const lockMinutes = (Date.parse(lockedUntil) - Date.now()) / MINUTE_MS;
    assert.ok(lockMinutes > 29 && lockMinutes <= 30, `locked for ${lockMinutes} min`);
    assert.deepEqual(summary(whileLocked!), { actor: operatorParty(who), action: 'console.sign-in.failed.locked', target: operatorParty(who), after: { lockedUntil } });
  });

  test('no entry holds a password, the chain stays whole', async (t) => {
    const lines: string[] = [];
    for await (const line of exportAudit()) lines.push(line);
    assert.ok(lines.length >= 15, `${lines.length} entries`);
    for (const secret of ['wrong-4-password', 'Some-Password-1', 'Pw-']) assert.ok(!lines.some((line) => line.includes(secret)), `an entry holds ${secret}`);
    t.diagnostic(`${lines.length} entries, actions: ${[...new Set(lines.map((line) => JSON.parse(line).action))].join(', ')}`);
  });
});

describe('reading the log in the console', () => {
  test('pages newest first by sequence number, with the operators named; limit and beforeSeq bounded', async () => {
    for (let n = 0; n < 12; n++) expectError(await passwordStep(`nobody.${n}`, 'Some-Password-1'), 401, 'SIGN_IN_FAILED');
    const auditor = await newOperator(['AUDITOR'], '孙审计');
    const { accessToken } = await signInOperator(auditor);
    const head = await headSeq();
    assert.ok(head >= 25, `${head} entries`);
    const first = expectOk(await auditPage(accessToken));
    assert.equal(first.headSeq, head);
    assert.deepEqual(first.entries.map((e: { seq: number }) => e.seq), Array.from({ length: 20 }, (_, n) => head - n));
    assert.equal(first.nextBeforeSeq, head - 19);
    const own = first.entries[0];
    assert.equal(own.action, 'console.sign-in');
    assert.deepEqual(own.actor, { kind: 'operator', id: auditor.operatorId, login: auditor.login, displayName: '孙审计' });
    assert.deepEqual(Object.keys(own).sort(), ['action', 'actor', 'at', 'seq', 'target']);
    const second = expectOk(await auditPage(accessToken, { beforeSeq: String(first.nextBeforeSeq), limit: '5' }));
    assert.deepEqual(second.entries.map((e: { seq: number }) => e.seq), [head - 20, head - 21, head - 22, head - 23, head - 24]);
    const oldest = expectOk(await auditPage(accessToken, { beforeSeq: '3', limit: '100' }));
    assert.deepEqual(oldest.entries.map((e: { seq: number }) => e.seq), [2, 1]);
    assert.equal(oldest.nextBeforeSeq, null);
    assert.deepEqual(expectOk(await auditPage(accessToken, { beforeSeq: '1' })).entries, []);
    // An anonymous actor and a login tried are shown as recorded.
    const anonymous = expectOk(await auditPage(accessToken, { limit: '100' })).entries.find((e: { action: string }) => e.action === 'console.sign-in.failed.unknown-login');
    assert.deepEqual(anonymous.actor, { kind: 'anonymous', id: 'unknown' });
    expectError(await auditPage(accessToken, { limit: '101' }), 400, 'VALIDATION_FAILED');
    expectError(await auditPage(accessToken, { limit: '0' }), 400, 'VALIDATION_FAILED');
    expectError(await auditPage(accessToken, { beforeSeq: 'x' }), 400, 'VALIDATION_FAILED');
  });

  test('verification: the verdict on the whole chain; an edited entry is named, and verifies again once put back', async () => {
    const auditor = await newOperator(['ADMIN']);
    const { accessToken } = await signInOperator(auditor);
    const head = await headSeq();
    assert.deepEqual(expectOk(await verification(accessToken)), { ok: true, checkedEntries: head, headSeq: head, anchor: null });
    const { doc, tableName } = db();
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.auditEntry(3), ConsistentRead: true }));
    assert.ok(Item);
    await doc.send(new PutCommand({ TableName: tableName, Item: { ...Item, action: 'console.sign-out' } }));
    try {
      const broken = expectOk(await verification(accessToken));
      assert.deepEqual(broken, { ok: false, problem: { kind: 'edited', seq: 3 }, message: '第 3 条审计记录的内容与其 MAC 不符：记录被修改', anchor: null });
    } finally {
      await doc.send(new PutCommand({ TableName: tableName, Item }));
    }
    assert.equal(expectOk(await verification(accessToken)).ok, true);
  });

  test('reading and verifying record nothing', async () => {
    const auditor = await newOperator(['AUDITOR']);
    const { accessToken } = await signInOperator(auditor);
    const head = await headSeq();
    expectOk(await auditPage(accessToken));
    expectOk(await verification(accessToken));
    assert.equal(await headSeq(), head);
  });

  test('an operator without audit.read is refused both', async () => {
    const { accessToken } = await signInOperator(await newOperator(['PRODUCT_MANAGER']));
    expectError(await auditPage(accessToken), 403, 'FORBIDDEN');
    expectError(await verification(accessToken), 403, 'FORBIDDEN');
  });
});
