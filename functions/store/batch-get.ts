// Many items by key: BatchGetItem in requests of at most its 100 keys, asking again for the keys
// DynamoDB leaves unprocessed under throttling, a bounded number of times.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import { db } from './client.js';

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;

/** BatchGetItem's limit of keys per request. */
const MAX_KEYS_PER_REQUEST = 100;

/** Unprocessed keys mean throttling: back off before asking for them again. */
const UNPROCESSED_KEYS_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, retryable: isTryAgain };

/** The items that exist under `itemKeys` (which must be distinct), read strongly consistent, in
 *  no particular order; `projection` names the only attributes read. */
/** The item read under `key` among a batch's items (they come back in no order), if any. */
export const itemWithKey = (items: readonly Item[], key: Key): Item | undefined => items.find((item) => item.PK === key.PK && item.SK === key.SK);

export async function batchGetItems(itemKeys: readonly Key[], projection?: string): Promise<Item[]> {
  const { doc, tableName } = db();
  const found: Item[] = [];
  for (let start = 0; start < itemKeys.length; start += MAX_KEYS_PER_REQUEST) {
    let pending = itemKeys.slice(start, start + MAX_KEYS_PER_REQUEST);
    await retry(UNPROCESSED_KEYS_RETRY, async () => {
      const answer = await doc.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true, ...(projection ? { ProjectionExpression: projection } : {}) } },
        }),
      );
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
      if (pending.length > 0) throw new TryAgain(`${pending.length} keys left unprocessed`);
    });
  }
  return found;
}
