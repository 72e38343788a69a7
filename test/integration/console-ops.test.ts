// The console's operations routes (运营, Lambda consoleOps) against DynamoDB Local, with real
// operator sessions: who may call each route; the day close started from the console (the route
// claims the run with its audit entry and answers at once; the close runs on in the dayClose job —
// its handler, here in this process, DAY_CLOSE_TRIGGER_MODE=simulator — and the status shows it
// until it ends: its run with each step's counts, the history, the lock against a second close of
// the date, the close's own audit entry);
// overdue loans listed by bucket by that close; reconciliation mismatches as alerts with their
// state rules (a resolution needs a booking reference, an acceptance a reason, a closed alert
// takes no further step), timelines and audit entries written with each change; wealth orders
// awaiting confirmation; the business date only where the stage allows it; bad input refused
// with nothing changed — and no route sending a Scan (the DynamoDB commands each sends recorded).
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { injectSimulatorStatementLine } from '../../functions/adapters/simulators/biller-gateway.js';
import { simulatedDayClosesSettled } from '../../functions/adapters/simulators/day-close-trigger.js';
import { resetConfigForTests } from '../../functions/config.js';
import { consoleOpsRoutes } from '../../functions/contract/console-ops-routes.js';
import type { RouteSpec } from '../../functions/contract/route-spec.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { OPERATOR_ROLES, type OperatorRole, ROLE_PERMISSIONS } from '../../functions/domain/operator-roles.js';
import { handler as ops } from '../../functions/http/console-ops.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as customerLoans } from '../../functions/http/loans.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { alertIdFor, openReconciliationAlerts } from '../../functions/services/reconciliation-alerts.js';
import { currentBusinessDate } from '../../functions/store/business-date.js';
import { db } from '../../functions/store/client.js';
import { seedProduct } from '../../functions/store/loans.js';
import { getAlert } from '../../functions/store/reconciliation-alerts.js';
import * as wealthStore from '../../functions/store/wealth.js';
import { call, type CallOptions, type CallResult, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { balanceFen, onboard, pay, withdraw } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const send = (token: string, options: Omit<CallOptions, 'token'>): Promise<CallResult> => call(ops, { ...options, token });
const tokens = new Map<OperatorRole | 'OPERATIONS_2', { token: string; operatorId: string; login: string }>();
const as = (role: OperatorRole | 'OPERATIONS_2') => tokens.get(role)!;

/** The audit entries after `afterSeq`, oldest first. */
async function auditSince(afterSeq: number) {
  const page = await readAuditPage(undefined, 100);
  return page.items.filter((item) => item.seq > afterSeq && !('unreadable' in item)).reverse() as Extract<(typeof page.items)[number], { action: string }>[];
}
const headSeq = async () => (await readAuditPage(undefined, 1)).headSeq;

/** The status once the close started on `businessDate` has ended, asked as the console does. */
async function closeEnded(businessDate: string) {
  for (let poll = 0; poll < 600; poll++) {
    const status = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/day-close' }));
    if (status.latest && status.latest.closedDate >= businessDate && status.latest.status !== 'RUNNING') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the close of ${businessDate} did not end within a minute`);
}

/** Signed-in operators of every role (and a second of operations), once; from each suite's
 *  `before`, which runs after useBank's (a root-level hook may run first). */
async function signInOperators(): Promise<void> {
  if (tokens.size > 0) return;
  for (const role of OPERATOR_ROLES) {
    const who = await newOperator([role], `${role} 测试`);
    tokens.set(role, { token: (await signInOperator(who)).accessToken, operatorId: who.operatorId, login: who.login });
  }
  const second = await newOperator(['OPERATIONS'], '第二运营');
  tokens.set('OPERATIONS_2', { token: (await signInOperator(second)).accessToken, operatorId: second.operatorId, login: second.login });
  for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
}

describe('the day close, alerts, overdue loans and pending orders', () => {
  let loanId = '';
  let firstDue = '';
  let closedDate = '';
  const ghosts = ['A', 'B', 'C', 'D'].map((letter) => `P${letter.repeat(26)}`);
  const alertIds: string[] = [];

  before(async () => {
    await signInOperators();
    // A customer whose first installment falls due with nothing in the account to pay it.
    const who = await onboard();
    const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: who.token, body: loanApplicationRequest() }));
    assert.equal(decision.outcome, 'APPROVED');
    const loan = expectOk(await pay(who, customerLoans, '/v1/loans', { productId: 'consumer-credit', amountFen: 600_000, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));
    expectOk(await withdraw(who, await balanceFen(who)));
    loanId = loan.loanId;
    firstDue = loan.installments[0].dueDate;
  });

  test('before any close: the status names the business date, the schedule and no run', async () => {
    const status = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/day-close' }));
    assert.equal(status.businessDate, await currentBusinessDate(new Date()));
    assert.equal(status.runMode, 'CLOSE_CURRENT');
    assert.match(status.schedule, /00:05/);
    assert.equal(status.latest, null);
    const overdue = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/overdue-loans' }));
    assert.deepEqual([overdue.asOf, overdue.loans, overdue.buckets.map((b: { loans: number }) => b.loans)], [null, [], [0, 0, 0, 0]]);
  });

  test('the business date: moved forward by an operator with an audit entry; backwards or malformed is 400 and changes nothing', async () => {
    const control = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/business-date' }));
    assert.equal(control.controlAllowed, true);
    const from = control.businessDate;
    const seq = await headSeq();
    for (const body of [{ businessDate: from }, { businessDate: addDays(from, -1) }, { businessDate: '2026-13-01' }, { businessDate: firstDue, extra: 1 }, {}]) {
      const res = await send(as('OPERATIONS').token, { method: 'POST', path: '/v1/console/business-date', body });
      assert.equal(res.status, 400, JSON.stringify(res.body));
    }
    assert.equal(await currentBusinessDate(new Date()), from);
    assert.equal(await headSeq(), seq, 'a refused move records nothing');
    const moved = expectOk(await send(as('OPERATIONS').token, { method: 'POST', path: '/v1/console/business-date', body: { businessDate: firstDue } }));
    assert.equal(moved.businessDate, firstDue);
    const [entry] = await auditSince(seq);
    assert.deepEqual([entry?.action, entry?.actor, entry?.before, entry?.after], ['business-date.set', { kind: 'operator', id: as('OPERATIONS').operatorId }, { businessDate: from }, { businessDate: firstDue }]);
  });

  test('立即执行: starts one close of the business date, audited; it runs on, recorded as a run with each step, in the history and the audit log', async () => {
    closedDate = firstDue;
    // The biller's statement for the date: four payments Jinlin never made.
    for (const [n, reference] of ghosts.entries()) await injectSimulatorStatementLine(closedDate, { reference, gatewayReference: `SIMB${n}`, billerId: 'nj-water', amountFen: 1_000 + n });
    const seq = await headSeq();
    const started = expectOk(await send(as('OPERATIONS').token, { method: 'POST', path: '/v1/console/day-close/runs' }));
    assert.deepEqual(Object.keys(started).sort(), ['businessDate', 'runId', 'started']);
    assert.equal(started.started, true);
    assert.equal(started.businessDate, closedDate);
    const status = await closeEnded(closedDate);
    const run = status.latest;
    assert.equal(run.closedDate, closedDate);
    assert.equal(run.status, 'SUCCEEDED');
    assert.equal(run.attempts, 1);
    assert.deepEqual(run.startedBy, { kind: 'operator', id: as('OPERATIONS').operatorId, login: as('OPERATIONS').login, displayName: 'OPERATIONS 测试' });
    assert.deepEqual(run.steps.map((step: { step: string }) => step.step), ['LOANS', 'WEALTH', 'BILLS', 'MERCHANTS', 'HELD_TRANSFERS', 'AML', 'DASHBOARD', 'BUSINESS_DATE', 'AUDIT']);
    assert.ok(run.steps.every((step: { status: string }) => step.status === 'SUCCEEDED'));
    const [loanStep, , billStep, , , , , , auditStep] = run.steps;
    assert.ok(loanStep.counts.loansChecked >= 1 && loanStep.counts.overdueLoans >= 1, JSON.stringify(loanStep));
    assert.equal(billStep.counts.reconciliationMismatches, 4);
    assert.equal(billStep.errorCount, 0);
    // The route's entry (who started which run), then the close's own, both naming the operator.
    const entries = await auditSince(seq);
    const operator = { kind: 'operator', id: as('OPERATIONS').operatorId };
    const [startEntry] = entries;
    assert.deepEqual([startEntry?.action, startEntry?.actor, startEntry?.before, startEntry?.after], ['day-close.start', operator, { businessDate: closedDate }, { runId: started.runId, runMode: 'CLOSE_CURRENT' }]);
    const closeEntry = entries.find((entry) => entry.action === 'day-close.run');
    assert.deepEqual(closeEntry?.actor, operator);
    assert.equal(auditStep.counts.auditSeq, closeEntry?.seq);

    assert.equal(status.businessDate, addDays(closedDate, 1));
    const history = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/day-close/runs' }));
    assert.deepEqual(history.runs, [run]);
    assert.equal(history.nextCursor, null);
  });

  test('a second close of the date while one runs is refused (409 DAY_CLOSE_RUNNING); the next date closes after', async () => {
    const answers = await Promise.all([as('OPERATIONS'), as('OPERATIONS_2')].map((who) => send(who.token, { method: 'POST', path: '/v1/console/day-close/runs' })));
    const ok = answers.filter((res) => res.status === 200);
    assert.equal(ok.length, 1, JSON.stringify(answers.map((res) => res.body)));
    for (const res of answers) if (res.status !== 200) expectError(res, 409, 'DAY_CLOSE_RUNNING');
    assert.equal((await closeEnded(addDays(closedDate, 1))).latest.status, 'SUCCEEDED');
    const history = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/day-close/runs', query: { limit: '1' } }));
    assert.equal(history.runs[0].closedDate, addDays(closedDate, 1));
    assert.equal(history.nextCursor, addDays(closedDate, 1));
    const older = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/day-close/runs', query: { limit: '1', cursor: history.nextCursor } }));
    assert.deepEqual(older.runs.map((run: { closedDate: string }) => run.closedDate), [closedDate]);
    for (const query of [{ limit: '0' }, { limit: '101' }, { cursor: 'yesterday' }, { other: 'x' }] as Record<string, string>[]) {
      expectError(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/day-close/runs', query }), 400, 'VALIDATION_FAILED');
    }
  });

  test('overdue loans: listed by bucket as of the business date the last close opened', async () => {
    const page = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/overdue-loans' }));
    assert.equal(page.asOf, addDays(closedDate, 2));
    assert.equal(page.bucket, 'DPD_1_30');
    const mine = page.loans.find((loan: { loanId: string }) => loan.loanId === loanId);
    assert.ok(mine, JSON.stringify(page));
    assert.equal(mine.daysPastDue, 2);
    assert.equal(mine.oldestUnpaidDueDate, firstDue);
    assert.ok(mine.overdueTotalFen > 0 && mine.overdueTotalFen === mine.overduePrincipalFen + mine.overdueInterestFen + mine.unpaidPenaltyFen);
    const bucket = page.buckets.find((b: { bucket: string }) => b.bucket === 'DPD_1_30');
    assert.equal(bucket.loans, page.loans.length);
    const other = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/overdue-loans', query: { bucket: 'DPD_90_PLUS' } }));
    assert.deepEqual([other.bucket, other.loans], ['DPD_90_PLUS', []]);
    for (const query of [{ bucket: 'CURRENT' }, { bucket: 'DPD_1_31' }, { cursor: 'not-a-loan' }, { limit: 'x' }] as Record<string, string>[]) {
      expectError(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/overdue-loans', query }), 400, 'VALIDATION_FAILED');
    }
  });

  test('each mismatch is an OPEN alert; listed by status, newest date first; reconciling the date again opens none twice', async () => {
    const page = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { status: 'OPEN' } }));
    assert.equal(page.alerts.length, 4);
    for (const reference of ghosts) {
      const alert = page.alerts.find((a: { reference: string }) => a.reference === reference);
      assert.ok(alert, reference);
      assert.deepEqual([alert.kind, alert.status, alert.date, alert.jinlinAmountFen, alert.action], ['MISSING_IN_JINLIN', 'OPEN', closedDate, null, 'BILLER_TO_REVERSE']);
      assert.equal(alert.differenceFen, -alert.gatewayAmountFen);
      alertIds.push(alert.alertId);
    }
    assert.equal(alertIds[0], alertIdFor(closedDate, 'MISSING_IN_JINLIN', ghosts[0]!));
    const opened = await openReconciliationAlerts(
      closedDate,
      ghosts.map((reference) => ({ kind: 'MISSING_IN_JINLIN', reference, billerId: 'nj-water', jinlinAmountFen: null, gatewayAmountFen: 1, jinlinStatus: 'NONE', action: 'BILLER_TO_REVERSE', note: '再次对账' })),
      new Date(),
    );
    assert.equal(opened, 0);
    const firstPage = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { limit: '3' } }));
    assert.equal(firstPage.alerts.length, 3);
    const rest = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { limit: '3', cursor: firstPage.nextCursor } }));
    assert.equal(rest.alerts.length, 1);
    assert.equal(new Set([...firstPage.alerts, ...rest.alerts].map((a: { alertId: string }) => a.alertId)).size, 4);
  });

  test('an auditor reads the alerts and one alert with its timeline, and can take no step on it', async () => {
    const listed = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { status: 'OPEN' } }));
    assert.deepEqual(listed.alerts.map((a: { alertId: string }) => a.alertId).sort(), [...alertIds].sort());
    const one = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: `/v1/console/reconciliation-alerts/${alertIds[0]}` }));
    assert.equal(one.alert.alertId, alertIds[0]);
    assert.equal(one.events[0].type, 'OPENED');
    expectError(await send(as('AUDITOR').token, { method: 'POST', path: `/v1/console/reconciliation-alerts/${alertIds[0]}/acknowledge`, body: {} }), 403, 'FORBIDDEN');
    assert.equal((await getAlert(alertIds[0]!))!.status, 'OPEN');
  });

  const step = (alertId: string, action: string, body: object, who: OperatorRole | 'OPERATIONS_2' = 'OPERATIONS') =>
    send(as(who).token, { method: 'POST', path: `/v1/console/reconciliation-alerts/${alertId}/${action}`, body });

  test('bad input is 400 and changes nothing: the alert, its timeline, the audit log', async () => {
    const [a] = alertIds;
    const before = await getAlert(a!);
    const seq = await headSeq();
    const refused: [string, object][] = [
      ['resolve', {}],
      ['resolve', { bookingReference: '' }],
      ['resolve', { bookingReference: 'ab' }],
      ['resolve', { bookingReference: '含中文的凭证号' }],
      ['resolve', { bookingReference: 'J'.repeat(65) }],
      ['resolve', { bookingReference: 'JRNL-0001', note: 'x'.repeat(201) }],
      ['accept', {}],
      ['accept', { reason: '短' }],
      ['accept', { reason: '    ' }],
      ['accept', { reason: 'x'.repeat(201) }],
      ['accept', { reason: '金额差异在容忍范围内', bookingReference: 'JRNL-0001' }],
      ['acknowledge', { note: 'a\u0000b' }],
      ['acknowledge', { status: 'RESOLVED' }],
    ];
    for (const [action, body] of refused) {
      const res = await step(a!, action, body);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    // A path that names no alert at all is not a route's resource.
    expectError(await step('not-an-alert', 'acknowledge', {}), 404, 'NOT_FOUND');
    expectError(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { status: 'DONE' } }), 400, 'VALIDATION_FAILED');
    expectError(await step('RA20260101AAAAAAAAAAAAAAAA', 'acknowledge', {}), 404, 'ALERT_NOT_FOUND');
    assert.deepEqual(await getAlert(a!), before);
    assert.equal(await headSeq(), seq);
    const detail = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: `/v1/console/reconciliation-alerts/${a}` }));
    assert.deepEqual(detail.events.map((e: { type: string }) => e.type), ['OPENED']);
  });

  test('acknowledge → resolve with a booking reference; a resolved alert cannot be acknowledged, resolved or accepted; the timeline and the audit log say who did what', async () => {
    const [a] = alertIds;
    const seq = await headSeq();
    const acked = expectOk(await step(a!, 'acknowledge', { note: '已联系水务公司核实' }));
    assert.equal(acked.alert.status, 'ACKNOWLEDGED');
    expectError(await step(a!, 'acknowledge', {}), 409, 'ALERT_ALREADY_ACKNOWLEDGED');
    const resolved = expectOk(await step(a!, 'resolve', { bookingReference: 'JRNL-2026-000123', note: '水务公司已冲正' }, 'OPERATIONS_2'));
    assert.deepEqual([resolved.alert.status, resolved.alert.bookingReference, resolved.alert.acceptReason], ['RESOLVED', 'JRNL-2026-000123', null]);
    const closedAt = await getAlert(a!);
    expectError(await step(a!, 'acknowledge', {}), 409, 'ALERT_CLOSED');
    expectError(await step(a!, 'resolve', { bookingReference: 'JRNL-2026-000124' }), 409, 'ALERT_CLOSED');
    expectError(await step(a!, 'accept', { reason: '不应被接受的理由' }), 409, 'ALERT_CLOSED');
    assert.deepEqual(await getAlert(a!), closedAt);

    const entries = (await auditSince(seq)).filter((entry) => entry.target.kind === 'reconciliation-alert');
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.actor.id, entry.target.id, entry.before, entry.after]),
      [
        ['reconciliation.acknowledge', as('OPERATIONS').operatorId, a, { status: 'OPEN' }, { status: 'ACKNOWLEDGED', note: '已联系水务公司核实' }],
        ['reconciliation.resolve', as('OPERATIONS_2').operatorId, a, { status: 'ACKNOWLEDGED' }, { status: 'RESOLVED', bookingReference: 'JRNL-2026-000123', note: '水务公司已冲正' }],
      ],
    );
    const { events } = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: `/v1/console/reconciliation-alerts/${a}` }));
    assert.deepEqual(
      events.map((e: { type: string; operator: { login: string } | null; bookingReference: string | null; auditSeq: number | null }) => [e.type, e.operator?.login ?? null, e.bookingReference, e.auditSeq]),
      [
        ['OPENED', null, null, null],
        ['ACKNOWLEDGED', as('OPERATIONS').login, null, entries[0]!.seq],
        ['RESOLVED', as('OPERATIONS_2').login, 'JRNL-2026-000123', entries[1]!.seq],
      ],
    );
  });

  test('accept needs a reason and closes the alert; resolving straight from OPEN is allowed; the lists follow the states', async () => {
    const [, b, c] = alertIds;
    const seq = await headSeq();
    const accepted = expectOk(await step(b!, 'accept', { reason: '缴费单位确认为测试数据，无需处理' }));
    assert.deepEqual([accepted.alert.status, accepted.alert.acceptReason], ['ACCEPTED', '缴费单位确认为测试数据，无需处理']);
    expectError(await step(b!, 'resolve', { bookingReference: 'JRNL-2026-000125' }), 409, 'ALERT_CLOSED');
    const [entry] = (await auditSince(seq)).filter((e) => e.target.id === b);
    assert.deepEqual([entry?.action, entry?.reason, entry?.after], ['reconciliation.accept', '缴费单位确认为测试数据，无需处理', { status: 'ACCEPTED' }]);
    expectOk(await step(c!, 'resolve', { bookingReference: 'REV:NJW#77' }));
    const list = async (status: string) =>
      expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/reconciliation-alerts', query: { status } })).alerts.map((a: { alertId: string }) => a.alertId).sort();
    assert.deepEqual(await list('RESOLVED'), [alertIds[0], c].sort());
    assert.deepEqual(await list('ACCEPTED'), [b]);
    assert.deepEqual(await list('ACKNOWLEDGED'), []);
    assert.deepEqual(await list('OPEN'), [alertIds[3]]);
  });

  test('two operators resolving one alert at once: one wins, the other is told it is closed', async () => {
    const d = alertIds[3]!;
    const answers = await Promise.all([
      step(d, 'resolve', { bookingReference: 'JRNL-RACE-1' }),
      step(d, 'accept', { reason: '同时操作的另一种处理' }, 'OPERATIONS_2'),
    ]);
    assert.equal(answers.filter((res) => res.status === 200).length, 1, JSON.stringify(answers.map((res) => res.body)));
    for (const res of answers) if (res.status !== 200) assert.ok(['ALERT_CLOSED', 'ALERT_CHANGED'].includes(res.body.error.code), JSON.stringify(res.body));
    const { events } = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: `/v1/console/reconciliation-alerts/${d}` }));
    assert.equal(events.length, 2);
  });

  test('wealth orders awaiting confirmation: earliest confirmation date first, paged, with whether the next close confirms each', async () => {
    const today = await currentBusinessDate(new Date());
    const order = (confirmDate: string, kind: 'PURCHASE' | 'REDEMPTION'): wealthStore.WealthOrderRecord => ({
      orderId: `W${randomUUID().replaceAll('-', '')}`,
      customerId: randomUUID(),
      accountId: randomUUID(),
      kind,
      redemption: kind === 'REDEMPTION' ? 'NORMAL' : null,
      productId: 'no-such-product',
      productName: '测试理财',
      productVersion: 1,
      status: 'PENDING',
      placedAt: new Date().toISOString(),
      placedOn: today,
      confirmDate,
      cancellableUntil: null,
      amountFen: kind === 'PURCHASE' ? 100_000 : null,
      unitsCenti: kind === 'REDEMPTION' ? 5_000 : null,
      navCentiFen: null,
      navDate: null,
      valueFen: null,
      residualFen: null,
      proceedsFen: null,
      journalId: null,
      settlementJournalId: null,
      settledAt: null,
      riskAcknowledgement: null,
    });
    const later = order(addDays(today, 3), 'PURCHASE');
    const due = order(today, 'REDEMPTION');
    for (const record of [later, due]) assert.ok((await wealthStore.writeChange(wealthStore.newOrderGuards(record))).ok);
    const first = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/wealth-orders/pending', query: { limit: '1' } }));
    assert.equal(first.businessDate, today);
    assert.deepEqual(first.orders.map((o: { orderId: string; dueAtNextClose: boolean; unitsCenti: number | null }) => [o.orderId, o.dueAtNextClose, o.unitsCenti]), [[due.orderId, true, 5_000]]);
    const second = expectOk(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/wealth-orders/pending', query: { limit: '1', cursor: first.nextCursor } }));
    assert.deepEqual(second.orders.map((o: { orderId: string; dueAtNextClose: boolean; amountFen: number | null }) => [o.orderId, o.dueAtNextClose, o.amountFen]), [[later.orderId, false, 100_000]]);
    assert.equal(second.nextCursor, null);
    expectError(await send(as('AUDITOR').token, { method: 'GET', path: '/v1/console/wealth-orders/pending', query: { cursor: 'x' } }), 400, 'VALIDATION_FAILED');
  });

  test('no operations route Scans the table: the DynamoDB commands each route sends', async (t) => {
    // The recorder sees a Scan when one is sent.
    const { doc, tableName } = db();
    const probe = await recordCommands(() => doc.send(new ScanCommand({ TableName: tableName, Limit: 1 })));
    assert.deepEqual(probe.commands, [{ command: 'ScanCommand', table: tableName }]);
    // Fresh alerts, so each step route writes (and is measured writing).
    const date = '2026-01-15';
    const fresh = ['X', 'Y', 'Z'].map((letter) => `P${letter.repeat(26)}`);
    await openReconciliationAlerts(
      date,
      fresh.map((reference) => ({ kind: 'MISSING_IN_JINLIN', reference, billerId: 'nj-water', jinlinAmountFen: null, gatewayAmountFen: 1, jinlinStatus: 'NONE', action: 'BILLER_TO_REVERSE', note: '测试' })),
      new Date(),
    );
    const [x, y, z] = fresh.map((reference) => alertIdFor(date, 'MISSING_IN_JINLIN', reference));
    const requests: [string, () => Promise<Omit<CallOptions, 'token'>>][] = [
      ['consoleDayCloseStatus', async () => ({ method: 'GET', path: '/v1/console/day-close' })],
      ['consoleDayCloseRuns', async () => ({ method: 'GET', path: '/v1/console/day-close/runs' })],
      ['consoleDayCloseRun', async () => ({ method: 'POST', path: '/v1/console/day-close/runs' })],
      ['consoleReconciliationAlerts', async () => ({ method: 'GET', path: '/v1/console/reconciliation-alerts' })],
      ['consoleReconciliationAlert', async () => ({ method: 'GET', path: `/v1/console/reconciliation-alerts/${x}` })],
      ['consoleAcknowledgeAlert', async () => ({ method: 'POST', path: `/v1/console/reconciliation-alerts/${x}/acknowledge`, body: {} })],
      ['consoleResolveAlert', async () => ({ method: 'POST', path: `/v1/console/reconciliation-alerts/${y}/resolve`, body: { bookingReference: 'JRNL-9999' } })],
      ['consoleAcceptAlert', async () => ({ method: 'POST', path: `/v1/console/reconciliation-alerts/${z}/accept`, body: { reason: '已核实无需处理' } })],
      ['consoleOverdueLoans', async () => ({ method: 'GET', path: '/v1/console/overdue-loans' })],
      ['consolePendingWealthOrders', async () => ({ method: 'GET', path: '/v1/console/wealth-orders/pending' })],
      ['consoleBusinessDate', async () => ({ method: 'GET', path: '/v1/console/business-date' })],
      ['consoleSetBusinessDate', async () => ({ method: 'POST', path: '/v1/console/business-date', body: { businessDate: addDays(await currentBusinessDate(new Date()), 1) } })],
    ];
    assert.deepEqual(requests.map(([name]) => name).sort(), Object.keys(consoleOpsRoutes).sort(), 'every route is measured');
    for (const [name, request] of requests) {
      const options = await request();
      const { result, commands } = await recordCommands(() => send(as('OPERATIONS').token, options));
      // The close 立即执行 started ends before the next route (it moves the business date).
      await simulatedDayClosesSettled();
      assert.equal(result.status, 200, `${name}: ${result.status} ${JSON.stringify(result.body)}`);
      assert.ok(commands.length > 0, `${name} sent nothing the recorder saw`);
      assert.deepEqual(commands.filter(({ command }) => /Scan/.test(command)), [], name);
      const counts = new Map<string, number>();
      for (const { command } of commands) counts.set(command, (counts.get(command) ?? 0) + 1);
      t.diagnostic(`${name} → ${result.status}: ${[...counts].map(([command, n]) => `${command.replace(/Command$/, '')}×${n}`).join(', ')}`);
    }
  });
});

describe('on a stage without clock control', () => {
  let saved: string | undefined;
  before(async () => {
    await signInOperators();
    saved = process.env.ALLOW_CLOCK_CONTROL;
    process.env.ALLOW_CLOCK_CONTROL = 'false';
    resetConfigForTests();
  });
  after(() => {
    process.env.ALLOW_CLOCK_CONTROL = saved;
    resetConfigForTests();
  });

  test('the business date cannot be moved, and 立即执行 closes only dates before today — none here', async () => {
    const control = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/business-date' }));
    assert.equal(control.controlAllowed, false);
    const seq = await headSeq();
    expectError(await send(as('OPERATIONS').token, { method: 'POST', path: '/v1/console/business-date', body: { businessDate: addDays(control.businessDate, 1) } }), 403, 'CLOCK_CONTROL_DISABLED');
    const status = expectOk(await send(as('OPERATIONS').token, { method: 'GET', path: '/v1/console/day-close' }));
    assert.equal(status.runMode, 'CATCH_UP');
    // The tests moved the business date past today: nothing before today is left to close.
    expectError(await send(as('OPERATIONS').token, { method: 'POST', path: '/v1/console/day-close/runs' }), 409, 'NOTHING_TO_CLOSE');
    assert.equal(await currentBusinessDate(new Date()), control.businessDate);
    assert.equal(await headSeq(), seq);
  });
});

describe('who may call each operations route', () => {
  before(signInOperators);
  // 立即执行 as an allowed role starts a close: it ends before the table goes.
  after(simulatedDayClosesSettled);
  test('every route × every role: allowed exactly as the role table says, 403 FORBIDDEN otherwise', async (t) => {
    for (const [name, spec] of Object.entries(consoleOpsRoutes) as [string, RouteSpec][]) {
      const cells: string[] = [];
      for (const role of OPERATOR_ROLES) {
        // Bodies that fail validation: an allowed role gets past the permission to a 400, so
        // nothing is changed — but for 立即执行, which takes no body and closes a date.
        const path = spec.path.replace('{alertId}', 'RA20260101AAAAAAAAAAAAAAAA');
        const res = await send(as(role).token, { method: spec.method, path, ...(spec.method === 'POST' ? { body: { unexpected: true } } : {}) });
        const allowed = ROLE_PERMISSIONS[role].includes(spec.permission!);
        if (!allowed) expectError(res, 403, 'FORBIDDEN');
        else assert.ok(![401, 403].includes(res.status) && res.status < 500, `${name} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
        cells.push(`${role} ${res.status}`);
      }
      t.diagnostic(`${spec.method} ${spec.path} [${spec.permission}]: ${cells.join(', ')}`);
    }
  });

  test('no token, or a signed-out one: 401', async () => {
    for (const spec of Object.values(consoleOpsRoutes) as RouteSpec[]) {
      const path = spec.path.replace('{alertId}', 'RA20260101AAAAAAAAAAAAAAAA');
      expectError(await call(ops, { method: spec.method, path, ...(spec.method === 'POST' ? { body: {} } : {}) }), 401, 'UNAUTHENTICATED');
    }
  });
});
