// Name screening at account opening (issue 18): with a watch list in force, a customer whose
// name is on it exactly or nearly opens the account as anyone does — told nothing — and the
// opening raises a WATCH_LIST alert on the new account in the same transaction, with each match's
// list, listed name and rule in words; the customer is rated medium while it is open. An officer
// closes a false match (rated low again) or files a report (rated high). A name on no list, or a
// two-character name one character off, raises nothing. Its own table, so the alerts it sees
// are exactly this file's.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { handler as consoleRisk } from '../../functions/http/console-risk.js';
import { getCustomer } from '../../functions/store/customers.js';
import { putWatchList } from '../../functions/store/watch-list.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard } from '../support/customers.js';
import { expectOk } from '../support/expect.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const SOURCE = '测试公告〔2026〕1 号';

describe('名单筛查: a listed name raises an alert when its account opens', () => {
  let officer: string;
  let exact: Onboarded;
  let near: Onboarded;
  let clean: Onboarded;
  let shortName: Onboarded;
  const openAlerts = async () => expectOk(await call(consoleRisk, { method: 'GET', path: '/v1/console/aml-alerts', token: officer, query: { status: 'OPEN' } })).alerts;
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
    const alerts = await openAlerts();
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
    const alerts = await openAlerts();
    const alertOf = (who: Onboarded) => alerts.find((alert: { customerId: string }) => alert.customerId === who.customerId).alertId;
    const step = (alertId: string, action: 'close' | 'report', reason: string) => call(consoleRisk, { method: 'POST', path: `/v1/console/aml-alerts/${alertId}/${action}`, token: officer, body: { reason } });
    expectOk(await step(alertOf(near), 'close', '出生日期与名单人员不符，排除'));
    expectOk(await step(alertOf(exact), 'report', '姓名与涉恐名单一致，证件信息待核实'));
    assert.equal((await ratingOf(near)).rating, 'LOW');
    assert.deepEqual((await ratingOf(exact)).reasons.map((reason) => reason.text), ['近 12 个月已提交可疑交易报告 1 份']);
  });
});
