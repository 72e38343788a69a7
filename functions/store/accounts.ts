// Class II e-accounts and the house's sharded accounts.
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { refuse } from '../domain/errors.js';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';
import { batchGetItems } from './batch-get.js';
import type { CustomerRecord } from './customers.js';
import type { KeyRecord } from './idempotency.js';
import { keys } from './keys.js';

export interface AccountRecord {
  accountId: string;
  ownerCustomerId: string;
  accountNumberMasked: string;
  accountNumberEnc: string;
  accountClass: 'II';
  balanceFen: number;
  status: 'ACTIVE';
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

/** Opens the account and links it to its owner in one transaction: one account per customer. */
export async function openAccount(account: AccountRecord): Promise<void> {
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
): Promise<{ customer: CustomerRecord | undefined; account: AccountRecord | undefined; requestRecord?: KeyRecord }> {
  const requestKey = request && keys.idempotency(request.scope, request.key);
  const items = await batchGetItems([keys.customer(customerId), keys.balance(accountId), ...(requestKey ? [requestKey] : [])]);
  return {
    customer: items.find((item) => item.PK === keys.customer(customerId).PK && item.SK === 'PROFILE') as CustomerRecord | undefined,
    account: items.find((item) => item.type === 'ACCOUNT' && item.accountId === accountId) as AccountRecord | undefined,
    ...(requestKey ? { requestRecord: items.find((item) => item.PK === requestKey.PK && item.SK === requestKey.SK) as KeyRecord | undefined } : {}),
  };
}
