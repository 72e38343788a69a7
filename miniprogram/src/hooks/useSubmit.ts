import { useCallback, useRef, useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { newIdempotencyKey } from '@/lib/idempotency';

interface Submit {
  busy: boolean;
  error: string;
  setError: (message: string) => void;
  /** Runs the request unless one is already in flight; resolves undefined when it failed. */
  run: <T>(request: (idempotencyKey: string) => Promise<T>) => Promise<T | undefined>;
  /** Call when the customer changes what is being submitted (amount, payee). */
  resetKey: () => void;
  /** Wraps a setter of what is being submitted so that a change also calls `resetKey`. */
  changing: <T>(set: (value: T) => void) => (value: T) => void;
}

/**
 * One form submission: a single request in flight, the error to show, and the Idempotency-Key.
 * The key is made on the first attempt and kept for retries and double taps of the same
 * submission, so the server moves the money at most once. It is renewed when the customer
 * changes the payload or the server answered with an error (that submission is finished);
 * after a network failure it is kept, because the server may have done the work.
 */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inFlight = useRef(false);
  const key = useRef<string | null>(null);

  const resetKey = useCallback(() => {
    key.current = null;
  }, []);

  const run = useCallback(async <T,>(request: (idempotencyKey: string) => Promise<T>) => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError('');
    key.current ??= newIdempotencyKey();
    try {
      return await request(key.current);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status > 0) key.current = null;
      setError(errorMessage(failure));
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  function changing<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      resetKey();
    };
  }

  return { busy, error, setError, run, resetKey, changing };
}
