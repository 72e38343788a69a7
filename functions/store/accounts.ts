// Class II e-accounts and the house's sharded accounts.
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountClosure } from '../domain/account-closure.js';
import type { AccountFreeze, AccountStatus } from '../domain/customer-service.js';
import { refuse } from '../domain/errors.js';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';
import { batchGetItems, itemWithKey } from './batch-get.js';
import type { CustomerRecord } from './customers.js';
import type { KeyRecord } from './idempotency.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export interface AccountRecord {
  accountId: string;
  ownerCustomerId: string;
  accountNumberMasked: string;
  accountNumberEnc: string;
  accountClass: 'II';
  balanceFen: number;
  /** FROZEN: the ledger takes no debit of it (store/ledger.ts). */
  status: AccountStatus;
  /** Why and by whom, while FROZEN. */
  freeze?: AccountFreeze;
  /** When CLOSED (销户): when, what was swept where, and how long its records are kept. */
  closure?: AccountClosure;
  boundCard: { bankName: string; cardNumberMasked: string; cardNumberEnc: string };
  openedAt: string;
}

export async function getAccount(accountId: string): Promise<AccountRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.balance(accountId), ConsistentRead: true }),
  );
  return Item?.type === 'ACCOUNT' ? (Item as AccountRecord) : undefined;
}

/** Opens the account and links it to its owner in one transaction: one account per customer,
 *  with the account number's blind-index item (its keyed hash; the first to write it has it),
 *  and `also` (a name-screening alert on it). */
export async function openAccount(account: AccountRecord, accountNumberHash: string, also: TransactItem[]): Promise<void> {
  const { doc, tableName } = db();
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.balance(account.accountId), type: 'ACCOUNT', ...account },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.customer(account.ownerCustomerId),
                UpdateExpression: 'SET accountId = :a',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(accountId)',
                ExpressionAttributeValues: { ':a': account.accountId },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: accountNumberIndexItem(account, accountNumberHash),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...also,
          ],
        }),
      ),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[1] === 'ConditionalCheckFailed') {
      refuse('conflict', 'ACCOUNT_ALREADY_OPEN', '已开通电子账户');
    }
    throw error;
  }
}

const accountNumberIndexItem = (account: AccountRecord, accountNumberHash: string) => ({
  ...keys.accountNumber(accountNumberHash),
  type: 'ACCTNO',
  accountId: account.accountId,
  customerId: account.ownerCustomerId,
});

/** Writes the account number's blind-index item for an account opened before the index existed
 *  (the demo seed's backfill); writing it again changes nothing. */
export async function putAccountNumberIndex(account: AccountRecord, accountNumberHash: string): Promise<void> {
  await db().doc.send(new PutCommand({ TableName: db().tableName, Item: accountNumberIndexItem(account, accountNumberHash) }));
}

/** The owner of the account whose number has this keyed hash. */
export async function customerIdByAccountNumber(accountNumberHash: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.accountNumber(accountNumberHash), ConsistentRead: true }));
  return Item?.customerId as string | undefined;
}

/** The write that freezes an ACTIVE account, for the transaction that also records it in the
 *  audit log; refused when the account is not ACTIVE. */
export function freezeAccountItem(accountId: string, freeze: AccountFreeze): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.balance(accountId),
      UpdateExpression: 'SET #status = :frozen, freeze = :freeze',
      ConditionExpression: '#type = :account AND #status = :active',
      ExpressionAttributeNames: { '#status': 'status', '#type': 'type' },
      ExpressionAttributeValues: { ':frozen': 'FROZEN', ':active': 'ACTIVE', ':account': 'ACCOUNT', ':freeze': freeze },
    },
  };
}

/** The write that lifts the freeze of a FROZEN account (refused otherwise), for the transaction
 *  that also records it: an operator's freeze (absent kind) through the console's approval, a
 *  loss report's only when the customer lifts it — neither lifts the other's. */
export function unfreezeAccountItem(accountId: string, kind?: 'LOSS_REPORT'): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.balance(accountId),
      UpdateExpression: 'SET #status = :active REMOVE freeze',
      ConditionExpression: `#type = :account AND #status = :frozen AND ${kind ? 'freeze.#kind = :kind' : 'attribute_not_exists(freeze.#kind)'}`,
      ExpressionAttributeNames: { '#status': 'status', '#type': 'type', '#kind': 'kind' },
      ExpressionAttributeValues: { ':frozen': 'FROZEN', ':active': 'ACTIVE', ':account': 'ACCOUNT', ...(kind ? { ':kind': kind } : {}) },
    },
  };
}

/** Counter values for limit buckets; a missing counter is 0. */
export async function limitCounters(accountId: string, buckets: string[]): Promise<Record<string, number>> {
  const { doc, tableName } = db();
  const { Responses } = await doc.send(
    new BatchGetCommand({
      RequestItems: {
        [tableName]: { Keys: buckets.map((bucket) => keys.limitCounter(accountId, bucket)), ConsistentRead: true },
      },
    }),
  );
  const used: Record<string, number> = Object.fromEntries(buckets.map((bucket) => [bucket, 0]));
  for (const item of Responses?.[tableName] ?? []) used[String(item.bucket)] = Number(item.usedFen);
  return used;
}

/** A customer and an account read in one round trip (a money request knows both ids from its
 *  nonce). Either is undefined if absent. */
export async function getCustomerAndAccount(
  customerId: string,
  accountId: string,
  request?: { scope: string; key: string },
  alsoRead: readonly Record<string, string>[] = [],
): Promise<{ customer: CustomerRecord | undefined; account: AccountRecord | undefined; requestRecord?: KeyRecord; also: Record<string, unknown>[] }> {
  const requestKey = request && keys.idempotency(request.scope, request.key);
  const items = await batchGetItems([keys.customer(customerId), keys.balance(accountId), ...(requestKey ? [requestKey] : []), ...alsoRead]);
  return {
    customer: itemWithKey(items, keys.customer(customerId)) as CustomerRecord | undefined,
    account: items.find((item) => item.type === 'ACCOUNT' && item.accountId === accountId) as AccountRecord | undefined,
    ...(requestKey ? { requestRecord: itemWithKey(items, requestKey) as KeyRecord | undefined } : {}),
    also: items,
  };
}
