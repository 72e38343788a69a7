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
  try {
    refuseTaken(await idempotency.reserve(scope, key, requestHash, now));
  } catch (taken) {
    if (taken instanceof StoredAnswer) return taken.response;
    throw taken;
  }
  return undefined;
}

/** Stores the answer under the key the request holds, and answers what the key now holds: this
 *  answer, or the one another attempt of the same request stored first (it took over this
 *  attempt's lease when it lapsed; both did the same work under the same journal ids). */
export async function completeRequest(scope: string, key: string, response: StoredResponse): Promise<StoredResponse> {
  if (await idempotency.complete(scope, key, response)) return response;
  const record = await idempotency.read(scope, key);
  return record?.status === 'COMPLETED' && record.response ? record.response : response;
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
export async function failRequest(scope: string, key: string, error: unknown, refusalResponse: (refusal: Refusal) => StoredResponse): Promise<StoredResponse | undefined> {
  if (error instanceof Refusal && FINAL_REFUSALS.has(error.kind)) {
    const refused = refusalResponse(error);
    const stored = await completeRequest(scope, key, refused);
    // Another attempt answered first: its answer is the request's.
    return stored === refused ? undefined : stored;
  }
  await idempotency.release(scope, key);
  return undefined;
}

/** How a request holds its key while it works: `reserved` before anything (a PutItem of its
 *  own), or `first-write` — the key read with the workflow's first read and written by its first
 *  transaction, one round trip fewer, for a route whose first write is that transaction. */
export type KeyHolding = 'reserved' | 'first-write';

/** A repeat of a request already answered: its stored answer is the answer. */
export class StoredAnswer extends Error {
  constructor(readonly response: StoredResponse) {
    super('the request was answered before');
  }
}

const IN_PROGRESS = () => new Refusal('conflict', 'REQUEST_IN_PROGRESS', '该请求正在处理中，请勿重复提交');

/** Refuses a request whose key is taken, or throws the stored answer of an identical one. */
function refuseTaken(state: ReturnType<typeof idempotency.stateOf>): void {
  if (state.state === 'replay') throw new StoredAnswer(state.response);
  if (state.state === 'mismatch') throw new Refusal('unprocessable', 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一笔不同的请求');
  if (state.state === 'in_flight') throw IN_PROGRESS();
}

/** A request's answer, stored by the transaction that does its work (one round trip fewer than
 *  storing it afterwards). A workflow that uses it adds `guard(result)` to its transaction and
 *  calls `stored()` once that transaction is written; otherwise the HTTP layer stores the answer
 *  after the work as usual. Under `first-write` the workflow also reads `request` with its first
 *  read and hands what it found to `found`, and a workflow whose answer comes only after its
 *  first transaction puts `leaseGuard()` in it and calls `leased()` once written. */
export class RequestCompletion {
  #stored = false;
  #held: boolean;
  #tookOver = false;

  constructor(
    private readonly scope: string,
    private readonly key: string,
    private readonly requestHash: string,
    private readonly render: (result: unknown) => StoredResponse,
    private readonly holding: KeyHolding,
    private readonly now: Date,
  ) {
    this.#held = holding === 'reserved';
  }

  /** The key the workflow's first read includes (first-write only). */
  get request(): { scope: string; key: string } | undefined {
    return this.holding === 'first-write' ? { scope: this.scope, key: this.key } : undefined;
  }

  /** What the first read found under the key: a repeat of an answered request stops here with its
   *  answer; a lease lapsed by a crashed attempt of this request is taken over. */
  found(record: idempotency.KeyRecord | undefined): void {
    const state = idempotency.stateOf(record, this.requestHash, this.now);
    refuseTaken(state);
    if (record) {
      this.#tookOver = true;
      this.#held = true;
    }
  }

  guard(result: unknown): Guard {
    const response = this.render(result);
    const item = this.#held
      ? idempotency.completeItem(this.scope, this.key, this.requestHash, response)
      : idempotency.firstWriteItem(this.scope, this.key, this.requestHash, this.now, { status: 'COMPLETED', response });
    return { name: COMPLETION_GUARD, item };
  }

  leaseGuard(): Guard[] {
    return this.#held ? [] : [{ name: COMPLETION_GUARD, item: idempotency.firstWriteItem(this.scope, this.key, this.requestHash, this.now, { status: 'IN_FLIGHT' }) }];
  }

  leased(): void {
    this.#held = true;
  }

  stored(): void {
    this.#stored = true;
  }

  get isStored(): boolean {
    return this.#stored;
  }

  /** The key is this request's: reserved, leased by its first transaction, or taken over. */
  get holdsKey(): boolean {
    return this.#held;
  }

  /** The workflow found its journal already written. Under a key it holds, by an earlier attempt
   *  of its own (a crash): it carries on from there. Otherwise another copy of the request, sent
   *  at the same time, wrote it and gives the answer. */
  journalWrittenBefore(): void {
    if (this.holding === 'first-write' && !this.#tookOver) throw IN_PROGRESS();
  }

  /** After the work, for a key not held: stores the answer unless another copy of the request
   *  stored one first — then that one is the answer. */
  async storeAnswer(response: StoredResponse): Promise<StoredResponse> {
    if (await idempotency.record(this.scope, this.key, this.requestHash, response, this.now)) return response;
    return (await this.storedAnswer()) ?? response;
  }

  /** After a failure, for a key not held: a final refusal is stored as the answer (unless another
   *  copy answered first); any other failure may be a repeat of an answered request meeting its
   *  spent nonce or expired authorization, so the stored answer, if any, is the answer. */
  async answerForFailure(error: unknown, refusalResponse: (refusal: Refusal) => StoredResponse): Promise<StoredResponse | undefined> {
    if (!(error instanceof Refusal && FINAL_REFUSALS.has(error.kind))) return this.storedAnswer();
    const refused = refusalResponse(error);
    if (await idempotency.record(this.scope, this.key, this.requestHash, refused, this.now)) return refused;
    // Another copy holds the key: its movement may be what left this copy short, so this
    // copy's refusal is not the request's answer — that copy's is, once given.
    const stored = await this.storedAnswer();
    if (stored) return stored;
    throw IN_PROGRESS();
  }

  /** The answer stored under the key for this request, if any; the key used for another request
   *  is refused as such. */
  async storedAnswer(): Promise<StoredResponse | undefined> {
    const state = idempotency.stateOf(await idempotency.read(this.scope, this.key), this.requestHash, this.now);
    if (state.state === 'replay') return state.response;
    if (state.state === 'mismatch') refuseTaken(state);
    return undefined;
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
