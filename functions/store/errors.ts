// DynamoDB error shapes the store reacts to.
import { retry, type RetryPolicy } from '../platform/retry.js';

export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

export function isConditionFailed(error: unknown): boolean {
  return errorName(error) === 'ConditionalCheckFailedException';
}

/** Per-item reasons of a cancelled transaction, aligned with the items sent. */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (errorName(error) !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** Contention that a bounded retry resolves: another transaction held an item, or throttling. */
export function isRetryableContention(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'TransactionConflictException' || name === 'ProvisionedThroughputExceededException') return true;
  if (name === 'ThrottlingException' || name === 'RequestLimitExceeded') return true;
  const codes = cancellationCodes(error);
  return codes !== undefined && codes.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError')
    && !codes.includes('ConditionalCheckFailed');
}

/** DynamoDB contention: a few quick tries, spread apart (the SDK's own retries sit beneath). */
export const CONTENTION_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 10, maxDelayMs: 200, retryable: isRetryableContention };

/** Runs `attempt` again on contention, at most 8 times with jittered backoff. */
export function withContentionRetry<T>(attempt: () => Promise<T>): Promise<T> {
  return retry(CONTENTION_RETRY, attempt);
}
