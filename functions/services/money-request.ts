// What every money workflow shares about a request confirmed with a second factor: the customer
// and the account its nonce names, read at once.
import type { AccountRecord } from '../store/accounts.js';
import type { CustomerRecord } from '../store/customers.js';
import type { MovementParties } from '../store/movement-risk.js';
import { loadCustomerWithAccount } from './customer-guards.js';
import type { AnswerCompletion, RequestCompletion } from './idempotency.js';
import type { OpenedSecondFactor } from './second-factor.js';

/** What a money request confirmed with a second factor brings to its workflow besides its body. */
export interface ConfirmedRequest<T> {
  secondFactor: OpenedSecondFactor;
  /** The workflow's journal ids derive from it. */
  idempotencyKey: string;
  now: Date;
  completion?: AnswerCompletion<T>;
}

/** The customer and the account the nonce was issued against, in one read — with the request's
 *  idempotency record when the request holds its key by its first write, and the items under
 *  `alsoRead` (all the items read come back in `also`). */
/** The account a money movement's nonce was issued against. */
function nonceAccountId(secondFactor: OpenedSecondFactor): string {
  if (!secondFactor.accountId) throw new Error('a money movement nonce names the account it moves');
  return secondFactor.accountId;
}

/** What the anti-fraud rules judge a movement between (services/movement-risk.ts): the account the
 *  nonce names, and a transfer's payee (null for any other movement). */
export const movementParties = (customerId: string, secondFactor: OpenedSecondFactor, payeeAccountId: string | null, at: Date): MovementParties => ({
  customerId,
  accountId: nonceAccountId(secondFactor),
  payeeAccountId,
  at,
});

export async function loadNonceAccount(
  customerId: string,
  secondFactor: OpenedSecondFactor,
  completion?: RequestCompletion,
  alsoRead: readonly Record<string, string>[] = [],
): Promise<{ customer: CustomerRecord; account: AccountRecord; also: Record<string, unknown>[] }> {
  return loadCustomerWithAccount(customerId, nonceAccountId(secondFactor), completion, alsoRead);
}
