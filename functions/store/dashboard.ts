// The dashboard's snapshots (one item per closed business date, under one partition sorted by
// date) and what the close reads to build one: the funnel's day index, the first-reach markers,
// house balances and holdings' units by key. No Scan anywhere: every read is a key or a key range.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DashboardSnapshot as SnapshotSchema } from '../contract/console-dashboard-schemas.js';
import type { DashboardSnapshot } from '../domain/dashboard/figures.js';
import type { FunnelEventKind } from '../domain/customer-events.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { FUNNEL_DAY_SHARDS } from './customer-events.js';
import { isConditionFailed } from './errors.js';
import { shardPartitions, walkPartitions } from './index-walk.js';
import { keys } from './keys.js';
import { backOfficeKeys } from './back-office-keys.js';

export async function putDashboardSnapshot(snapshot: DashboardSnapshot): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...backOfficeKeys.dashboardSnapshot(snapshot.businessDate), type: 'DASHBOARD_SNAPSHOT', snapshot } }));
}

const toSnapshot = (item: Record<string, unknown>): DashboardSnapshot => SnapshotSchema.parse(item.snapshot);

/** Snapshots newest first: at most `limit`, of dates before `before` when given. */
export async function latestSnapshots(limit: number, before?: string): Promise<DashboardSnapshot[]> {
  const { doc, tableName } = db();
  const bound = before === undefined ? undefined : backOfficeKeys.dashboardSnapshot(before).SK;
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: bound === undefined ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk AND SK BETWEEN :prefix AND :bound',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.dashboardPartition, ':prefix': backOfficeKeys.dashboardSnapshotPrefix, ...(bound === undefined ? {} : { ':bound': bound }) },
      ScanIndexForward: false,
      Limit: limit + (bound === undefined ? 0 : 1),
    }),
  );
  // BETWEEN includes `before` itself: it is not older than itself.
  return (Items ?? []).filter((item) => item.SK !== bound).slice(0, limit).map(toSnapshot);
}

/** Customers and stages of the funnel's day index, for the China dates given. */
export async function* funnelDayEntries(dates: readonly string[]): AsyncGenerator<{ customerId: string; stage: FunnelEventKind }> {
  const partitions = dates.flatMap((date) => shardPartitions(FUNNEL_DAY_SHARDS, (shard) => keys.funnelDayShard(date, shard)));
  for await (const item of walkPartitions(partitions)) yield { customerId: String(item.customerId), stage: item.stage as FunnelEventKind };
}

/** Marks that the customer reached the stage; true when the close of `businessDate` is the first
 *  to count it (again true when that close runs again, so a retried close counts the same). */
export async function markFunnelReached(customerId: string, stage: FunnelEventKind, businessDate: string): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.funnelReached(customerId, stage), type: 'FUNNEL_REACHED', reachedOn: businessDate },
        ConditionExpression: 'attribute_not_exists(PK) OR reachedOn = :date',
        ExpressionAttributeValues: { ':date': businessDate },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** The balances of the given accounts (a missing one is 0). */
export async function balancesFen(accountIds: readonly string[]): Promise<number[]> {
  const items = await batchGetItems(accountIds.map(keys.balance), 'balanceFen');
  return items.map((item) => Number(item.balanceFen ?? 0));
}

/** The units each of the customers holds of the product (missing holdings are left out). */
export async function holdingUnitsCenti(productId: string, customerIds: readonly string[]): Promise<number[]> {
  const items = await batchGetItems(customerIds.map((customerId) => keys.wealthHolding(customerId, productId)), 'unitsCenti');
  return items.map((item) => Number(item.unitsCenti ?? 0));
}
