// The one retry helper: every retry in the code goes through it, with an explicit attempt bound
// and full-jitter exponential backoff (spreads competing retries apart instead of in lock-step).

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = no retry). */
  attempts: number;
  /** The first backoff's ceiling; each further one doubles it up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Whether an error is worth another attempt; anything else is thrown at once. */
  retryable: (error: unknown) => boolean;
}

/** Thrown by an attempt whose outcome says "the state moved under me, read again and redo"
 *  (an optimistic version check lost a race). Retried by policies that list it. */
export class TryAgain extends Error {
  constructor(readonly reason: string) {
    super(`try again: ${reason}`);
    this.name = 'TryAgain';
  }
}

export const isTryAgain = (error: unknown): error is TryAgain => error instanceof TryAgain;

const MAX_ATTEMPTS = 10;

/** Runs `attempt` until it succeeds, throws a non-retryable error, or the attempts are spent (the
 *  last error is thrown then). `attempt` receives its 1-based number. */
export async function retry<T>(policy: RetryPolicy, attempt: (attemptNumber: number) => Promise<T>): Promise<T> {
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1 || policy.attempts > MAX_ATTEMPTS) {
    throw new Error(`retry attempts must be 1..${MAX_ATTEMPTS}, got ${policy.attempts}`);
  }
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (attemptNumber >= policy.attempts || !policy.retryable(error)) throw error;
      const ceilingMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceilingMs));
    }
  }
}
