// Complaints and disputes on the API (DynamoDB Local): a customer disputes one of their own
// movements (another customer's journal: 404, nothing stored), opens complaints up to the limit,
// reads only their own tickets; the service desk lists the open queue by deadline, takes and
// answers a ticket — each recorded in the audit log — and the customer reads the answer and closes
// it. Auditors read, but only customer service answers.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import { complaintDueAt, MAX_OPEN_COMPLAINTS } from '../../functions/domain/complaints.js';
import { handler as complaints } from '../../functions/http/complaints.js';
import { handler as consoleComplaints } from '../../functions/http/console-complaints.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, topUp, transfer } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const open = (who: { token: string }, body: Record<string, unknown>) => call(complaints, { method: 'POST', path: '/v1/complaints', token: who.token, body });
const mine = (who: { token: string }, query: Record<string, string> = {}) => call(complaints, { method: 'GET', path: '/v1/complaints', token: who.token, query });
const one = (who: { token: string }, ticketId: string) => call(complaints, { method: 'GET', path: `/v1/complaints/${ticketId}`, token: who.token });
const close = (who: { token: string }, ticketId: string) => call(complaints, { method: 'POST', path: `/v1/complaints/${ticketId}/close`, token: who.token });
const desk = (token: string, method: 'GET' | 'POST', path: string, extra: { query?: Record<string, string>; body?: unknown } = {}) => call(consoleComplaints, { method, path, token, ...extra });

async function newestAudit(count: number): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, count);
  return items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item));
}

describe('complaints and disputes', () => {
  let a: Onboarded;
  let b: Onboarded;
  let transferOfA: string;
  let topUpOfB: string;
  let agentToken: string;
  let auditorToken: string;
  let riskToken: string;
  let disputeId: string;

  before(async () => {
    [a, b] = await Promise.all([onboard({ name: '张投诉' }), onboard({ name: '李四' })]);
    expectOk(await topUp(a, 50_000));
    transferOfA = expectOk(await transfer(a, b, 1_234)).journalId;
    topUpOfB = expectOk(await topUp(b, 9_000)).journalId;
    const [agent, auditor, risk] = await Promise.all([newOperator(['CUSTOMER_SERVICE'], '赵客服'), newOperator(['AUDITOR'], '钱审计'), newOperator(['RISK_OFFICER'], '孙风控')]);
    const tokenOf = async (who: typeof agent) => (await signInOperator(who)).accessToken;
    [agentToken, auditorToken, riskToken] = await Promise.all([tokenOf(agent), tokenOf(auditor), tokenOf(risk)]);
  });

  test('a dispute of the customer\'s own movement: received, its deadline 15 days on, the movement as the customer saw it', async () => {
    const before = Date.now();
    const ticket = expectOk(await open(a, { category: 'DISPUTE', description: '这笔转账我没有操作过，请核实。', journalId: transferOfA }));
    disputeId = ticket.ticketId;
    assert.match(ticket.ticketId, /^T[0-9a-f]{32}$/);
    assert.equal(ticket.status, 'RECEIVED');
    assert.equal(ticket.statusLabel, '已受理');
    assert.equal(ticket.categoryLabel, '交易争议');
    assert.equal(ticket.dueAt, complaintDueAt(new Date(ticket.openedAt), 15));
    assert.ok(new Date(ticket.openedAt).getTime() >= before - 1000);
    assert.deepEqual({ journalId: ticket.movement.journalId, amountFen: ticket.movement.amountFen, counterparty: ticket.movement.counterparty }, { journalId: transferOfA, amountFen: -1_234, counterparty: '李*' });
    assert.equal(ticket.answer, null);
    assert.equal(ticket.overdue, false);
    const list = expectOk(await mine(a));
    assert.deepEqual(list.items.map((item: { ticketId: string }) => item.ticketId), [disputeId]);
  });

  test('another customer\'s movement cannot be disputed: 404, as for none, and nothing is stored', async () => {
    const tableBefore = JSON.stringify(await scanTable());
    expectError(await open(a, { category: 'DISPUTE', description: '这不是我的交易。', journalId: topUpOfB }), 404, 'HISTORY_ENTRY_NOT_FOUND');
    expectError(await open(a, { category: 'DISPUTE', description: '这笔交易不存在。', journalId: `J${'x'.repeat(26)}` }), 404, 'HISTORY_ENTRY_NOT_FOUND');
    assert.equal(JSON.stringify(await scanTable()), tableBefore);
  });

  test('bad input: a dispute without its movement, a complaint naming one, a description out of bounds (in characters) — 400', async () => {
    expectError(await open(a, { category: 'DISPUTE', description: '没有说明是哪笔交易。' }), 400, 'VALIDATION_FAILED');
    expectError(await open(a, { category: 'SERVICE', description: '网点服务态度不好。', journalId: transferOfA }), 400, 'VALIDATION_FAILED');
    expectError(await open(a, { category: 'OTHER', description: '太短' }), 400, 'VALIDATION_FAILED');
    expectError(await open(a, { category: 'OTHER', description: '长'.repeat(501) }), 400, 'VALIDATION_FAILED');
    expectError(await open(a, { category: 'OTHER', description: '第一行\n第二行内容' }), 400, 'VALIDATION_FAILED');
    // 500 characters of 2 UTF-16 units each are 500 characters.
    const emoji = expectOk(await open(b, { category: 'OTHER', description: '😀'.repeat(500) }));
    assert.equal([...emoji.description].length, 500);
  });

  test('another customer\'s ticket: 404 to read or close, and not in their list', async () => {
    expectError(await one(b, disputeId), 404, 'COMPLAINT_NOT_FOUND');
    expectError(await close(b, disputeId), 404, 'COMPLAINT_NOT_FOUND');
    assert.ok(!JSON.stringify(expectOk(await mine(b))).includes(disputeId));
    expectOk(await one(a, disputeId));
  });

  test(`at most ${MAX_OPEN_COMPLAINTS} open tickets per customer: the next is refused with 409`, async () => {
    const c = await onboard({ name: '王多诉' });
    for (let n = 0; n < MAX_OPEN_COMPLAINTS; n++) expectOk(await open(c, { category: 'PRODUCT', description: `产品问题第 ${n + 1} 件` }));
    expectError(await open(c, { category: 'PRODUCT', description: '再多一件产品问题' }), 409, 'TOO_MANY_OPEN_COMPLAINTS');
    const page = expectOk(await mine(c, { limit: '3' }));
    assert.equal(page.items.length, 3);
    const rest = expectOk(await mine(c, { limit: '3', cursor: page.nextCursor }));
    assert.equal(rest.items.length, 2);
    expectError(await mine(c, { cursor: 'bm90LWEtY3Vyc29y' }), 400, 'CURSOR_INVALID');
  });

  test('the service desk: the open queue by deadline; take and answer, each audited; the customer reads the answer and closes it', async () => {
    const queue = expectOk(await desk(agentToken, 'GET', '/v1/console/complaints'));
    const dues = queue.items.map((item: { ticket: { dueAt: string } }) => item.ticket.dueAt);
    assert.deepEqual(dues, [...dues].sort(), 'nearest deadline first');
    const row = queue.items.find((item: { ticket: { ticketId: string } }) => item.ticket.ticketId === disputeId);
    assert.equal(row.customer.nameMasked, '张**');
    assert.equal(row.ticket.movement.journalId, transferOfA);

    // Auditors read; only customer service takes and answers; others do not even read.
    expectOk(await desk(auditorToken, 'GET', `/v1/console/complaints/${disputeId}`));
    expectError(await desk(auditorToken, 'POST', `/v1/console/complaints/${disputeId}/answer`, { body: { answer: '审计不能答复投诉。' } }), 403, 'FORBIDDEN');
    expectError(await desk(riskToken, 'GET', '/v1/console/complaints'), 403, 'FORBIDDEN');
    expectError(await desk(agentToken, 'GET', `/v1/console/complaints/T${'0'.repeat(32)}`), 404, 'COMPLAINT_NOT_FOUND');

    const taken = expectOk(await desk(agentToken, 'POST', `/v1/console/complaints/${disputeId}/take`));
    assert.equal(taken.ticket.status, 'IN_PROGRESS');
    expectError(await desk(agentToken, 'POST', `/v1/console/complaints/${disputeId}/take`), 409, 'COMPLAINT_ALREADY_TAKEN');
    assert.equal(expectOk(await one(a, disputeId)).statusLabel, '处理中');
    expectError(await close(a, disputeId), 409, 'COMPLAINT_NOT_ANSWERED');

    const answer = '经核查，该笔转账由您本人设备发起，如有疑问请致电客服。';
    const answered = expectOk(await desk(agentToken, 'POST', `/v1/console/complaints/${disputeId}/answer`, { body: { answer } }));
    assert.equal(answered.ticket.status, 'ANSWERED');
    expectError(await desk(agentToken, 'POST', `/v1/console/complaints/${disputeId}/answer`, { body: { answer } }), 409, 'COMPLAINT_ALREADY_ANSWERED');
    const [answerEntry, takeEntry] = (await newestAudit(20)).filter((entry) => entry.target.kind === 'complaint' && entry.target.id === disputeId);
    assert.equal(answerEntry?.action, 'complaint.answer');
    assert.deepEqual(answerEntry?.after, { status: 'ANSWERED', answer });
    assert.equal(takeEntry?.action, 'complaint.take');

    const seen = expectOk(await one(a, disputeId));
    assert.deepEqual([seen.status, seen.answer], ['ANSWERED', answer]);
    const open = expectOk(await desk(agentToken, 'GET', '/v1/console/complaints'));
    assert.ok(!open.items.some((item: { ticket: { ticketId: string } }) => item.ticket.ticketId === disputeId), 'answered: no longer in the open queue');
    const answeredQueue = expectOk(await desk(agentToken, 'GET', '/v1/console/complaints', { query: { queue: 'ANSWERED' } }));
    assert.ok(answeredQueue.items.some((item: { ticket: { ticketId: string } }) => item.ticket.ticketId === disputeId));

    const closed = expectOk(await close(a, disputeId));
    assert.equal(closed.status, 'CLOSED');
    expectError(await close(a, disputeId), 409, 'COMPLAINT_NOT_ANSWERED');
  });
});
