// The one retry helper (functions/platform/retry.ts): an explicit attempt bound, the last error
// thrown when it is spent, anything the policy does not call retryable thrown at once, and a
// full-jitter backoff whose ceiling doubles up to maxDelayMs.
import assert from 'node:assert/strict';
import { afterEach, describe, mock, test } from 'node:test';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../../functions/platform/retry.js';

const always = () => true;
const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({ attempts: 3, baseDelayMs: 0, maxDelayMs: 0, retryable: always, ...overrides });

/** An attempt that fails `failures` times (with the error `fail(n)` makes), then answers `answer`. */
function flaky<T>(failures: number, answer: T, fail: (attemptNumber: number) => Error = (n) => new Error(`failure ${n}`)) {
  const seen: number[] = [];
  const attempt = async (attemptNumber: number) => {
    seen.push(attemptNumber);
    if (seen.length <= failures) throw fail(attemptNumber);
    return answer;
  };
  return { attempt, seen };
}

afterEach(() => mock.restoreAll());

describe('retry', () => {
  test('a first success is answered without another attempt', async () => {
    const { attempt, seen } = flaky(0, 'ok');
    assert.equal(await retry(policy(), attempt), 'ok');
    assert.deepEqual(seen, [1]);
  });

  test('makes exactly `attempts` attempts, numbered from 1, and throws the last error', async () => {
    const { attempt, seen } = flaky(Infinity, 'never');
    await assert.rejects(retry(policy({ attempts: 4 }), attempt), { message: 'failure 4' });
    assert.deepEqual(seen, [1, 2, 3, 4]);
  });

  test('attempts: 1 means no retry at all', async () => {
    const { attempt, seen } = flaky(1, 'late');
    await assert.rejects(retry(policy({ attempts: 1 }), attempt), { message: 'failure 1' });
    assert.deepEqual(seen, [1]);
  });

  test('succeeds on the last allowed attempt', async () => {
    const { attempt, seen } = flaky(2, 'third time');
    assert.equal(await retry(policy({ attempts: 3 }), attempt), 'third time');
    assert.deepEqual(seen, [1, 2, 3]);
  });

  test('an error the policy does not call retryable is thrown at once, the same object', async () => {
    const refusal = new Error('refused by the rules');
    const { attempt, seen } = flaky(1, 'never', () => refusal);
    await assert.rejects(retry(policy({ attempts: 5, retryable: isTryAgain }), attempt), (error) => error === refusal);
    assert.deepEqual(seen, [1]);
  });

  test('TryAgain is retried under a policy that lists it, and only it', async () => {
    const { attempt, seen } = flaky(2, 'landed', () => new TryAgain('the loan changed'));
    assert.equal(await retry(policy({ attempts: 5, retryable: isTryAgain }), attempt), 'landed');
    assert.deepEqual(seen, [1, 2, 3]);

    const tryAgain = new TryAgain('still racing');
    assert.equal(tryAgain.reason, 'still racing');
    assert.ok(isTryAgain(tryAgain));
    assert.ok(!isTryAgain(new Error('still racing')));
    const spent = flaky(Infinity, 'never', () => tryAgain);
    await assert.rejects(retry(policy({ attempts: 2, retryable: isTryAgain }), spent.attempt), (error) => error === tryAgain);
    assert.deepEqual(spent.seen, [1, 2]);
  });

  for (const attempts of [0, -1, 1.5, Number.NaN, 11, Number.POSITIVE_INFINITY]) {
    test(`attempts: ${attempts} is refused before any attempt`, async () => {
      const { attempt, seen } = flaky(0, 'ok');
      await assert.rejects(retry(policy({ attempts }), attempt), /retry attempts must be 1\.\.10/);
      assert.deepEqual(seen, []);
    });
  }

  test('waits a random part of a ceiling that doubles from baseDelayMs up to maxDelayMs', async () => {
    const delaysMs: number[] = [];
    mock.method(globalThis, 'setTimeout', (run: () => void, delayMs: number) => {
      delaysMs.push(delayMs);
      run();
    });
    mock.method(Math, 'random', () => 0.5);
    const { attempt } = flaky(Infinity, 'never');
    await assert.rejects(retry(policy({ attempts: 6, baseDelayMs: 10, maxDelayMs: 60 }), attempt), { message: 'failure 6' });
    // Ceilings 10, 20, 40, 60, 60 (no wait after the last attempt), each halved by the random draw.
    assert.deepEqual(delaysMs, [5, 10, 20, 30, 30]);
  });
});
