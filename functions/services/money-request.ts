// What the money workflows of loans, wealth and bills share about a request confirmed with a
// second factor: the customer and the account its nonce names, read at once, and storing the
// request's answer in the transaction that does its work (services/idempotency.ts).
import type { AccountRecord } from '../store/accounts.js';
import type { CustomerRecord } from '../store/customers.js';
import type { Guard } from '../store/ledger.js';
import { loadCustomerWithAccount } from './customer-guards.js';
import type { RequestCompletion } from './idempotency.js';
import type { OpenedSecondFactor } from './second-factor.js';

/** What a money request confirmed with a second factor brings to its workflow besides its body. */
export interface ConfirmedRequest<T> {
  secondFactor: OpenedSecondFactor;
  /** The workflow's journal ids derive from it. */
  idempotencyKey: string;
  now: Date;
  completion?: AnswerCompletion<T>;
}

/** The customer and the account the nonce was issued against, in one read. */
export async function loadNonceAccount(customerId: string, secondFactor: OpenedSecondFactor): Promise<{ customer: CustomerRecord; account: AccountRecord }> {
  if (!secondFactor.accountId) throw new Error('a money movement nonce names the account it moves');
  return loadCustomerWithAccount(customerId, secondFactor.accountId);
}

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
