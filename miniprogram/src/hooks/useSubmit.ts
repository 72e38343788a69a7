import { useCallback, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { newIdempotencyKey } from '@/lib/idempotency';

interface Submit {
  busy: boolean;
  error: string;
  setError: (message: string) => void;
  /**
   * Runs the request unless one is already in flight; resolves undefined when it failed.
   * `payload` is the body the request sends: the Idempotency-Key belongs to it (see below).
   */
  run: <T>(request: (idempotencyKey: string) => Promise<T>, payload?: object) => Promise<T | undefined>;
  /**
   * The Idempotency-Key `run` will send with `payload` (made now if the payload has none yet, and
   * kept for it): what a payment nonce is bound to before the request is sent
   * (POST /v1/payment-authorizations `idempotencyKey`).
   */
  keyFor: (payload?: object) => string;
}

/** JSON with every object's keys in sorted order: the same body built in another order is the
 *  same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((name) => record[name] !== undefined)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
  return `{${members.join(',')}}`;
}

/** What the Idempotency-Key follows: the body without the second factor, which differs on every
 *  try (the server's idempotency check leaves it out too: functions/platform/request-hash.ts), and
 *  without the anti-fraud confirmation — a warned transfer the customer confirmed is still that
 *  transfer, under its key, so it can never be paid twice under two keys. */
function fingerprint(payload: object | undefined): string {
  if (payload === undefined) return '';
  const { secondFactor: _secondFactor, newPin: _newPin, riskAcknowledged: _riskAcknowledged, ...rest } = payload as Record<string, unknown>;
  return canonicalJson(rest);
}

/**
 * The answers the server stores under the key as the request's final answer (ARCHITECTURE.md,
 * Idempotency: refused by the rules — invalid, not found, unprocessable). Any other failure — a
 * refused second factor, a conflict such as REQUEST_IN_PROGRESS, a 5xx, no answer at all — may be followed by
 * the server doing the work under that key, or releases it for the same request to be retried.
 */
const FINAL_REFUSALS: ReadonlySet<number> = new Set([400, 404, 422]);

/**
 * One form submission: a single request in flight, the error to show, and the Idempotency-Key.
 * A key belongs to the payload it was made for and is sent again with that same payload — a
 * retry, a double tap, or the customer clearing a field and typing the same value back — so the
 * server moves the money at most once; a different payload gets a key of its own. Keys follow
 * what the request would send, never whether a field was edited. A key is dropped once the
 * server refused its request for good (that submission is finished); after any other failure it
 * is kept, because the server may have done, or may still do, the work.
 */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inFlight = useRef(false);
  const keys = useRef(new Map<string, string>());

  const keyFor = useCallback((payload?: object) => {
    const sent = fingerprint(payload);
    const key = keys.current.get(sent) ?? newIdempotencyKey();
    keys.current.set(sent, key);
    return key;
  }, []);

  const run = useCallback(async <T,>(request: (idempotencyKey: string) => Promise<T>, payload?: object) => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError('');
    const sent = fingerprint(payload);
    const key = keyFor(payload);
    try {
      return await request(key);
    } catch (failure) {
      if (failure instanceof ApiError && FINAL_REFUSALS.has(failure.status)) keys.current.delete(sent);
      setError(errorMessage(failure));
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [keyFor]);

  return { busy, error, setError, run, keyFor };
}
