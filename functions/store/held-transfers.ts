// Transfers the anti-fraud rules delay (延时到账): the record of each hold, with its state
// HELD → RELEASED or HELD → RETURNED, an index of holds by when they fall due, sharded, for the
// release job, and a marker in the customer's partition while it is open (销户 waits for it). Every change is a guard in the transaction of the journal that moves the money,
// so a hold is released or returned exactly once.
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { keys } from './keys.js';
import type { Guard } from './ledger.js';

export const HELD_TRANSFER_STATES = ['HELD', 'RELEASED', 'RETURNED'] as const;
export type HeldTransferState = (typeof HELD_TRANSFER_STATES)[number];

export interface HeldTransferRecord {
  /** The TRANSFER_HOLD journal's id. */
  holdJournalId: string;
  customerId: string;
  accountId: string;
  payeeAccountId: string;
  /** What the payee is shown as sender (masked), and what their history reads once it arrives. */
  senderName: string;
  payeeLabel: string;
  amountFen: number;
  heldAt: string;
  releaseAt: string;
  /** The Class II counters the hold charged: given back when the money is returned. */
  limitBuckets: { accountId: string; bucket: string }[];
  status: HeldTransferState;
  /** The TRANSFER_RELEASE or TRANSFER_RETURN journal, once there is one. */
  completedBy: string | null;
  completedAt: string | null;
  /** Why it was returned: the customer cancelled, or the payee's account could not take it. */
  returnReason: 'CANCELLED' | 'PAYEE_UNAVAILABLE' | null;
}

/** Shards of the due index: the release job reads them in parallel. */
export const HELD_DUE_SHARDS = 8;
const shardOf = (holdJournalId: string) => createHash('sha256').update(holdJournalId).digest().readUInt32BE(0) % HELD_DUE_SHARDS;
const dueKey = (record: Pick<HeldTransferRecord, 'holdJournalId' | 'releaseAt'>) => keys.heldTransferDue(shardOf(record.holdJournalId), record.releaseAt, record.holdJournalId);

/** The hold's record and its due-index entry, for the hold journal's transaction. */
export function holdGuards(record: HeldTransferRecord): Guard[] {
  const { tableName } = db();
  return [
    {
      name: 'HELD_TRANSFER_EXISTS',
      item: {
        Put: { TableName: tableName, Item: { ...keys.heldTransfer(record.holdJournalId), type: 'HELD_TRANSFER', ...record }, ConditionExpression: 'attribute_not_exists(PK)' },
      },
    },
    {
      name: 'HELD_TRANSFER_DUE',
      item: { Put: { TableName: tableName, Item: { ...dueKey(record), type: 'HELD_TRANSFER_DUE', holdJournalId: record.holdJournalId } } },
    },
    {
      name: 'HELD_TRANSFER_OPEN',
      item: { Put: { TableName: tableName, Item: { ...keys.openHeldTransfer(record.customerId, record.holdJournalId), type: 'HELD_TRANSFER_OPEN', releaseAt: record.releaseAt } } },
    },
  ];
}

/** The name a completion's guard reports when the hold was released or returned already. */
export const NOT_HELD = 'HELD_TRANSFER_NOT_HELD';

/** HELD → RELEASED or RETURNED, conditional on HELD (of a release and a cancel racing, exactly one
 *  is written), and the hold out of the due index. */
export function completionGuards(
  record: HeldTransferRecord,
  changes: { status: Exclude<HeldTransferState, 'HELD'>; completedBy: string; completedAt: string; returnReason: HeldTransferRecord['returnReason'] },
): Guard[] {
  const { tableName } = db();
  return [
    {
      name: NOT_HELD,
      item: {
        Update: {
          TableName: tableName,
          Key: keys.heldTransfer(record.holdJournalId),
          UpdateExpression: 'SET #status = :status, completedBy = :by, completedAt = :at, returnReason = :reason',
          ConditionExpression: '#status = :held',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': changes.status, ':by': changes.completedBy, ':at': changes.completedAt, ':reason': changes.returnReason, ':held': 'HELD' },
        },
      },
    },
    { name: 'HELD_TRANSFER_DUE', item: { Delete: { TableName: tableName, Key: dueKey(record) } } },
    { name: 'HELD_TRANSFER_OPEN', item: { Delete: { TableName: tableName, Key: keys.openHeldTransfer(record.customerId, record.holdJournalId) } } },
  ];
}

/** How many of the customer's holds are still open (at most `limit` counted). */
export async function openHeldTransferCount(customerId: string, limit: number): Promise<number> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.openHeldTransferPrefix },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).length;
}

export async function getHeldTransfer(holdJournalId: string): Promise<HeldTransferRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.heldTransfer(holdJournalId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _type, ...record } = Item;
  return record as HeldTransferRecord;
}

/** Up to `limit` holds due by `now` (their releaseAt at or before it), oldest first per shard. */
export async function dueHeldTransfers(now: Date, limit: number): Promise<string[]> {
  const { doc, tableName } = db();
  const perShard = Math.ceil(limit / HELD_DUE_SHARDS);
  const shards = await Promise.all(
    Array.from({ length: HELD_DUE_SHARDS }, async (_, shard) => {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND SK <= :due',
          // '~' sorts after every journal id character: every hold due at `now` sorts before `<now>#~`.
          ExpressionAttributeValues: { ':pk': keys.heldTransferDuePartition(shard), ':due': `${now.toISOString()}#~` },
          Limit: perShard,
        }),
      );
      return (page.Items ?? []).map((item) => String(item.holdJournalId));
    }),
  );
  return shards.flat().slice(0, limit);
}
