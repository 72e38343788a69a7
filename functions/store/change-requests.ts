// Maker-checker changes in the table (backOfficeKeys.change…). A change item, pointers that list changes
// newest first by status and by status and kind (and under ALL, which never moves), the entity's
// lock — written only if absent, in the submitting transaction, so a second pending change to the
// same entity is refused — and, while approved and waiting, a pointer under CHANGEDUE keyed by its
// time. Every move from one status to the next is one transaction conditional on the status read.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { CHANGE_KINDS, CHANGE_STATUSES, type ChangeKind, type ChangeRequest, type ChangeStatus } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { type TransactItem, transactWrite } from './transact.js';
import { lazySchema } from '../domain/lazy-schema.js';
import { backOfficeKeys } from './back-office-keys.js';
import { partitionPage } from './partition-page.js';

/** The most changes one page lists. */
export const MAX_CHANGE_PAGE = 100;

const Party = /* @__PURE__ */ lazySchema(() => z.object({ operatorId: z.string(), login: z.string(), displayName: z.string() }));
const JsonObject = /* @__PURE__ */ lazySchema(() => z.record(z.string(), z.unknown()));
const ChangeItem = /* @__PURE__ */ lazySchema(() =>
  z.object({
    changeId: z.string(),
    kind: z.enum(CHANGE_KINDS),
    entityId: z.string(),
    entityLabel: z.string(),
    status: z.enum(CHANGE_STATUSES),
    beforeJson: z.string(),
    afterJson: z.string(),
    maker: Party,
    submittedAt: z.string(),
    effectiveAt: z.string(),
    checker: z.optional(Party),
    decidedAt: z.optional(z.string()),
    decisionNote: z.optional(z.string()),
    appliedAt: z.optional(z.string()),
    failedAt: z.optional(z.string()),
    failure: z.optional(z.string()),
  }),
);

// before/after are kept as JSON text, as the audit log keeps its snapshots: a DynamoDB map would
// turn numbers into its own type and refuse some values (empty sets, undefined members).
function toItem(change: ChangeRequest): Record<string, unknown> {
  const { before, after, ...rest } = change;
  return { ...backOfficeKeys.change(change.changeId), type: 'CHANGE', ...rest, beforeJson: JSON.stringify(before), afterJson: JSON.stringify(after) };
}

function fromItem(item: Record<string, unknown>): ChangeRequest {
  const { beforeJson, afterJson, ...rest } = ChangeItem.parse(item);
  const before = JSON.parse(beforeJson) as unknown;
  return { ...rest, before: before === null ? null : JsonObject.parse(before), after: JsonObject.parse(JSON.parse(afterJson)) };
}

const listPartitions = (status: ChangeStatus | 'ALL', kind: ChangeKind) => [backOfficeKeys.changeListPartition(status), backOfficeKeys.changeListPartition(status, kind)];

const putPointer = (tableName: string, partition: string, change: ChangeRequest): TransactItem => ({
  Put: { TableName: tableName, Item: { ...backOfficeKeys.changeListEntry(partition, change.submittedAt, change.changeId), type: 'CHANGE_POINTER', changeId: change.changeId } },
});

/** Writes a new PENDING change with its pointers and its entity's lock, and `alongside` (records
 *  that name the change, such as a ticket's correction). False, writing nothing, when the
 *  entity's lock is held by another change. */
export async function insertChange(change: ChangeRequest, alongside: TransactItem[] = []): Promise<boolean> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.changeLock(change.entityId), type: 'CHANGE_LOCK', changeId: change.changeId, entityId: change.entityId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: tableName, Item: toItem(change), ConditionExpression: 'attribute_not_exists(PK)' } },
    ...[...listPartitions(change.status, change.kind), ...listPartitions('ALL', change.kind)].map((partition) => putPointer(tableName, partition, change)),
    ...alongside,
  ]);
  if (refusedAt === undefined) return true;
  if (refusedAt === 0) return false;
  throw new Error(`change ${change.changeId} exists already`);
}

/** Moves `from` (as read) to `to`: the change item (only if its status is still `from`'s), its
 *  status pointers, the lock (released when `to` no longer holds it) and the due pointer (added
 *  while approved and waiting, removed once effective). False, writing nothing, when the change
 *  moved meanwhile. */
export async function moveChange(from: ChangeRequest, to: ChangeRequest, lock: 'keep' | 'release'): Promise<boolean> {
  const { tableName } = db();
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: toItem(to),
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from.status },
      },
    },
    ...listPartitions(from.status, from.kind).map((partition) => ({
      Delete: { TableName: tableName, Key: backOfficeKeys.changeListEntry(partition, from.submittedAt, from.changeId) },
    })),
    ...listPartitions(to.status, to.kind).map((partition) => putPointer(tableName, partition, to)),
  ];
  if (lock === 'release') {
    items.push({
      Delete: {
        TableName: tableName,
        Key: backOfficeKeys.changeLock(from.entityId),
        ConditionExpression: 'changeId = :changeId',
        ExpressionAttributeValues: { ':changeId': from.changeId },
      },
    });
  }
  if (to.status === 'APPROVED') {
    items.push({ Put: { TableName: tableName, Item: { ...backOfficeKeys.changeDue(to.effectiveAt, to.changeId), type: 'CHANGE_DUE', changeId: to.changeId } } });
  }
  if (from.status === 'APPROVED') items.push({ Delete: { TableName: tableName, Key: backOfficeKeys.changeDue(from.effectiveAt, from.changeId) } });
  const refusedAt = await transactWrite(items);
  if (refusedAt === undefined) return true;
  if (refusedAt === 0) return false;
  throw new Error(`change ${from.changeId}: its lock is not its own`);
}

/** Takes the right to apply an approved change until `now + leaseMs`: one applier at a time. The
 *  scheduler's runs and an approval applying at once each read the change as APPROVED, and each
 *  would publish a version. A claim that lapses (its applier died) can be taken again. */
export async function claimChange(changeId: string, now: Date, leaseMs: number): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: backOfficeKeys.change(changeId),
        UpdateExpression: 'SET applyingUntilMs = :until',
        ConditionExpression: '#status = :approved AND (attribute_not_exists(applyingUntilMs) OR applyingUntilMs < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':approved': 'APPROVED', ':until': now.getTime() + leaseMs, ':now': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export async function getChange(changeId: string): Promise<ChangeRequest | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.change(changeId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

/** Which change holds each entity's lock (entities without one are left out). */
export async function lockHolders(entityIds: readonly string[]): Promise<Map<string, string>> {
  const items = await batchGetItems([...new Set(entityIds)].map((entityId) => backOfficeKeys.changeLock(entityId)));
  return new Map(items.map((item) => [String(item.entityId), String(item.changeId)]));
}

/** The changes of these ids that exist, in the order asked. */
export async function changesById(changeIds: readonly string[]): Promise<ChangeRequest[]> {
  const byId = new Map((await batchGetItems(changeIds.map((changeId) => backOfficeKeys.change(changeId)))).map((item) => [String(item.changeId), fromItem(item)]));
  return changeIds.map((changeId) => byId.get(changeId)).filter((change): change is ChangeRequest => change !== undefined);
}

/** Cursors are the last pointer's sort key, base64url: `<submittedAt>#<changeId>`. */
const CURSOR_SORT_KEY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#C[0-9a-f]{32}$/;

/** A page of changes, newest first, of one status (all when absent) and kind (all when absent).
 *  One Query on the pointers' partition and one batch read: never a Scan. */
export async function listChanges(
  filter: { status?: ChangeStatus; kind?: ChangeKind },
  limit: number,
  cursor: string | undefined,
): Promise<{ changes: ChangeRequest[]; nextCursor: string | undefined }> {
  const partition = backOfficeKeys.changeListPartition(filter.status ?? 'ALL', filter.kind);
  const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (after !== undefined && !CURSOR_SORT_KEY.test(after)) refuse('invalid', 'CURSOR_INVALID', '分页参数无效');
  const { items, lastSortKey } = await partitionPage({ partition, afterSortKey: after, limit: Math.min(limit, MAX_CHANGE_PAGE), newestFirst: true });
  const changes = await changesById(items.map((item) => String(item.changeId)));
  return { changes, nextCursor: lastSortKey === undefined ? undefined : Buffer.from(lastSortKey).toString('base64url') };
}

/** Approved changes whose time is `now` or earlier, oldest first, at most `limit`. */
export async function dueChangeIds(now: Date, limit: number): Promise<string[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      // '~' sorts after every character of a change id, so every change due at `now` is in range.
      KeyConditionExpression: 'PK = :pk AND SK <= :upTo',
      ExpressionAttributeValues: { ':pk': backOfficeKeys.changeDuePartition, ':upTo': `${now.toISOString()}#~` },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => String(item.changeId));
}
