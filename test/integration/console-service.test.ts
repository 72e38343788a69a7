// The console's service desk: an agent finds a customer by phone, account number or name through
// the keyed blind indexes (no Scan), reads them masked, reveals a phone or ID number only with a
// reason (the audit entry written before the value leaves), freezes the e-account at once (the
// ledger then refuses its debits with ACCOUNT_FROZEN, while money still comes in), and asks for
// the unfreeze, which a second operator approves through the changes routes.
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import { HOUSE_ACCOUNTS, transferJournal } from '../../functions/domain/ledger.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleService } from '../../functions/http/console-service.js';
import { handler as customerHandler } from '../../functions/http/customer.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { getAccount } from '../../functions/store/accounts.js';
import { db } from '../../functions/store/client.js';
import { decrypt } from '../../functions/store/crypto.js';
import { keys } from '../../functions/store/keys.js';
import { deterministicJournalId, houseShard, postJournal } from '../../functions/store/ledger.js';
import { call, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { balanceFen, type Onboarded, onboard, topUp, transfer, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { newOperator, signInOperator, type TestOperator } from '../support/operators.js';

useBank();

const service = (token: string, method: 'GET' | 'POST', path: string, extra: { query?: Record<string, string>; body?: unknown } = {}) =>
  call(consoleService, { method, path, token, ...extra });
const search = (token: string, query: Record<string, string>) => service(token, 'GET', '/v1/console/customers', { query });

async function newestAudit(count: number): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, count);
  return items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item));
}

let agent: TestOperator;
let agentToken: string;
let riskToken: string;
let risk: TestOperator;
let customer: Onboarded;
let payee: Onboarded;
/** A name no other test file gives a customer: 服务 and four random Chinese numerals. */
const uniqueName = `服务${String(randomInt(0, 10_000)).padStart(4, '0').replace(/\d/g, (digit) => '零一二三四五六七八九'[Number(digit)]!)}`;

/** The operators and customers every suite uses, made once (in the first suite's before: the
 *  bank's own before hook has set the environment by then). */
let made: Promise<void> | undefined;
const setUp = () => (made ??= makeParties());
async function makeParties(): Promise<void> {
  agent = await newOperator(['CUSTOMER_SERVICE'], '赵客服');
  risk = await newOperator(['RISK_OFFICER'], '王风控');
  agentToken = (await signInOperator(agent)).accessToken;
  riskToken = (await signInOperator(risk)).accessToken;
  customer = await onboard({ name: uniqueName });
  payee = await onboard({ name: '钱收款' });
  expectOk(await topUp(customer, 50_000));
}

describe('finding a customer', () => {
  before(setUp);

  test('by phone, by account number (spaces as typed) and by name: exact lookups, no Scan, masked', async () => {
    const account = (await getAccount(customer.accountId))!;
    const accountNumber = await decrypt(account.accountNumberEnc);
    const spaced = accountNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    const commands: string[] = [];
    for (const query of [{ phone: customer.phone }, { accountNumber: spaced }, { name: uniqueName }] as Record<string, string>[]) {
      let answer: any;
      commands.push(...(await recordCommands(async () => (answer = expectOk(await search(agentToken, query))))).commands.map((sent) => sent.command));
      assert.equal(answer.customers.length, 1, JSON.stringify(query));
      const [found] = answer.customers;
      assert.equal(found.customerId, customer.customerId);
      assert.equal(found.accountId, customer.accountId);
      assert.equal(found.accountStatus, 'ACTIVE');
      assert.ok(!JSON.stringify(answer).includes(customer.phone) && !JSON.stringify(answer).includes(accountNumber), 'masked');
    }
    assert.ok(commands.length > 0);
    assert.deepEqual(commands.filter((name) => /Scan/.test(name)), []);
  });

  test('a shared name finds each customer who has it; nobody matches an unknown one', async () => {
    const twin = await onboard({ name: uniqueName });
    const { customers } = expectOk(await search(agentToken, { name: ` ${uniqueName} ` }));
    assert.deepEqual(customers.map((c: { customerId: string }) => c.customerId).sort(), [customer.customerId, twin.customerId].sort());
    assert.deepEqual(expectOk(await search(agentToken, { phone: '19999999999' })).customers, []);
  });

  test('a name in CJK extension B, and a minority name typed with a look-alike dot, find their customer', async () => {
    const rare = await onboard({ name: `𠮷${uniqueName}` });
    const minority = await onboard({ name: `阿依·${uniqueName}` });
    const found = async (name: string) => expectOk(await search(agentToken, { name })).customers.map((c: { customerId: string }) => c.customerId);
    assert.deepEqual(await found(`𠮷${uniqueName}`), [rare.customerId]);
    assert.deepEqual(await found(`阿依・${uniqueName}`), [minority.customerId]);
    assert.deepEqual(await found(`阿依•${uniqueName}`), [minority.customerId]);
  });

  test('exactly one criterion; an operator without customers.read is refused', async () => {
    expectError(await search(agentToken, {}), 400, 'VALIDATION_FAILED');
    expectError(await search(agentToken, { phone: customer.phone, name: uniqueName }), 400, 'VALIDATION_FAILED');
    const pm = await newOperator(['PRODUCT_MANAGER']);
    expectError(await search((await signInOperator(pm)).accessToken, { phone: customer.phone }), 403, 'FORBIDDEN');
  });
});

describe('the 360 view and reveals', () => {
  before(setUp);

  test('masked: profile, account, postings, devices, PIN lock state with the hint — no full phone or ID number', async () => {
    const view = expectOk(await service(agentToken, 'GET', `/v1/console/customers/${customer.customerId}`));
    assert.equal(view.profile.customerId, customer.customerId);
    assert.match(view.profile.phoneMasked, /^\d{3}\*{4}\d{4}$/);
    assert.equal(view.account.balanceFen, await balanceFen(customer));
    assert.equal(view.account.status, 'ACTIVE');
    assert.ok(view.journals.length >= 1);
    assert.deepEqual({ set: view.pin.set, lockedUntil: view.pin.lockedUntil }, { set: true, lockedUntil: null });
    assert.match(view.pin.hint, /不能代客户解锁/);
    // 登录设备: the session the customer signed up in, verified as their first device.
    assert.equal(view.devices.length, 1);
    assert.equal(view.devices[0].deviceVerified, true);
    assert.ok(view.devices[0].knownSince <= view.devices[0].lastUsedAt);
    const text = JSON.stringify(view);
    assert.ok(!text.includes(customer.phone) && !text.includes(customer.idNumber));
    expectError(await service(agentToken, 'GET', '/v1/console/customers/nobody'), 404, 'CUSTOMER_NOT_FOUND');
  });

  test('a locked PIN shows until when', async () => {
    const lockedUntil = new Date(Date.now() + 3_600_000).toISOString();
    await db().doc.send(
      new UpdateCommand({ TableName: db().tableName, Key: keys.customer(payee.customerId), UpdateExpression: 'SET pinLockedUntil = :until', ExpressionAttributeValues: { ':until': lockedUntil } }),
    );
    const view = expectOk(await service(agentToken, 'GET', `/v1/console/customers/${payee.customerId}`));
    assert.equal(view.pin.lockedUntil, lockedUntil);
    await db().doc.send(
      new UpdateCommand({ TableName: db().tableName, Key: keys.customer(payee.customerId), UpdateExpression: 'SET pinLockedUntil = :none', ExpressionAttributeValues: { ':none': null } }),
    );
  });

  test('a reveal needs a reason of 4–200 characters, and is in the audit log with it before the value is answered', async () => {
    const path = `/v1/console/customers/${customer.customerId}/reveal`;
    expectError(await service(agentToken, 'POST', path, { body: { field: 'phone' } }), 400, 'VALIDATION_FAILED');
    expectError(await service(agentToken, 'POST', path, { body: { field: 'phone', reason: '核实' } }), 400, 'VALIDATION_FAILED');
    expectError(await service(agentToken, 'POST', path, { body: { field: 'phone', reason: 'x'.repeat(201) } }), 400, 'VALIDATION_FAILED');
    const phone = expectOk(await service(agentToken, 'POST', path, { body: { field: 'phone', reason: '客户来电核实身份' } }));
    assert.equal(phone.value, customer.phone);
    const [entry] = await newestAudit(1);
    assert.deepEqual(
      { actor: entry!.actor, action: entry!.action, target: entry!.target, reason: entry!.reason },
      { actor: { kind: 'operator', id: agent.operatorId }, action: 'customer.reveal.phone', target: { kind: 'customer', id: customer.customerId }, reason: '客户来电核实身份' },
    );
    const id = expectOk(await service(agentToken, 'POST', path, { body: { field: 'idNumber', reason: '办理业务核对证件' } }));
    assert.equal(id.value, customer.idNumber);
    assert.equal((await newestAudit(1))[0]!.action, 'customer.reveal.id-number');
    // A risk officer investigating an alert reveals too, with the reason audited; an operator
    // without customers.reveal does not.
    expectOk(await service(riskToken, 'POST', path, { body: { field: 'idNumber', reason: '可疑交易预警调查，核对证件' } }));
    assert.deepEqual([(await newestAudit(1))[0]!.actor, (await newestAudit(1))[0]!.reason], [{ kind: 'operator', id: risk.operatorId }, '可疑交易预警调查，核对证件']);
    const auditorToken = (await signInOperator(await newOperator(['AUDITOR'], '孙审计'))).accessToken;
    expectError(await service(auditorToken, 'POST', path, { body: { field: 'phone', reason: '客户来电核实身份' } }), 403, 'FORBIDDEN');
  });
});

describe('freezing an e-account', () => {
  before(setUp);

  test('frozen at once and audited; debits are refused with ACCOUNT_FROZEN, credits still land; unfreeze needs a second operator', async () => {
    const freezePath = `/v1/console/accounts/${customer.accountId}/freeze`;
    // The money-laundering rating: given at onboarding, shown to the risk officer and never to the
    // service desk, who speaks with the customer.
    const ratingSeenBy = async (token: string) => expectOk(await service(token, 'GET', `/v1/console/customers/${customer.customerId}`)).riskRating;
    assert.deepEqual(await ratingSeenBy(agentToken), null);
    const onboarded = await ratingSeenBy(riskToken);
    assert.deepEqual([onboarded.rating, onboarded.label, onboarded.reasons], ['LOW', '低风险', []]);
    const frozen = expectOk(await service(agentToken, 'POST', freezePath, { body: { reason: '疑似电信诈骗，客户来电要求止付' } }));
    assert.equal(frozen.status, 'FROZEN');
    assert.deepEqual(frozen.freeze.reason, '疑似电信诈骗，客户来电要求止付');
    const [entry] = await newestAudit(1);
    assert.deepEqual(
      { action: entry!.action, target: entry!.target, reason: entry!.reason, before: entry!.before, after: entry!.after },
      { action: 'account.freeze', target: { kind: 'account', id: customer.accountId }, reason: '疑似电信诈骗，客户来电要求止付', before: { status: 'ACTIVE' }, after: { status: 'FROZEN' } },
    );
    expectError(await service(agentToken, 'POST', freezePath, { body: { reason: '再次冻结测试' } }), 409, 'ACCOUNT_ALREADY_FROZEN');

    const frozenRating = await ratingSeenBy(riskToken);
    assert.deepEqual([frozenRating.rating, frozenRating.reasons], ['HIGH', ['账户已被本行冻结']]);
    assert.ok(frozenRating.ratedAt >= onboarded.ratedAt);

    // The customer's own view says so (the mini-program shows why payments stop), and says nothing of the rating.
    const me = expectOk(await call(customerHandler, { method: 'GET', path: '/v1/me', token: customer.token }));
    assert.equal(me.account.status, 'FROZEN');
    assert.doesNotMatch(JSON.stringify(me), /riskRating|高风险/);
    const balance = await balanceFen(customer);
    const refused = await transfer(customer, payee, 100);
    expectError(refused, 422, 'ACCOUNT_FROZEN');
    assert.match(refused.body.error.message, /冻结/);
    expectError(await withdraw(customer, 100), 422, 'ACCOUNT_FROZEN');
    assert.equal(await balanceFen(customer), balance);
    // 只收不付: a transfer in and a top-up still arrive.
    expectOk(await topUp(payee, 1_000));
    expectOk(await transfer(payee, customer, 200));
    expectOk(await topUp(customer, 300));
    assert.equal(await balanceFen(customer), balance + 500);

    // The ledger itself refuses, whatever the workflow: a debit posted without any check first.
    const journalId = deterministicJournalId('console-service-test', randomUUID());
    const outcome = await postJournal(
      transferJournal({
        journalId,
        from: { accountId: customer.accountId, displayName: '测试' },
        to: { accountId: houseShard(HOUSE_ACCOUNTS.CARD_SETTLEMENT, journalId, 4), displayName: '测试' },
        amountFen: 1,
        memo: undefined,
        createdAt: new Date().toISOString(),
      }),
    );
    assert.deepEqual(outcome, { ok: false, reason: 'ACCOUNT_FROZEN', accountId: customer.accountId });

    // The unfreeze: asked by the agent, approved by the risk officer (not by the agent).
    const requestPath = `/v1/console/accounts/${customer.accountId}/unfreeze-requests`;
    const change = expectOk(await service(agentToken, 'POST', requestPath, { body: { reason: '客户已核实，诈骗风险排除' } }));
    assert.deepEqual({ kind: change.kind, status: change.status, entityId: change.entityId }, { kind: 'ACCOUNT_UNFREEZE', status: 'PENDING', entityId: `account:${customer.accountId}` });
    expectError(await service(agentToken, 'POST', requestPath, { body: { reason: '重复申请解冻' } }), 409, 'CHANGE_PENDING');
    const view = expectOk(await service(agentToken, 'GET', `/v1/console/customers/${customer.customerId}`));
    assert.equal(view.account.pendingUnfreeze.changeId, change.changeId);
    expectError(await call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${change.changeId}/approve`, token: agentToken, body: {} }), 403, 'SAME_OPERATOR');
    expectOk(await call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${change.changeId}/approve`, token: riskToken, body: { note: '同意解冻' } }));

    assert.equal((await getAccount(customer.accountId))!.status, 'ACTIVE');
    assert.equal((await getAccount(customer.accountId))!.freeze, undefined);
    assert.equal(expectOk(await call(customerHandler, { method: 'GET', path: '/v1/me', token: customer.token })).account.status, 'ACTIVE');
    assert.equal((await ratingSeenBy(riskToken)).rating, 'LOW');
    const unfreeze = (await newestAudit(5)).find((item) => item.action === 'account.unfreeze');
    assert.ok(unfreeze, 'the unfreeze is in the audit log');
    assert.deepEqual({ actor: unfreeze.actor, target: unfreeze.target, reason: unfreeze.reason }, { actor: { kind: 'operator', id: risk.operatorId }, target: { kind: 'account', id: customer.accountId }, reason: '客户已核实，诈骗风险排除' });
    expectOk(await transfer(customer, payee, 100));
    expectError(await service(agentToken, 'POST', requestPath, { body: { reason: '未冻结时申请' } }), 409, 'ACCOUNT_NOT_FROZEN');
  });

  test('an unknown account is 404; short funds on an active account are still INSUFFICIENT_FUNDS', async () => {
    expectError(await service(agentToken, 'POST', '/v1/console/accounts/nope/freeze', { body: { reason: '测试不存在账户' } }), 404, 'ACCOUNT_NOT_FOUND');
    expectError(await transfer(payee, customer, 100_000), 422, 'INSUFFICIENT_FUNDS');
  });
});
