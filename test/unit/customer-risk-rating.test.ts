// The customer's money-laundering risk rating (issue 18): each factor's effect, the highest one
// wins, every reason kept in words.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CUSTOMER_RISK_LEVELS, rateCustomer, type RiskRatingFactors } from '../../functions/domain/customer-risk-rating.js';

const clean: RiskRatingFactors = { openAlerts: 0, reportsFiled12m: 0, frozenByBank: false };

describe('rating a customer', () => {
  test('nothing held against them: low, with no reasons', () => {
    assert.deepEqual(rateCustomer(clean), { rating: 'LOW', reasons: [] });
  });

  test('an open alert: medium, with the count in words', () => {
    const alerted = rateCustomer({ ...clean, openAlerts: 2 });
    assert.deepEqual([alerted.rating, alerted.reasons.map((reason) => reason.text)], ['MEDIUM', ['有 2 条待处理的可疑交易预警']]);
  });

  test('a report filed or a freeze by the bank: high, whatever else holds; every reason kept, highest first', () => {
    const reported = rateCustomer({ openAlerts: 1, reportsFiled12m: 1, frozenByBank: true });
    assert.equal(reported.rating, 'HIGH');
    assert.deepEqual(reported.reasons.map((reason) => [reason.code, reason.rating]), [
      ['REPORT_FILED', 'HIGH'],
      ['FROZEN_BY_BANK', 'HIGH'],
      ['OPEN_ALERT', 'MEDIUM'],
    ]);
    assert.equal(rateCustomer({ ...clean, frozenByBank: true }).rating, 'HIGH');
    assert.equal(rateCustomer({ ...clean, reportsFiled12m: 3 }).reasons[0]!.text, '近 12 个月已提交可疑交易报告 3 份');
  });

  test('levels for the rules: 1, 2, 3', () => {
    assert.deepEqual([CUSTOMER_RISK_LEVELS.LOW, CUSTOMER_RISK_LEVELS.MEDIUM, CUSTOMER_RISK_LEVELS.HIGH], [1, 2, 3]);
  });
});
