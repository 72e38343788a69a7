// DynamoDB error shapes the store reacts to.
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

const MAX_ATTEMPTS = 8;

/** Runs `attempt` again on contention, at most MAX_ATTEMPTS times with jittered backoff. */
export async function withContentionRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= MAX_ATTEMPTS || !isRetryableContention(error)) throw error;
      const capMs = Math.min(200, 5 * 2 ** n);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * capMs));
    }
  }
}
