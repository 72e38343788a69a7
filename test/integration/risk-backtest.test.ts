// The anti-fraud rules' backtest (issue 18): a proposed rule set tried on today's transfers, each
// on the numbers recorded with its journal when it was judged — what changes, by rule, with
// examples — reading the movementsByDay index and writing nothing. Its own table, so the
// transfers it counts are exactly this file's.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEFAULT_RISK_RULE_SET } from '../../functions/domain/risk-rules.js';
import { businessDate } from '../../functions/domain/time.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as consoleRisk } from '../../functions/http/console-risk.js';
import { getJournal } from '../../functions/store/ledger.js';
import { call, useBank } from '../support/bank.js';
import { type Onboarded, onboard, pay, topUp } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

const TRANSFER = '/v1/account/transfer';
const PROPOSED = {
  version: 2,
  rules: [
    ...DEFAULT_RISK_RULE_SET.rules,
    { ruleId: 'BIG_BLOCK', version: 1, name: '大额拦截', conditions: [{ field: 'amountFen', op: 'gt', value: 200_000 }], outcome: 'BLOCK', reason: '单笔超过 2,000 元（测试）' },
    { ruleId: 'MANY_TODAY', version: 1, name: '当日多笔', conditions: [{ field: 'outTodayCount', op: 'gte', value: 2 }], outcome: 'WARN', reason: '当日多笔（测试）' },
  ],
};

describe('backtesting a rule set (回测)', () => {
  let officer: string;
  let service: string;
  const journalIds: string[] = [];
  const backtest = (body: object, token = officer) => call(consoleRisk, { method: 'POST', path: '/v1/console/risk-rules/backtest', token, body });

  before(async () => {
    const [risk, cs] = await Promise.all([newOperator(['RISK_OFFICER'], '风控甲'), newOperator(['CUSTOMER_SERVICE'], '客服乙')]);
    [officer, service] = (await Promise.all([risk, cs].map(async (who) => (await signInOperator(who)).accessToken))) as [string, string];
    const payer: Onboarded = await onboard();
    const payee = await onboard();
    expectOk(await topUp(payer, 1_000_000));
    // Three small transfers, then ¥5,000 to the same payee — new to the payer since under 24 h,
    // the victim pattern: warned, confirmed, and held (its hold is in the index like a transfer).
    for (const amountFen of [10_000, 10_000, 10_000, 500_000]) journalIds.push(expectOk(await pay(payer, account, TRANSFER, { toPhone: payee.phone, amountFen })).journalId);
  });

  test('each transfer records the numbers it was judged on', async () => {
    const last = await getJournal(journalIds[3]!);
    assert.equal(last?.kind, 'TRANSFER_HOLD');
    assert.equal(last?.risk?.outcome, 'DELAY');
    assert.deepEqual(
      { ...last?.risk?.fields, hourOfDay: 0, payeeAgeHours: 0, deviceAgeHours: 0 },
      // onboard()'s customers are born in 1990.
      { amountFen: 500_000, hourOfDay: 0, payeeAgeHours: 0, largestTransferFen90d: 10_000, outTodayFen: 30_000, outTodayCount: 3, outLastHourFen: 30_000, outLastHourCount: 3, customerAgeYears: Number(businessDate(new Date()).slice(0, 4)) - 1990, deviceAgeHours: 0, customerRiskLevel: 1 },
    );
    assert.ok(last!.risk!.fields!.payeeAgeHours! < 1);
    // The payer signed up on this device moments before.
    assert.ok(last!.risk!.fields!.deviceAgeHours! < 1);
  });

  test('the set in force, tried again, changes nothing', async () => {
    const today = businessDate(new Date());
    const result = expectOk(await backtest({ ruleSet: DEFAULT_RISK_RULE_SET, days: 1 }));
    assert.deepEqual(result, {
      fromDate: today,
      toDate: today,
      truncated: false,
      judged: 4,
      withoutFields: 0,
      recorded: { ALLOW: 3, WARN: 0, STEP_UP: 0, DELAY: 1, BLOCK: 0 },
      proposed: { ALLOW: 3, WARN: 0, STEP_UP: 0, DELAY: 1, BLOCK: 0 },
      changed: 0,
      byRule: [{ ruleId: 'VICTIM_TRANSFER', matched: 1 }],
      examples: [],
    });
  });

  test('a proposal: what it would block and warn, by rule, with the changed transfers as examples; nothing written', async () => {
    const tableBefore = await scanTable();
    const result = expectOk(await backtest({ ruleSet: PROPOSED, days: 7 }));
    assert.deepEqual(await scanTable(), tableBefore);
    assert.equal(result.judged, 4);
    assert.deepEqual(result.proposed, { ALLOW: 2, WARN: 1, STEP_UP: 0, DELAY: 0, BLOCK: 1 });
    assert.equal(result.changed, 2);
    assert.deepEqual(result.byRule, [
      { ruleId: 'VICTIM_TRANSFER', matched: 1 },
      { ruleId: 'BIG_BLOCK', matched: 1 },
      { ruleId: 'MANY_TODAY', matched: 2 },
    ]);
    const byJournal = new Map<string, any>(result.examples.map((example: any) => [example.journalId, example]));
    assert.deepEqual(byJournal.get(journalIds[2]!), { journalId: journalIds[2], kind: 'TRANSFER', createdAt: byJournal.get(journalIds[2]!)?.createdAt, amountFen: 10_000, recorded: 'ALLOW', proposed: 'WARN', ruleIds: ['MANY_TODAY'] });
    assert.deepEqual(byJournal.get(journalIds[3]!)?.ruleIds, ['VICTIM_TRANSFER', 'BIG_BLOCK', 'MANY_TODAY']);
    assert.equal(byJournal.get(journalIds[3]!)?.proposed, 'BLOCK');
  });

  test('bad input and the wrong role are refused', async () => {
    expectError(await backtest({ ruleSet: PROPOSED, days: 31 }), 400, 'VALIDATION_FAILED');
    expectError(await backtest({ ruleSet: PROPOSED, days: 0 }), 400, 'VALIDATION_FAILED');
    expectError(await backtest({ ruleSet: { ...PROPOSED, rules: [] }, days: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await backtest({ ruleSet: PROPOSED, days: 1 }, service), 403, 'FORBIDDEN');
  });
});
