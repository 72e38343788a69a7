// Name screening at account opening (issue 18): with a watch list in force, a customer whose
// name is on it exactly or nearly opens the account as anyone does — told nothing — and the
// opening raises a WATCH_LIST alert on the new account in the same transaction, with each match's
// list, listed name and rule in words; the customer is rated medium while it is open. An officer
// closes a false match (rated low again) or files a report (rated high). A name on no list, or a
// two-character name one character off, raises nothing. The list changes under four eyes (名单管理):
// once a second officer approves a version, customers already on the books named exactly as an
// added entry get their alert. Its own table, so the alerts it sees are exactly this file's.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleRisk } from '../../functions/http/console-risk.js';
import { getCustomer } from '../../functions/store/customers.js';
import { putWatchList } from '../../functions/store/watch-list.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard } from '../support/customers.js';
import { scanTable } from '../support/ledger-check.js';
import { expectError, expectOk } from '../support/expect.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const SOURCE = '测试公告〔2026〕1 号';

const openAlerts = async (token: string) => expectOk(await call(consoleRisk, { method: 'GET', path: '/v1/console/aml-alerts', token, query: { status: 'OPEN' } })).alerts;

describe('名单筛查: a listed name raises an alert when its account opens', () => {
  let officer: string;
  let exact: Onboarded;
  let near: Onboarded;
  let clean: Onboarded;
  let shortName: Onboarded;
  const ratingOf = async (who: Onboarded) => (await getCustomer(who.customerId))!.riskRating!;

  before(async () => {
    officer = (await signInOperator(await newOperator(['RISK_OFFICER'], '风控甲'))).accessToken;
    await putWatchList({
      version: 1,
      entries: [
        { entryId: 'T-0001', name: '艾山·买买提', list: 'TERRORIST', source: SOURCE },
        { entryId: 'S-0001', name: '張建國', list: 'SANCTIONS', source: SOURCE },
        { entryId: 'I-0001', name: '李娜', list: 'INTERNAL', source: SOURCE },
      ],
    });
    [exact, near, clean, shortName] = await Promise.all([onboard({ name: '艾山·买买提' }), onboard({ name: '张建军' }), onboard({ name: '赵六' }), onboard({ name: '李妍' })]);
  });

  test('an exact and a near match each open one alert on the new account, the matches in words; nothing for the others', async () => {
    const alerts = await openAlerts(officer);
    assert.deepEqual(alerts.map((alert: { customerId: string }) => alert.customerId).sort(), [exact.customerId, near.customerId].sort());
    const byCustomer = new Map(alerts.map((alert: { customerId: string }) => [alert.customerId, alert]));
    const exactAlert: any = byCustomer.get(exact.customerId);
    assert.equal(exactAlert.pattern, 'WATCH_LIST');
    assert.equal(exactAlert.summary, `名单第 1 版：完全匹配涉恐名单「艾山·买买提」（${SOURCE}）：去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致`);
    const nearAlert: any = byCustomer.get(near.customerId);
    assert.equal(nearAlert.summary, `名单第 1 版：近似匹配制裁名单「張建國」（${SOURCE}）：姓相同、字数相同（3 字及以上），名中仅一个字不同`);
    const detail = expectOk(await call(consoleRisk, { method: 'GET', path: `/v1/console/aml-alerts/${nearAlert.alertId}`, token: officer }));
    assert.match(detail.rule, /涉恐名单、制裁名单或本行关注名单/);
    assert.deepEqual(detail.movements, []);
  });

  test('rated medium while the alert is open; the others low', async () => {
    assert.deepEqual(
      await Promise.all([exact, near, clean, shortName].map(async (who) => (await ratingOf(who)).rating)),
      ['MEDIUM', 'MEDIUM', 'LOW', 'LOW'],
    );
  });

  test('a false match closed: low again; a true one reported: high', async () => {
    const alerts = await openAlerts(officer);
    const alertOf = (who: Onboarded) => alerts.find((alert: { customerId: string }) => alert.customerId === who.customerId).alertId;
    const step = (alertId: string, action: 'close' | 'report', reason: string) => call(consoleRisk, { method: 'POST', path: `/v1/console/aml-alerts/${alertId}/${action}`, token: officer, body: { reason } });
    expectOk(await step(alertOf(near), 'close', '出生日期与名单人员不符，排除'));
    expectOk(await step(alertOf(exact), 'report', '姓名与涉恐名单一致，证件信息待核实'));
    assert.equal((await ratingOf(near)).rating, 'LOW');
    assert.deepEqual((await ratingOf(exact)).reasons.map((reason) => reason.text), ['近 12 个月已提交可疑交易报告 1 份']);
  });
});

describe('名单管理: a new list version under four eyes screens the customers already on the books', () => {
  test('refused drafts change nothing; approved by a second officer, the list is in force and an existing customer named as an added entry is alerted', async () => {
    const [maker, checker, service] = await Promise.all([newOperator(['RISK_OFFICER'], '风控甲'), newOperator(['RISK_OFFICER'], '风控乙'), newOperator(['CUSTOMER_SERVICE'], '客服丙')]);
    const [makerToken, checkerToken, serviceToken] = (await Promise.all([maker, checker, service].map(async (who) => (await signInOperator(who)).accessToken))) as [string, string, string];
    const inForce = async () => expectOk(await call(consoleRisk, { method: 'GET', path: '/v1/console/watch-list', token: checkerToken }));
    const propose = (watchList: object, token = makerToken) => call(consoleRisk, { method: 'POST', path: '/v1/console/watch-list/changes', token, body: { watchList } });
    const approve = (changeId: string, token: string) => call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/approve`, token, body: {} });
    const [minority, namesake] = await Promise.all([onboard({ name: '买买提·艾力' }), onboard({ name: '钱多多' })]);

    const current = await inForce();
    assert.equal(current.watchList.version, 1);
    assert.deepEqual(current.lists.map((list: { label: string }) => list.label), ['涉恐名单', '制裁名单', '本行关注名单']);
    assert.deepEqual(current.rules.map((rule: { kind: string }) => rule.kind), ['EXACT', 'NEAR', 'NEAR', 'NEAR', 'NEAR']);
    expectError(await call(consoleRisk, { method: 'GET', path: '/v1/console/watch-list', token: serviceToken }), 403, 'FORBIDDEN');

    const next = {
      version: 2,
      entries: [...current.watchList.entries, { entryId: 'T-0002', name: '买买提·艾力', list: 'TERRORIST', source: SOURCE }, { entryId: 'I-0002', name: '錢多多', list: 'INTERNAL', source: SOURCE }],
    };
    const tableBefore = await scanTable();
    expectError(await propose({ ...next, version: 3 }), 409, 'WATCH_LIST_VERSION');
    expectError(await propose({ ...current.watchList, version: 2 }), 400, 'CHANGE_EMPTY');
    expectError(await propose({ ...next, entries: [...next.entries, next.entries[0]] }), 400, 'VALIDATION_FAILED');
    expectError(await propose({ ...next, entries: [{ ...next.entries[0], list: 'OTHER' }] }), 400, 'VALIDATION_FAILED');
    expectError(await propose({ ...next, entries: [{ ...next.entries[0], name: '张\u0000三' }] }), 400, 'VALIDATION_FAILED');
    expectError(await propose(next, serviceToken), 403, 'FORBIDDEN');
    assert.deepEqual(await scanTable(), tableBefore);

    const submitted = expectOk(await propose(next));
    assert.equal((await inForce()).pendingChangeId, submitted.changeId);
    expectError(await approve(submitted.changeId, makerToken), 403, 'SAME_OPERATOR');
    assert.equal((await inForce()).watchList.version, 1);
    assert.equal((await getCustomer(namesake.customerId))!.riskRating!.rating, 'LOW');

    assert.equal(expectOk(await approve(submitted.changeId, checkerToken)).status, 'EFFECTIVE');
    assert.deepEqual((await inForce()).watchList, next);
    const alerted = (await openAlerts(checkerToken)).filter((alert: { customerId: string }) => [minority.customerId, namesake.customerId].includes(alert.customerId));
    assert.deepEqual(
      alerted.map((alert: { customerId: string; summary: string }) => [alert.customerId === minority.customerId ? 'minority' : 'namesake', alert.summary]).sort(),
      [
        ['minority', `名单第 2 版：完全匹配涉恐名单「买买提·艾力」（${SOURCE}）：去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致`],
        ['namesake', `名单第 2 版：完全匹配本行关注名单「錢多多」（${SOURCE}）：去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致`],
      ],
    );
    assert.equal((await getCustomer(namesake.customerId))!.riskRating!.rating, 'MEDIUM');
  });
});
