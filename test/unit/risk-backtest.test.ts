// The backtest's own arithmetic (domain/risk-backtest.ts): movements without recorded numbers are
// skipped and counted, the examples stop at their cap, and the judged movements at theirs; each
// movement is judged by the rules of its kind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKTEST_EXAMPLES, backtestRiskRules, MAX_BACKTEST_MOVEMENTS, type RecordedMovement } from '../../functions/domain/risk-backtest.js';
import type { RiskRuleSet } from '../../functions/domain/risk-rules.js';

const fields = { amountFen: 100, hourOfDay: 10, payeeAgeHours: 100, largestTransferFen90d: 100, outTodayFen: 0, outTodayCount: 0 };
const transfer = (n: number, amountFen: number, recorded: 'ALLOW' | 'WARN' = 'ALLOW'): RecordedMovement => ({
  journalId: `J${n}`,
  kind: 'TRANSFER',
  createdAt: '2026-12-06T02:00:00.000Z',
  amountFen,
  risk: { ruleSetVersion: 1, outcome: recorded, fields: { ...fields, amountFen } },
});
const blockOver = (amountFen: number): RiskRuleSet => ({
  version: 2,
  rules: [{ ruleId: 'OVER', version: 1, name: '超额', conditions: [{ field: 'amountFen', op: 'gt', value: amountFen }], outcome: 'BLOCK', reason: '超额' }],
});

describe('backtestRiskRules', () => {
  test('a transfer without its numbers, or with one missing, is skipped and counted', () => {
    const { amountFen: _left, ...partial } = fields;
    const result = backtestRiskRules(blockOver(0), [
      { journalId: 'old', kind: 'TRANSFER', createdAt: '2026-12-01T00:00:00.000Z', amountFen: 5 },
      { journalId: 'partial', kind: 'TRANSFER', createdAt: '2026-12-01T00:00:00.000Z', amountFen: 5, risk: { ruleSetVersion: 1, outcome: 'ALLOW', fields: partial } },
      transfer(1, 50),
    ]);
    assert.deepEqual([result.judged, result.withoutFields, result.changed], [1, 2, 1]);
    assert.deepEqual(result.examples.map((example) => example.journalId), ['J1']);
  });

  test('an outcome kept is no change; examples stop at their cap while the count goes on', () => {
    const transfers = Array.from({ length: BACKTEST_EXAMPLES + 5 }, (_, n) => transfer(n, 1_000));
    const result = backtestRiskRules(blockOver(500), [...transfers, transfer(99, 100)]);
    assert.equal(result.changed, BACKTEST_EXAMPLES + 5);
    assert.equal(result.examples.length, BACKTEST_EXAMPLES);
    assert.deepEqual(result.proposed, { ALLOW: 1, WARN: 0, STEP_UP: 0, DELAY: 0, BLOCK: BACKTEST_EXAMPLES + 5 });
    assert.deepEqual(result.recorded, { ALLOW: BACKTEST_EXAMPLES + 6, WARN: 0, STEP_UP: 0, DELAY: 0, BLOCK: 0 });
  });

  test('a WARN recorded and kept is not a change', () => {
    const warn: RiskRuleSet = { version: 2, rules: [{ ...blockOver(0).rules[0]!, outcome: 'WARN' }] };
    assert.equal(backtestRiskRules(warn, [transfer(1, 10, 'WARN')]).changed, 0);
  });

  test('no more than the cap is judged', () => {
    const many = Array.from({ length: MAX_BACKTEST_MOVEMENTS + 3 }, (_, n) => transfer(n, 1));
    assert.equal(backtestRiskRules(blockOver(0), many).judged, MAX_BACKTEST_MOVEMENTS);
  });

  test('each movement is judged by the rules of its kind; a withdrawal or a bill has no payee age and is judged all the same', () => {
    const { payeeAgeHours: _none, ...payeeless } = fields;
    const withdrawal: RecordedMovement = { journalId: 'W1', kind: 'WITHDRAWAL', createdAt: '2026-12-06T02:00:00.000Z', amountFen: 900, risk: { ruleSetVersion: 1, outcome: 'ALLOW', fields: { ...payeeless, amountFen: 900 } } };
    const bill: RecordedMovement = { ...withdrawal, journalId: 'B1', kind: 'BILL_PAYMENT' };
    const withdrawalsOver: RiskRuleSet = { version: 2, rules: [{ ...blockOver(500).rules[0]!, kinds: ['WITHDRAWAL'] }] };
    const result = backtestRiskRules(withdrawalsOver, [withdrawal, bill, transfer(1, 900)]);
    assert.deepEqual([result.judged, result.withoutFields, result.changed], [3, 0, 1]);
    assert.deepEqual(result.examples.map((example) => [example.journalId, example.kind, example.proposed]), [['W1', 'WITHDRAWAL', 'BLOCK']]);
  });
});
