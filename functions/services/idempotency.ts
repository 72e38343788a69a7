// Idempotent requests (DESIGN.md: same key + same body → same answer; same key + other body →
// 422; still running → 409). The HTTP layer hashes the request and stores responses; what each
// state of the key means, and which outcomes are final, is decided here.
import { Refusal, type RefusalKind } from '../domain/errors.js';
import type { GuardText } from '../domain/ledger-refusal.js';
import type { Guard } from '../store/ledger.js';
import * as idempotency from '../store/idempotency.js';

export type StoredResponse = idempotency.StoredResponse;

/** Reserves the key for this request, or answers with the stored response of an earlier
 *  identical request. Another request under the key, or this one still running, is refused. */
export async function beginRequest(scope: string, key: string, requestHash: string, now: Date): Promise<StoredResponse | undefined> {
  const reservation = await idempotency.reserve(scope, key, requestHash, now);
  if (reservation.state === 'replay') return reservation.response;
  if (reservation.state === 'mismatch') throw new Refusal('unprocessable', 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一笔不同的请求');
  if (reservation.state === 'in_flight') throw new Refusal('conflict', 'REQUEST_IN_PROGRESS', '该请求正在处理中，请勿重复提交');
  return undefined;
}

export function completeRequest(scope: string, key: string, response: StoredResponse): Promise<void> {
  return idempotency.complete(scope, key, response);
}

/** Refusals about the request itself (its content against the rules and the state it met); the
 *  others — credentials, PIN, contention — say nothing final about the request. */
const FINAL_REFUSALS: ReadonlySet<RefusalKind> = new Set<RefusalKind>(['invalid', 'not_found', 'unprocessable']);

/** A request that failed: a refusal decided by the rules is its answer and is stored like a
 *  success, so a repeat gets the same refusal — never a success later, once the balance or a
 *  limit has moved (the customer was told it did not happen). Anything else frees the key: a
 *  wrong or locked PIN (the PIN is not part of the request, so the same request may be retried
 *  with the right one), contention, an outage, a crash — a crash after a write is safe to redo
 *  because journal ids derive from the key. Refusals happen before anything is written (a
 *  withdrawal debited and then declined by the card answers 200 REVERSED instead). */
export async function failRequest(scope: string, key: string, error: unknown, refusalResponse: (refusal: Refusal) => StoredResponse): Promise<void> {
  if (error instanceof Refusal && FINAL_REFUSALS.has(error.kind)) {
    await idempotency.complete(scope, key, refusalResponse(error));
    return;
  }
  await idempotency.release(scope, key);
}

/** A reserved request's answer, stored by the transaction that does its work (one round trip
 *  fewer than storing it afterwards). A workflow that uses it adds `guard(result)` to its
 *  transaction and calls `stored()` once that transaction is written; otherwise the HTTP layer
 *  stores the answer after the work as usual. */
export class RequestCompletion {
  #stored = false;

  constructor(
    private readonly scope: string,
    private readonly key: string,
    private readonly requestHash: string,
    private readonly render: (result: unknown) => StoredResponse,
  ) {}

  guard(result: unknown): Guard {
    return { name: COMPLETION_GUARD, item: idempotency.completeItem(this.scope, this.key, this.requestHash, this.render(result)) };
  }

  stored(): void {
    this.#stored = true;
  }

  get isStored(): boolean {
    return this.#stored;
  }
}

const COMPLETION_GUARD = 'REQUEST_COMPLETION';

/** Refused only if the reservation lapsed and another attempt of the same request took it over. */
export const COMPLETION_GUARD_TEXT: Readonly<Record<string, GuardText>> = {
  [COMPLETION_GUARD]: ['REQUEST_IN_PROGRESS', '该请求正在处理中，请勿重复提交', 'conflict'],
};

/** A request's answer, stored by the workflow's own transaction: `guard(result)` goes into it,
 *  `stored()` once it is written (else the HTTP layer stores the answer after the work). */
export interface AnswerCompletion<T> {
  guard(result: T): Guard;
  stored(): void;
}

/** The request's completion for a workflow whose result the route answers as `view(result)`. */
export function completionShownAs<T>(completion: RequestCompletion | undefined, view: (result: T) => unknown): AnswerCompletion<T> | undefined {
  return completion && { guard: (result) => completion.guard(view(result)), stored: () => completion.stored() };
}
