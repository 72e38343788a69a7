// One page of a partition's items in sort-key order, after the sort key a cursor carries: the
// shape of every list the console and the app page through (alerts, tickets, changes, staff,
// referrals). Newest first where the sort key begins with a date or a time.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';

export interface PartitionPageQuery {
  partition: string;
  /** Only the items whose sort key begins with it. */
  prefix?: string;
  /** The last sort key of the page before (from a cursor the caller has checked). */
  afterSortKey: string | undefined;
  limit: number;
  newestFirst: boolean;
  consistentRead?: boolean;
}

/** The page, and the sort key its next page starts after (none: this was the last). */
export async function partitionPage(query: PartitionPageQuery): Promise<{ items: Record<string, unknown>[]; lastSortKey: string | undefined }> {
  const { doc, tableName } = db();
  const { partition, prefix, afterSortKey } = query;
  const { Items, LastEvaluatedKey } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition, ...(prefix ? { ':prefix': prefix } : {}) },
      ScanIndexForward: !query.newestFirst,
      Limit: query.limit,
      ...(query.consistentRead ? { ConsistentRead: true } : {}),
      ...(afterSortKey ? { ExclusiveStartKey: { PK: partition, SK: afterSortKey } } : {}),
    }),
  );
  return { items: Items ?? [], lastSortKey: LastEvaluatedKey ? String(LastEvaluatedKey.SK) : undefined };
}
