// Wealth orders awaiting a day close, a page at a time across the pending index's shards
// (keys.wealthPending, sorted by confirmation date): each shard is read from the cursor on, the
// answers merged, and the earliest `limit` kept — one page is one bounded Query per shard and one
// BatchGet of the orders, never a Scan.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { shardPartitions } from './index-walk.js';
import { WEALTH_INDEX_SHARDS, type WealthOrderRecord } from './wealth.js';

/** Up to `limit` pending orders with index keys (`<confirmDate>#<orderId>`) after `after`, in
 *  key order, and the last key when more may follow. */
export async function pendingOrdersPage(limit: number, after?: string): Promise<{ orders: WealthOrderRecord[]; lastKey: string | undefined }> {
  const { doc, tableName } = db();
  const pages = await Promise.all(
    shardPartitions(WEALTH_INDEX_SHARDS, keys.wealthPendingShard).map((pk) =>
      doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: after === undefined ? 'PK = :pk' : 'PK = :pk AND SK > :after',
          ExpressionAttributeValues: { ':pk': pk, ...(after === undefined ? {} : { ':after': after }) },
          Limit: limit + 1,
        }),
      ),
    ),
  );
  const entries = pages
    .flatMap((page) => page.Items ?? [])
    .map((item) => ({ sk: String(item.SK), customerId: String(item.customerId), orderId: String(item.orderId) }))
    .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  const taken = entries.slice(0, limit);
  const found = await batchGetItems(taken.map((entry) => keys.wealthOrder(entry.customerId, entry.orderId)));
  const byId = new Map(found.map((item) => [String(item.orderId), item as unknown as WealthOrderRecord]));
  return {
    // An order settled between the index read and the order read is simply left out.
    orders: taken.flatMap((entry) => {
      const order = byId.get(entry.orderId);
      return order?.status === 'PENDING' ? [order] : [];
    }),
    lastKey: entries.length > limit ? taken.at(-1)?.sk : undefined,
  };
}
