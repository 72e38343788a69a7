// The writes of 销户 besides the ledger's (store/ledger.ts closes an account with a balance in its
// sweep's own balance update): the closing of an account with nothing left to sweep, and the
// customer's copy of the closing's dates.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountClosure } from '../domain/account-closure.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { retentionDueItem, removeRetentionDue } from './privacy.js';
import { type TransactItem, transactWrite } from './transact.js';

/** Records on the customer when the account closed and until when the records are kept, for
 *  the profile and a payer's look-up (which read the customer, not the account). Written after
 *  the closing's transaction — that transaction already updates the customer (the PIN's attempt
 *  count), and one transaction cannot touch an item twice — and again by a retry of the request. */
export async function recordCustomerClosure(customerId: string, closure: AccountClosure): Promise<void> {
  // With the index item the deletion job finds the customer by, once `retainUntil` has passed.
  const refused = await transactWrite([
    {
      Update: {
        TableName: db().tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET accountClosure = :closure',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':closure': { closedAt: closure.closedAt, retainUntil: closure.retainUntil } },
      },
    },
    retentionDueItem(customerId, closure.retainUntil),
  ]);
  if (refused !== undefined) throw new Error(`no customer ${customerId} to record the closing on`);
}

/** Takes the record of that closing off again, when the card refused the sweep and the closing
 *  was undone. */
export async function removeCustomerClosure(customerId: string, closure: { closedAt: string; retainUntil: string }): Promise<void> {
  await removeRetentionDue(customerId, closure.retainUntil);
  await db()
    .doc.send(
      new UpdateCommand({
        TableName: db().tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'REMOVE accountClosure',
        ConditionExpression: 'accountClosure.closedAt = :closed',
        ExpressionAttributeValues: { ':closed': closure.closedAt },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** Closes an ACTIVE account that holds nothing (no sweep, so no journal). */
export function closeEmptyAccountItem(accountId: string, closure: AccountClosure): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.balance(accountId),
      UpdateExpression: 'SET #status = :closed, closure = :closure',
      ConditionExpression: '#type = :account AND #status = :active AND balanceFen = :zero',
      ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
      ExpressionAttributeValues: { ':closed': 'CLOSED', ':active': 'ACTIVE', ':account': 'ACCOUNT', ':zero': 0, ':closure': closure },
    },
  };
}
