// Walks the items of sharded index partitions (active loans, held bill payments, pending wealth
// orders…) page by page, for the day close. Bounded: a partition larger than the walk allows
// stops the close loudly instead of letting it act on part of an index.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';

const PAGE_ITEMS = 500;
/** Pages read from one partition at most: 500,000 entries, far beyond a day's work. */
const MAX_PAGES_PER_PARTITION = 1_000;

/** Every item of each partition in turn; with `sortKeyAtMost`, only those sorted at or below it. */
export async function* walkPartitions(partitions: readonly string[], sortKeyAtMost?: string): AsyncGenerator<Record<string, unknown>> {
  const { doc, tableName } = db();
  for (const pk of partitions) {
    let startKey: Record<string, unknown> | undefined;
    for (let pageNumber = 1; pageNumber <= MAX_PAGES_PER_PARTITION; pageNumber++) {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: sortKeyAtMost === undefined ? 'PK = :pk' : 'PK = :pk AND SK <= :bound',
          ExpressionAttributeValues: { ':pk': pk, ...(sortKeyAtMost === undefined ? {} : { ':bound': sortKeyAtMost }) },
          ExclusiveStartKey: startKey,
          Limit: PAGE_ITEMS,
          ConsistentRead: true,
        }),
      );
      yield* page.Items ?? [];
      startKey = page.LastEvaluatedKey;
      if (!startKey) break;
    }
    if (startKey) throw new Error(`index partition ${pk} holds more than ${MAX_PAGES_PER_PARTITION} pages`);
  }
}

/** The partition keys of shards 0 … count − 1. */
export const shardPartitions = (count: number, partitionOf: (shard: number) => string): string[] =>
  Array.from({ length: count }, (_, shard) => partitionOf(shard));
