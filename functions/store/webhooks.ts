// The open platform's webhook events (事件通知) and their deliveries. An event is written inside the
// money transaction that makes it true, so it exists exactly when its money moved; it lives in the
// partner's partition (its log is one Query, newest first) with a pointer by id, and an entry in a
// sharded due index the delivery job reads. Each change to an event's schedule is one transaction
// conditional on the event's version, and moves its due entry with it: two runs of the job, or a
// run and an operator's redelivery, never both write what they decided.
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { EVENT_ID_PATTERN, type OpenEvent, type WebhookDelivery, webhookBody } from '../domain/open/webhook.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { partitionPage } from './partition-page.js';
import { type TransactItem, type TransactItems, transactWrite } from './transact.js';

export type { OpenEvent, OpenEventType } from '../domain/open/webhook.js';


export interface WebhookEventRecord {
  event: OpenEvent;
  /** One per webhook URL, set up from the partner's URLs at the first attempt (none before). */
  deliveries: WebhookDelivery[];
  /** Whether the deliveries were set up (a partner without URLs has none, and is done). */
  started: boolean;
  /** When the event's due entry falls due; null when nothing is pending. */
  dueAt: string | null;
  version: number;
}

/** Shards of the due index: the delivery job reads them in parallel. */
export const WEBHOOK_DUE_SHARDS = 8;
const shardOf = (eventId: string) => createHash('sha256').update(eventId).digest().readUInt32BE(0) % WEBHOOK_DUE_SHARDS;
const dueKey = (eventId: string, dueAt: string) => keys.webhookDue(shardOf(eventId), dueAt, eventId);

const dueItem = (event: Pick<OpenEvent, 'eventId' | 'partnerId' | 'createdAt'>, dueAt: string): TransactItem => ({
  Put: { TableName: db().tableName, Item: { ...dueKey(event.eventId, dueAt), type: 'WEBHOOK_DUE', partnerId: event.partnerId, eventId: event.eventId, createdAt: event.createdAt } },
});

/** The items that record the event and schedule its first delivery attempt, written inside the
 *  caller's money transaction (as unconditional `records` of postJournal in store/ledger.ts) so an
 *  event exists exactly when its money moved. Unconditional: the journal's own condition makes the
 *  transaction happen once, and the id is deterministic, so a replay rewrites the same items. */
export function webhookEventItems(event: OpenEvent): TransactItem[] {
  if (!EVENT_ID_PATTERN.test(event.eventId)) throw new Error(`webhook event id ${event.eventId} is not evt_ and 24 characters`);
  // Refuses (413) an event too large to deliver, before any money moves with it.
  webhookBody(event);
  const { tableName } = db();
  const record: WebhookEventRecord = { event, deliveries: [], started: false, dueAt: event.createdAt, version: 0 };
  return [
    { Put: { TableName: tableName, Item: { ...keys.webhookEvent(event.partnerId, event.createdAt, event.eventId), type: 'WEBHOOK_EVENT', ...record } } },
    { Put: { TableName: tableName, Item: { ...keys.webhookEventId(event.partnerId, event.eventId), type: 'WEBHOOK_EVENT_ID', createdAt: event.createdAt } } },
    dueItem(event, event.createdAt),
  ];
}

const eventRecord = (item: Record<string, unknown>): WebhookEventRecord => ({
  event: item.event as OpenEvent,
  deliveries: (item.deliveries ?? []) as WebhookDelivery[],
  started: item.started === true,
  dueAt: typeof item.dueAt === 'string' ? item.dueAt : null,
  version: Number(item.version),
});

/** A partner's event by id; undefined for an unknown id or another partner's event. */
export async function getWebhookEvent(partnerId: string, eventId: string): Promise<WebhookEventRecord | undefined> {
  const { doc, tableName } = db();
  const pointer = await doc.send(new GetCommand({ TableName: tableName, Key: keys.webhookEventId(partnerId, eventId), ConsistentRead: true }));
  if (typeof pointer.Item?.createdAt !== 'string') return undefined;
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.webhookEvent(partnerId, pointer.Item.createdAt, eventId), ConsistentRead: true }));
  return Item ? eventRecord(Item) : undefined;
}

/** An event the due index names. */
export async function readWebhookEvent(ref: DueWebhookEvent): Promise<WebhookEventRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.webhookEvent(ref.partnerId, ref.createdAt, ref.eventId), ConsistentRead: true }));
  return Item ? eventRecord(Item) : undefined;
}

/** A page of a partner's events, newest first, after the cursor (`<createdAt>#<eventId>`). */
export async function webhookEventPage(partnerId: string, after: string | undefined, limit: number): Promise<{ events: WebhookEventRecord[]; nextCursor: string | null }> {
  const { items, lastSortKey } = await partitionPage({
    partition: keys.merchantPartition(partnerId),
    prefix: keys.webhookEventPrefix,
    afterSortKey: after === undefined ? undefined : `${keys.webhookEventPrefix}${after}`,
    limit,
    newestFirst: true,
  });
  return { events: items.map(eventRecord), nextCursor: lastSortKey ? lastSortKey.slice(keys.webhookEventPrefix.length) : null };
}

export interface DueWebhookEvent {
  partnerId: string;
  eventId: string;
  createdAt: string;
}

/** Up to `limit` events with an attempt due by `now`, the longest due first in each shard. */
export async function dueWebhookEvents(now: Date, limit: number): Promise<DueWebhookEvent[]> {
  const { doc, tableName } = db();
  const perShard = Math.ceil(limit / WEBHOOK_DUE_SHARDS);
  const shards = await Promise.all(
    Array.from({ length: WEBHOOK_DUE_SHARDS }, async (_, shard) => {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND SK <= :due',
          // '~' sorts after every event id character: every entry due at `now` sorts before `<now>#~`.
          ExpressionAttributeValues: { ':pk': keys.webhookDuePartition(shard), ':due': `${now.toISOString()}#~` },
          Limit: perShard,
        }),
      );
      return (page.Items ?? []).map((item) => ({ partnerId: String(item.partnerId), eventId: String(item.eventId), createdAt: String(item.createdAt) }));
    }),
  );
  return shards.flat().slice(0, limit);
}

/** The read event as read: the items that give it these deliveries and move its due entry to
 *  `dueAt` (none: nothing pending), conditional on the version read. */
export function webhookScheduleItems(record: WebhookEventRecord, change: { deliveries: WebhookDelivery[]; started: boolean; dueAt: string | null }): TransactItems {
  const { tableName } = db();
  const { event } = record;
  const items: TransactItems = [
    {
      Update: {
        TableName: tableName,
        Key: keys.webhookEvent(event.partnerId, event.createdAt, event.eventId),
        UpdateExpression: 'SET deliveries = :deliveries, started = :started, dueAt = :dueAt, version = :next',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':deliveries': change.deliveries, ':started': change.started, ':dueAt': change.dueAt, ':next': record.version + 1, ':version': record.version },
      },
    },
  ];
  // One transaction may not touch an item twice: an entry that stays where it is is left alone.
  if (record.dueAt === change.dueAt) return items;
  if (record.dueAt !== null) items.push({ Delete: { TableName: tableName, Key: dueKey(event.eventId, record.dueAt) } });
  if (change.dueAt !== null) items.push(dueItem(event, change.dueAt));
  return items;
}

/** Writes the change; false when the event changed since it was read (another run or a
 *  redelivery came first: nothing was written). */
export async function writeWebhookSchedule(record: WebhookEventRecord, change: { deliveries: WebhookDelivery[]; started: boolean; dueAt: string | null }): Promise<boolean> {
  return (await transactWrite(webhookScheduleItems(record, change))) === undefined;
}
