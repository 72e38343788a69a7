// Suspicious-pattern monitoring (issue 18, AML): the day close reads the movements of the closed
// date and the days before it from the movementsByDay index, opens an alert per finding — a
// collection account (10 senders), structuring (three top-ups just under the Class II daily
// limit) and a large value (a ¥500,000 top-up) here — and none twice while one is open; a risk
// officer reads each with its evidence, closes one as not suspicious and files a report from the
// others (a large value can only be reported), each audited; a report is one structured file.
// The customers' risk ratings follow: an open suspicion medium, a filed report high. Its own table, so the movements it sees are exactly this file's.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as account } from '../../functions/http/account.js';
import { handler as consoleRisk } from '../../functions/http/console-risk.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { monitorSuspiciousPatterns } from '../../functions/services/aml-monitoring.js';
import { runDayClose } from '../../functions/services/day-close.js';
import { getCustomer } from '../../functions/store/customers.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

/** The audit entries on AML alerts, oldest first. */
async function amlAuditEntries() {
  const page = await readAuditPage(undefined, 100);
  return (page.items.filter((item) => !('unreadable' in item)).reverse() as Extract<(typeof page.items)[number], { action: string }>[]).filter((entry) => entry.target.kind === 'aml-alert');
}
const noFailure = (ref: string, error: unknown) => assert.fail(`${ref}: ${String(error)}`);

const SENDERS = 10;
const NEAR_LIMIT_FEN = 950_000;
const LARGE_VALUE_FEN = 50_000_000;

describe('可疑交易预警: the day close finds the patterns; an officer works them', () => {
  let officer: string;
  let auditor: string;
  let service: string;
  let collector: Onboarded;
  let structurer: Onboarded;
  let quiet: Onboarded;
  let wealthy: Onboarded;
  let closedDate: string;
  const alerts = (status?: string, token = officer) => call(consoleRisk, { method: 'GET', path: '/v1/console/aml-alerts', token, ...(status ? { query: { status } } : {}) });
  const alert = (alertId: string, token = officer) => call(consoleRisk, { method: 'GET', path: `/v1/console/aml-alerts/${alertId}`, token });
  const step = (alertId: string, action: 'close' | 'report', body: object, token = officer) => call(consoleRisk, { method: 'POST', path: `/v1/console/aml-alerts/${alertId}/${action}`, token, body });
  const report = (alertId: string, token = officer) => call(consoleRisk, { method: 'GET', path: `/v1/console/aml-alerts/${alertId}/report`, token });

  before(async () => {
    const operators = await Promise.all([newOperator(['RISK_OFFICER'], '风控甲'), newOperator(['AUDITOR'], '审计乙'), newOperator(['CUSTOMER_SERVICE'], '客服丙')]);
    [officer, auditor, service] = (await Promise.all(operators.map(async (who) => (await signInOperator(who)).accessToken))) as [string, string, string];
    [collector, structurer, quiet, wealthy] = await Promise.all([onboard(), onboard(), onboard(), onboard()]);
    const senders = await Promise.all(Array.from({ length: SENDERS }, () => onboard()));
    await Promise.all(
      senders.map(async (sender) => {
        expectOk(await topUp(sender, 20_000));
        expectOk(await pay(sender, account, '/v1/account/transfer', { toPhone: collector.phone, amountFen: 10_000 }));
      }),
    );
    // One sender pays the quiet customer too: one sender is no pattern.
    expectOk(await pay(senders[0]!, account, '/v1/account/transfer', { toPhone: quiet.phone, amountFen: 5_000 }));
    for (let i = 0; i < 3; i++) expectOk(await topUp(structurer, NEAR_LIMIT_FEN));
    expectOk(await topUp(wealthy, LARGE_VALUE_FEN));
  });

  test('the close opens one alert per finding, on the accounts that met a rule', async () => {
    ({ closedDate } = await runDayClose(new Date()));
    const run = expectOk(await alerts());
    assert.deepEqual(
      run.alerts.map((found: { pattern: string; customerId: string }) => `${found.pattern} ${found.customerId}`).sort(),
      [`COLLECTION_ACCOUNT ${collector.customerId}`, `STRUCTURING ${structurer.customerId}`, `LARGE_VALUE ${wealthy.customerId}`].sort(),
    );
    for (const found of run.alerts) {
      assert.equal(found.status, 'OPEN');
      assert.equal(found.date, closedDate);
      assert.match(found.customerNameMasked, /\*/);
      assert.equal('accountId' in found, false);
    }
  });

  test('an alert reads with the rule, the movements that met it and its timeline', async () => {
    const { alerts: open } = expectOk(await alerts('OPEN'));
    const collection = open.find((found: { pattern: string }) => found.pattern === 'COLLECTION_ACCOUNT');
    const detail = expectOk(await alert(collection.alertId, auditor));
    assert.equal(detail.rule, '24 小时内收到至少 10 个不同账户的转账');
    assert.match(detail.alert.summary, /收到 10 个不同账户的 10 笔转账，共 ¥1,000\.00/);
    assert.equal(detail.movements.length, SENDERS);
    for (const movement of detail.movements) {
      assert.equal(movement.kind, 'TRANSFER');
      assert.equal(movement.amountFen, 10_000);
    }
    assert.deepEqual(
      detail.events.map((event: { status: string; operator: unknown }) => [event.status, event.operator]),
      [['OPEN', null]],
    );
    const structuring = open.find((found: { pattern: string }) => found.pattern === 'STRUCTURING');
    const evidence = expectOk(await alert(structuring.alertId)).movements;
    assert.deepEqual(
      evidence.map((movement: { kind: string; amountFen: number }) => [movement.kind, movement.amountFen]),
      [
        ['TOP_UP', NEAR_LIMIT_FEN],
        ['TOP_UP', NEAR_LIMIT_FEN],
        ['TOP_UP', NEAR_LIMIT_FEN],
      ],
    );
  });

  test('monitoring the date again finds the same and opens nothing while the alerts are open', async () => {
    const again = await monitorSuspiciousPatterns(closedDate, new Date(), noFailure);
    assert.equal(again.findings, 3);
    assert.equal(again.opened, 0);
    assert.equal(again.alreadyOpen, 3);
    assert.equal(expectOk(await alerts()).alerts.length, 3);
  });

  test('the risk rating follows the alerts: an open suspicion rates medium, a large value alone does not', async () => {
    const ratings = await Promise.all([collector, structurer, wealthy, quiet].map(async (who) => (await getCustomer(who.customerId))!.riskRating!));
    assert.deepEqual(
      ratings.map((rating) => [rating.rating, rating.reasons.map((reason) => reason.text)]),
      [
        ['MEDIUM', ['有 1 条待处理的可疑交易预警']],
        ['MEDIUM', ['有 1 条待处理的可疑交易预警']],
        ['LOW', []],
        ['LOW', []],
      ],
    );
  });

  test('refusals change nothing: no permission 403, a wrong id 404, a short reason 400, no report before one is filed', async () => {
    const { alerts: open } = expectOk(await alerts());
    const target = open[0].alertId;
    const tableBefore = await scanTable();
    expectError(await alerts(undefined, service), 403, 'FORBIDDEN');
    expectError(await step(target, 'close', { reason: '核实无异常情况' }, auditor), 403, 'FORBIDDEN');
    expectError(await alert('AML20261206FFFFFFFFFFFFFFFF'), 404, 'AML_ALERT_NOT_FOUND');
    expectError(await alert('not-an-alert'), 404, 'NOT_FOUND');
    expectError(await step(target, 'close', { reason: '无' }), 400, 'VALIDATION_FAILED');
    expectError(await step(target, 'close', { reason: '核实无异常情况', extra: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await report(target), 404, 'AML_REPORT_NOT_FOUND');
    assert.deepEqual(await scanTable(), tableBefore);
  });

  test('closed as not suspicious and reported: each once, audited with its reason; the report is one structured file', async () => {
    const { alerts: open } = expectOk(await alerts('OPEN'));
    const collection = open.find((found: { pattern: string }) => found.pattern === 'COLLECTION_ACCOUNT');
    const structuring = open.find((found: { pattern: string }) => found.pattern === 'STRUCTURING');
    const reported = expectOk(await step(collection.alertId, 'report', { reason: '十个账户集中转入，客户无法说明资金来源' }));
    assert.equal(reported.alert.status, 'REPORTED');
    assert.deepEqual(
      reported.events.map((event: { status: string }) => event.status),
      ['OPEN', 'REPORTED'],
    );
    const closed = expectOk(await step(structuring.alertId, 'close', { reason: '客户为个体商户日常进货，已核实' }));
    assert.equal(closed.alert.status, 'CLOSED');
    expectError(await step(structuring.alertId, 'report', { reason: '再次处理测试' }), 409, 'AML_ALERT_CLOSED');

    const file = expectOk(await report(collection.alertId, auditor));
    assert.equal(file.reportNumber, `STR-${collection.alertId.slice(3)}`);
    assert.equal(file.reportType, 'SUSPICIOUS_TRANSACTION');
    assert.equal(file.reason, '十个账户集中转入，客户无法说明资金来源');
    assert.equal(file.subject.customerId, collector.customerId);
    assert.equal(file.transactions.length, SENDERS);
    assert.equal(file.filedBy.displayName, '风控甲');
    assert.deepEqual(expectOk(await report(collection.alertId)), file);

    const entries = await amlAuditEntries();
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.target.id, entry.reason]),
      [
        ['aml-alert.report', collection.alertId, '十个账户集中转入，客户无法说明资金来源'],
        ['aml-alert.close', structuring.alertId, '客户为个体商户日常进货，已核实'],
      ],
    );
    assert.deepEqual(
      expectOk(await alerts('OPEN')).alerts.map((found: { pattern: string }) => found.pattern),
      ['LARGE_VALUE'],
    );
    assert.equal(expectOk(await alerts('REPORTED')).alerts[0].alertId, collection.alertId);

    // A filed report rates its customer high for twelve months; a closed alert leaves nothing.
    assert.deepEqual((await getCustomer(collector.customerId))!.riskRating!.reasons.map((reason) => [reason.rating, reason.text]), [['HIGH', '近 12 个月已提交可疑交易报告 1 份']]);
    assert.equal((await getCustomer(structurer.customerId))!.riskRating!.rating, 'LOW');
  });

  test('a large value is reported, never dismissed: 大额交易报告 with its own number and type', async () => {
    const { alerts: open } = expectOk(await alerts('OPEN'));
    const large = open.find((found: { pattern: string }) => found.pattern === 'LARGE_VALUE');
    assert.equal(large.customerId, wealthy.customerId);
    assert.match(large.summary, /^当日转入 1 笔，共 ¥500,000\.00（达到 ¥500,000\.00 的大额报告标准）$/);
    expectError(await step(large.alertId, 'close', { reason: '客户出售房产所得' }), 409, 'AML_LARGE_VALUE_MUST_REPORT');
    expectOk(await step(large.alertId, 'report', { reason: '单笔 50 万元银行卡转入，按规定报告' }));
    const file = expectOk(await report(large.alertId));
    assert.equal(file.reportNumber, `LVR-${large.alertId.slice(3)}`);
    assert.equal(file.reportType, 'LARGE_VALUE_TRANSACTION');
    assert.deepEqual(
      file.transactions.map((movement: { kind: string; amountFen: number }) => [movement.kind, movement.amountFen]),
      [['TOP_UP', LARGE_VALUE_FEN]],
    );
  });

  test('a date monitored again keeps its worked alerts as they are', async () => {
    const again = await monitorSuspiciousPatterns(closedDate, new Date(), noFailure);
    assert.deepEqual([again.findings, again.opened], [3, 0]);
    assert.deepEqual(
      expectOk(await alerts()).alerts.map((found: { status: string }) => found.status).sort(),
      ['CLOSED', 'REPORTED', 'REPORTED'],
    );
  });
});
