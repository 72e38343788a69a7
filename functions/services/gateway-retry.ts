// How every call to an outside system's gateway is retried: only when it did not answer
// (UpstreamUnavailable), a few times, under the same reference so the gateway dedupes repeats.
import { UpstreamUnavailable } from '../platform/upstream-unavailable.js';
import type { RetryPolicy } from '../platform/retry.js';

export const GATEWAY_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 50,
  maxDelayMs: 400,
  retryable: (error) => error instanceof UpstreamUnavailable,
};
