// The rules of 挂失 (domain/loss-report.ts): one report at a time, a lift only of a report in
// force, sign-in refused while one is, and which sessions a revocation ends.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { assertNotReported, assertReported, type LossReport, lossFreeze, refuseSignInWhileReported, sessionRevoked } from '../../functions/domain/loss-report.js';

const report: LossReport = { reportedAt: '2026-03-01T08:00:00.000Z', lost: 'PHONE', via: 'SIGNED_IN', frozeAccount: true };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Refusal);
    return [error.kind, error.code];
  }
  return undefined;
};

describe('挂失', () => {
  test('one report at a time; a lift only of a report in force', () => {
    assert.equal(refusal(() => assertNotReported(undefined)), undefined);
    assert.deepEqual(refusal(() => assertNotReported(report)), ['conflict', 'LOSS_ALREADY_REPORTED']);
    assert.equal(assertReported(report), report);
    assert.deepEqual(refusal(() => assertReported(undefined)), ['unprocessable', 'LOSS_NOT_REPORTED']);
  });

  test('nobody signs in while a loss is reported', () => {
    assert.equal(refusal(() => refuseSignInWhileReported(undefined)), undefined);
    assert.deepEqual(refusal(() => refuseSignInWhileReported(report)), ['forbidden', 'ACCOUNT_LOSS_REPORTED']);
  });

  test('a revocation ends every session begun at or before it, none after', () => {
    const at = Date.parse(report.reportedAt);
    assert.equal(sessionRevoked(at - 1, undefined), false, 'never revoked');
    assert.equal(sessionRevoked(at - 60_000, report.reportedAt), true);
    assert.equal(sessionRevoked(at, report.reportedAt), true, 'the same millisecond counts as before');
    assert.equal(sessionRevoked(at + 1, report.reportedAt), false);
    assert.equal(sessionRevoked(0, report.reportedAt), true, 'a session whose start was never kept');
  });

  test('the freeze a report makes is marked as the customer\'s own', () => {
    assert.deepEqual(lossFreeze(report.reportedAt), { kind: 'LOSS_REPORT', reason: '客户挂失', frozenAt: report.reportedAt, operatorId: 'customer', login: '客户本人' });
  });
});
