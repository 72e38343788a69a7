// 差错调整 on the API (DynamoDB Local): customer service proposes a correction from a dispute
// ticket; another operator with corrections.approve approves it, and one journal moves the amount
// from the bank's correction account to the customer — posted once however often it is applied,
// the ledger balanced, the ticket showing it to both sides, the customer told. Refused, changing
// nothing: the proposer approving their own, an amount above what the movement leaves, a role
// without the permission. A closed account fails the change at apply, saying why; a frozen one
// takes the credit.
import assert from 'node:assert/strict';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { before, describe, test } from 'node:test';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import type { ChangeRequest } from '../../functions/domain/change-requests.js';
import { HOUSE_ACCOUNTS } from '../../functions/domain/ledger.js';
import { handler as complaints } from '../../functions/http/complaints.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleComplaints } from '../../functions/http/console-complaints.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { CHANGE_KIND_HANDLERS } from '../../functions/services/change-kinds.js';
import { correctionJournalId } from '../../functions/services/change-kinds/complaint-correction.js';
import { getChange } from '../../functions/store/change-requests.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { call, useBank } from '../support/bank.js';
import { balanceFen, historyEntry, type Onboarded, onboard, topUp, transfer } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound, type Item, scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const TRANSFER_FEN = 10_000;

interface Desk {
  token: string;
}

const desk = (who: Desk, method: 'GET' | 'POST', path: string, body?: unknown) => call(consoleComplaints, { method, path, token: who.token, ...(body === undefined ? {} : { body }) });
const propose = (who: Desk, ticketId: string, amountFen: number, reason = '经核实为系统重复扣款，予以退还。') => desk(who, 'POST', `/v1/console/complaints/${ticketId}/corrections`, { amountFen, reason });
const decide = (who: Desk, changeId: string, action: 'approve' | 'reject', body: object = {}) => call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/${action}`, token: who.token, body });
const ticketOf = async (who: Desk, ticketId: string) => expectOk(await desk(who, 'GET', `/v1/console/complaints/${ticketId}`));
const customerTicket = async (who: Onboarded, ticketId: string) => expectOk(await call(complaints, { method: 'GET', path: `/v1/complaints/${ticketId}`, token: who.token }));
const setStatus = (who: Onboarded, status: string) =>
  db().doc.send(new UpdateCommand({ TableName: db().tableName, Key: keys.balance(who.accountId), UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status } }));

/** The table without what every request writes regardless (sessions, audit reads). */
const snapshot = async () => JSON.stringify((await scanTable()).filter((item) => !['IDEMPOTENCY', 'SESSION', 'OPERATOR_SESSION'].includes(String(item.type))).sort((x, y) => `${x.PK}${x.SK}`.localeCompare(`${y.PK}${y.SK}`)));
const correctionJournals = (items: Item[]) => items.filter((item) => item.type === 'JOURNAL' && item.kind === 'CORRECTION');
/** The ledger's invariants, the corrections' journals being keyed on their changes, not on a request. */
const assertBooksSound = async () => assertLedgerSound({ unkeyedJournals: new Set(correctionJournals(await scanTable()).map((item) => String(item.journalId))) });
const correctionHouseFen = (items: Item[]) => items.filter((item) => item.type === 'HOUSE' && String(item.PK).startsWith(`ACCT#${HOUSE_ACCOUNTS.CORRECTION}~`)).reduce((sum, item) => sum + Number(item.balanceFen), 0);

async function newestAudit(count: number): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, count);
  return items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item));
}

/** A customer who paid another, and disputes that transfer. */
async function dispute(name: string): Promise<{ who: Onboarded; ticketId: string; journalId: string }> {
  const [who, payee] = await Promise.all([onboard({ name }), onboard({ name: '收款人' })]);
  expectOk(await topUp(who, 50_000));
  const journalId = expectOk(await transfer(who, payee, TRANSFER_FEN)).journalId;
  const ticket = expectOk(await call(complaints, { method: 'POST', path: '/v1/complaints', token: who.token, body: { category: 'DISPUTE', description: '这笔转账被重复扣款了，请核实。', journalId } }));
  return { who, ticketId: ticket.ticketId, journalId };
}

describe('差错调整', () => {
  let agent: Desk;
  let agentTwo: Desk;
  let operations: Desk;
  let auditor: Desk;

  before(async () => {
    const operators = await Promise.all([newOperator(['CUSTOMER_SERVICE'], '赵客服'), newOperator(['CUSTOMER_SERVICE', 'OPERATIONS'], '孙客服'), newOperator(['OPERATIONS'], '钱运营'), newOperator(['AUDITOR'], '李审计')]);
    const tokens = await Promise.all(operators.map(async (who) => ({ token: (await signInOperator(who)).accessToken })));
    [agent, agentTwo, operations, auditor] = tokens as [Desk, Desk, Desk, Desk];
  });

  test('proposed by customer service, approved by operations: one journal from the correction account, balances conserved, the ticket shows it to both sides', async () => {
    const { who, ticketId } = await dispute('张调整');
    const balanceBefore = await balanceFen(who);
    const houseBefore = correctionHouseFen(await scanTable());
    assert.equal((await ticketOf(agent, ticketId)).correctionRoomFen, TRANSFER_FEN);

    const change: ChangeRequest = expectOk(await propose(agent, ticketId, 2_500));
    assert.deepEqual([change.kind, change.status, change.entityId.startsWith('movement:')], ['COMPLAINT_CORRECTION', 'PENDING', true]);
    assert.deepEqual([change.after.amountFen, change.after.disputedFen, change.after.correctedBeforeFen, change.before], [2_500, TRANSFER_FEN, 0, null]);
    // Listed for the checker with its details.
    const inbox = expectOk(await call(consoleChanges, { method: 'GET', path: '/v1/console/changes', token: operations.token, query: { status: 'PENDING', kind: 'COMPLAINT_CORRECTION' } }));
    assert.ok(inbox.changes.some((listed: ChangeRequest) => listed.changeId === change.changeId));
    const waiting = await ticketOf(agent, ticketId);
    assert.deepEqual(waiting.corrections.map((c: { status: string; amountFen: number; proposedBy: string }) => [c.status, c.amountFen]), [['PENDING', 2_500]]);
    assert.deepEqual((await customerTicket(who, ticketId)).corrections, [], 'the customer sees no correction until it is paid');
    // One waits per movement.
    expectError(await propose(agent, ticketId, 100), 409, 'CHANGE_PENDING');

    const approved = expectOk(await decide(operations, change.changeId, 'approve', { note: '核对无误' }));
    assert.equal(approved.status, 'EFFECTIVE');
    assert.equal(await balanceFen(who), balanceBefore + 2_500);
    const items = await scanTable();
    assert.equal(correctionHouseFen(items) - houseBefore, -2_500, 'the bank\'s correction account paid it');
    assert.equal(correctionJournals(items).length, 1);
    await assertBooksSound();

    const journalId = correctionJournalId(change.changeId);
    const entry = await historyEntry(who, journalId);
    assert.equal(entry.amountFen, 2_500);
    assert.match(entry.label, /^差错调整（交易 [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}）$/);

    const paid = await ticketOf(agent, ticketId);
    assert.equal(paid.correctionRoomFen, TRANSFER_FEN - 2_500);
    const [row] = paid.corrections;
    assert.deepEqual([row.status, row.statusLabel, row.approvedBy !== null, row.reference, typeof row.paidAt], ['EFFECTIVE', '已生效', true, entry.reference, 'string']);
    const seen = await customerTicket(who, ticketId);
    assert.deepEqual(seen.corrections.map((c: { amountFen: number; reference: string }) => [c.amountFen, c.reference]), [[2_500, entry.reference]]);

    const [payEntry] = (await newestAudit(20)).filter((audit) => audit.action === 'complaint.correction.pay' && audit.target.id === ticketId);
    assert.deepEqual(payEntry?.after, { journalId, amountFen: 2_500, accountId: who.accountId, changeId: change.changeId, makerLogin: change.maker.login, checkerLogin: approved.checker.login });
    const messages = items.filter((item) => item.type === 'MESSAGE' && item.kind === 'CORRECTION_POSTED' && item.customerId === who.customerId);
    assert.equal(messages.length, 1);

    // Applying it again (the scheduler racing the approval, a crash before EFFECTIVE) posts nothing.
    const stored = (await getChange(change.changeId))!;
    await CHANGE_KIND_HANDLERS.COMPLAINT_CORRECTION.apply(stored, new Date());
    await CHANGE_KIND_HANDLERS.COMPLAINT_CORRECTION.apply(stored, new Date(Date.now() + 60_000));
    const after = await scanTable();
    assert.equal(correctionJournals(after).length, 1);
    assert.equal(await balanceFen(who), balanceBefore + 2_500);
    assert.equal(after.filter((item) => item.type === 'MESSAGE' && item.kind === 'CORRECTION_POSTED' && item.customerId === who.customerId).length, 1);
    assert.equal(after.find((item) => item.PK === keys.movementCorrected(String(stored.after.movementJournalId)).PK)?.correctedFen, 2_500);
    await assertBooksSound();
  });

  test('the proposer cannot approve their own; a role without corrections.approve cannot approve; an auditor cannot propose', async () => {
    const { ticketId } = await dispute('王自审');
    const change = expectOk(await propose(agentTwo, ticketId, 1_000));
    expectError(await decide(agentTwo, change.changeId, 'approve'), 403, 'SAME_OPERATOR');
    expectError(await decide(agent, change.changeId, 'approve'), 403, 'FORBIDDEN');
    expectError(await propose(auditor, ticketId, 1_000), 403, 'FORBIDDEN');
    expectError(await propose(operations, ticketId, 1_000), 403, 'FORBIDDEN');
    assert.equal((await getChange(change.changeId))?.status, 'PENDING');
    assert.equal(correctionJournals(await scanTable()).filter((journal) => journal.journalId === correctionJournalId(change.changeId)).length, 0);
  });

  test('an amount above the disputed amount less what was corrected, or not positive, is refused and changes nothing', async () => {
    const { ticketId } = await dispute('陈超额');
    const before = await snapshot();
    expectError(await propose(agent, ticketId, TRANSFER_FEN + 1), 422, 'CORRECTION_EXCEEDS_DISPUTED');
    expectError(await propose(agent, ticketId, 0), 400, 'VALIDATION_FAILED');
    expectError(await propose(agent, ticketId, 12.5), 400, 'VALIDATION_FAILED');
    expectError(await propose(agent, ticketId, 100, '短'), 400, 'VALIDATION_FAILED');
    assert.equal(await snapshot(), before);

    // After a full correction, nothing is left to correct.
    const full = expectOk(await propose(agent, ticketId, TRANSFER_FEN));
    assert.equal(expectOk(await decide(operations, full.changeId, 'approve')).status, 'EFFECTIVE');
    assert.equal((await ticketOf(agent, ticketId)).correctionRoomFen, 0);
    const settled = await snapshot();
    expectError(await propose(agent, ticketId, 1), 422, 'CORRECTION_EXCEEDS_DISPUTED');
    assert.equal(await snapshot(), settled);
    await assertBooksSound();
  });

  test('a complaint that names no movement cannot be corrected; a ticket that does not exist is 404', async () => {
    const who = await onboard({ name: '刘投诉' });
    const ticket = expectOk(await call(complaints, { method: 'POST', path: '/v1/complaints', token: who.token, body: { category: 'SERVICE', description: '客服电话一直打不通。' } }));
    expectError(await propose(agent, ticket.ticketId, 100), 409, 'COMPLAINT_NOT_DISPUTE');
    expectError(await propose(agent, `T${'0'.repeat(32)}`, 100), 404, 'COMPLAINT_NOT_FOUND');
    assert.equal((await ticketOf(agent, ticket.ticketId)).correctionRoomFen, null);
  });

  test('an account closed before the approval: the change ends FAILED saying why, nothing posted; a frozen account takes the credit', async () => {
    const closing = await dispute('周销户');
    const change = expectOk(await propose(agent, closing.ticketId, 3_000));
    await setStatus(closing.who, 'CLOSED');
    const houseBefore = correctionHouseFen(await scanTable());
    const failed = expectOk(await decide(operations, change.changeId, 'approve'));
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.failure, '该电子账户已销户，差错调整未入账');
    const items = await scanTable();
    assert.equal(correctionJournals(items).filter((journal) => journal.journalId === correctionJournalId(change.changeId)).length, 0);
    assert.equal(correctionHouseFen(items), houseBefore);
    const [row] = (await ticketOf(agent, closing.ticketId)).corrections;
    assert.deepEqual([row.status, row.failure, row.paidAt], ['FAILED', '该电子账户已销户，差错调整未入账', null]);
    // Closed: a new proposal is refused at once.
    expectError(await propose(agent, closing.ticketId, 100), 409, 'ACCOUNT_CLOSED');

    const frozen = await dispute('吴冻结');
    const credit = expectOk(await propose(agent, frozen.ticketId, 700));
    await setStatus(frozen.who, 'FROZEN');
    const balance = await balanceFen(frozen.who);
    assert.equal(expectOk(await decide(operations, credit.changeId, 'approve')).status, 'EFFECTIVE');
    assert.equal(await balanceFen(frozen.who), balance + 700);
    await assertBooksSound();
  });
});
