// How the store reacts to DynamoDB contention: transaction conflicts and throttling are retried a
// bounded number of times; a failed condition (a business refusal) never is. DynamoDB Local
// serializes transactions and never reports a conflict, so these paths are only testable here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cancellationCodes, isConditionFailed, isRetryableContention, withContentionRetry } from '../../functions/store/errors.js';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
const named = (name: string) => Object.assign(new Error(name), { name });

describe('classifying DynamoDB errors', () => {
  test('cancellation reasons line up with the items sent', () => {
    assert.deepEqual(cancellationCodes(cancelled('None', 'ConditionalCheckFailed', 'None')), ['None', 'ConditionalCheckFailed', 'None']);
    assert.equal(cancellationCodes(named('ValidationException')), undefined);
    assert.equal(cancellationCodes('not an error'), undefined);
  });

  test('conflicts and throttling are retryable', () => {
    for (const error of [
      cancelled('None', 'TransactionConflict'),
      cancelled('ThrottlingError', 'None'),
      named('TransactionConflictException'),
      named('ProvisionedThroughputExceededException'),
      named('ThrottlingException'),
      named('RequestLimitExceeded'),
    ]) {
      assert.equal(isRetryableContention(error), true, String(error));
    }
  });

  test('a failed condition is a refusal, even when another item also conflicted', () => {
    assert.equal(isRetryableContention(cancelled('ConditionalCheckFailed', 'None')), false);
    assert.equal(isRetryableContention(cancelled('TransactionConflict', 'ConditionalCheckFailed')), false);
    assert.equal(isConditionFailed(named('ConditionalCheckFailedException')), true);
  });

  test('anything else is not retried', () => {
    for (const error of [named('ValidationException'), named('ResourceNotFoundException'), new Error('boom'), cancelled('ValidationError')]) {
      assert.equal(isRetryableContention(error), false, String(error));
    }
  });
});

describe('withContentionRetry', () => {
  test('retries a conflict until it goes through', async () => {
    let calls = 0;
    const result = await withContentionRetry(async () => {
      calls++;
      if (calls < 4) throw cancelled('None', 'TransactionConflict');
      return 'written';
    });
    assert.equal(result, 'written');
    assert.equal(calls, 4);
  });

  test('gives up after a bounded number of attempts and rethrows the last error', async () => {
    let calls = 0;
    const conflict = cancelled('TransactionConflict');
    await assert.rejects(
      withContentionRetry(async () => {
        calls++;
        throw conflict;
      }),
      (error) => error === conflict,
    );
    assert.ok(calls > 1 && calls <= 10, `${calls} attempts`);
  });

  test('never retries a refusal', async () => {
    let calls = 0;
    const refusal = cancelled('None', 'ConditionalCheckFailed');
    await assert.rejects(
      withContentionRetry(async () => {
        calls++;
        throw refusal;
      }),
      (error) => error === refusal,
    );
    assert.equal(calls, 1);
  });
});
