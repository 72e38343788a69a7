// The message centre's items under the customer: each stored message (security events, service
// notices; money movements are the account's postings, not copied), a guard that keeps one message
// per kind and ref, and one state item (the read mark, preferences, one-time WeChat grants and the
// cursor of the money-movement pushes). Customers holding money grants are listed in a sharded
// index that the push job walks.
import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { MESSAGE_CATEGORIES, type MessageCategory, type MessageKind, type MessagePreferences } from '../domain/messages.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { transactWrite } from './transact.js';

const POSTING_PREFIX = keys.postingPrefix;

const customerPartition = (customerId: string) => `CUST#${customerId}`;
export const MESSAGE_PREFIX = 'MSG#';
const messageKey = (customerId: string, at: string, kind: MessageKind, ref: string) => ({ PK: customerPartition(customerId), SK: `${MESSAGE_PREFIX}${at}#${kind}#${ref}` });
const messageGuardKey = (customerId: string, kind: MessageKind, ref: string) => ({ PK: customerPartition(customerId), SK: `MSGREF#${kind}#${ref}` });
const stateKey = (customerId: string) => ({ PK: customerPartition(customerId), SK: 'MSGSTATE' });
/** Shards of the index of customers holding money-movement grants. */
export const PUSH_SHARDS = 8;
const pushShard = (customerId: string) => createHash('sha256').update(customerId).digest().readUInt32BE(0) % PUSH_SHARDS;
const pushPartition = (shard: number) => `MSGPUSH#${String(shard).padStart(2, '0')}`;

export type PushState = 'SENT' | 'REFUSED' | 'NO_ANSWER';

export interface StoredMessage {
  /** The item's sort key: the message's id in the centre and its paging cursor. */
  sortKey: string;
  kind: MessageKind;
  category: Exclude<MessageCategory, 'MONEY'>;
  ref: string;
  at: string;
  detail?: string;
  push?: PushState;
}

export interface MessageState {
  readUpTo?: string;
  preferences: Partial<MessagePreferences>;
  grants: Partial<Record<MessageCategory, number>>;
  /** The sort key of the newest posting a money push has been decided for. */
  moneyCursor?: string;
}

/** Stores the message once per kind and ref; false when it was already stored. */
export async function putMessage(customerId: string, message: Omit<StoredMessage, 'sortKey' | 'push'>): Promise<{ stored: boolean; sortKey: string }> {
  const { tableName } = db();
  const key = messageKey(customerId, message.at, message.kind, message.ref);
  const refused = await transactWrite([
    { Put: { TableName: tableName, Item: { ...messageGuardKey(customerId, message.kind, message.ref), type: 'MESSAGE_REF', messageSortKey: key.SK }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...key, type: 'MESSAGE', customerId, ...message } } },
  ]);
  return { stored: refused === undefined, sortKey: key.SK };
}

function storedMessage(item: Record<string, unknown>): StoredMessage {
  return {
    sortKey: String(item.SK),
    kind: item.kind as MessageKind,
    category: item.category as StoredMessage['category'],
    ref: String(item.ref),
    at: String(item.at),
    ...(typeof item.detail === 'string' ? { detail: item.detail } : {}),
    ...(typeof item.push === 'string' ? { push: item.push as PushState } : {}),
  };
}

/** Queries one page may take when a category filter leaves pages short. */
const MAX_PAGE_QUERIES = 5;

/** Newest-first items of one partition under a prefix, from after `startSortKey`, optionally of
 *  one category; `more` says whether the walk can go on from the last item returned. */
export async function newestFirst(
  pk: string,
  prefix: string,
  startSortKey: string | undefined,
  limit: number,
  category?: MessageCategory,
): Promise<{ items: Record<string, unknown>[]; more: boolean }> {
  const { doc, tableName } = db();
  const items: Record<string, unknown>[] = [];
  let start = startSortKey;
  let more = true;
  for (let query = 0; query < MAX_PAGE_QUERIES && items.length < limit && more; query++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ...(category ? { FilterExpression: 'category = :category' } : {}),
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...(category ? { ':category': category } : {}) },
        ScanIndexForward: false,
        Limit: limit - items.length,
        ...(start ? { ExclusiveStartKey: { PK: pk, SK: start } } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey ? String(page.LastEvaluatedKey.SK) : undefined;
    more = start !== undefined;
  }
  return { items, more };
}

export async function messagePage(customerId: string, startSortKey: string | undefined, limit: number, category?: Exclude<MessageCategory, 'MONEY'>) {
  const { items, more } = await newestFirst(customerPartition(customerId), MESSAGE_PREFIX, startSortKey, limit, category);
  return { items: items.map(storedMessage), more };
}

/** How many items of a partition's prefix sort after `after` (an ISO time), up to `cap`, counting
 *  only the categories given (undefined: all). */
export async function countAfter(pk: string, prefix: string, after: string | undefined, cap: number, categories?: readonly MessageCategory[]): Promise<number> {
  if (categories && categories.length === 0) return 0;
  const { doc, tableName } = db();
  // '$' sorts right after '#': every key of the instant `after` itself is below the bound.
  const from = after === undefined ? prefix : `${prefix}${after}$`;
  const upTo = `${prefix.slice(0, -1)}$`;
  const filter = categories ? { FilterExpression: `category IN (${categories.map((_, i) => `:c${i}`).join(', ')})` } : {};
  const values = Object.fromEntries((categories ?? []).map((category, i) => [`:c${i}`, category]));
  let counted = 0;
  let start: Record<string, unknown> | undefined;
  for (let query = 0; query < MAX_PAGE_QUERIES && counted < cap; query++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :upTo',
        ...filter,
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':upTo': upTo, ...values },
        Select: 'COUNT',
        Limit: cap,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    counted += page.Count ?? 0;
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  return Math.min(counted, cap);
}

export const countMessagesAfter = (customerId: string, after: string | undefined, cap: number, categories: readonly MessageCategory[]) =>
  countAfter(customerPartition(customerId), MESSAGE_PREFIX, after, cap, categories);

export async function getMessageState(customerId: string): Promise<MessageState> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: stateKey(customerId), ConsistentRead: true }));
  const grants = Object.fromEntries(MESSAGE_CATEGORIES.flatMap((category) => (typeof Item?.[grantAttribute(category)] === 'number' ? [[category, Item[grantAttribute(category)]]] : [])));
  return {
    ...(typeof Item?.readUpTo === 'string' ? { readUpTo: Item.readUpTo } : {}),
    preferences: (Item?.preferences as MessageState['preferences'] | undefined) ?? {},
    grants,
    ...(typeof Item?.moneyCursor === 'string' ? { moneyCursor: Item.moneyCursor } : {}),
  };
}

/** A conditional update of the customer's state item; false when its condition refused it. */
async function updateState(customerId: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(new UpdateCommand({ TableName: tableName, Key: stateKey(customerId), ...update }));
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Moves the read mark forward (never back: a mark already further refuses it, and stays). */
export async function markReadUpTo(customerId: string, upTo: string): Promise<void> {
  await updateState(customerId, {
    UpdateExpression: 'SET readUpTo = :upTo',
    ConditionExpression: 'attribute_not_exists(readUpTo) OR readUpTo < :upTo',
    ExpressionAttributeValues: { ':upTo': upTo },
  });
}

export async function savePreferences(customerId: string, preferences: MessagePreferences): Promise<void> {
  await updateState(customerId, { UpdateExpression: 'SET preferences = :preferences', ExpressionAttributeValues: { ':preferences': preferences } });
}

const grantAttribute = (category: MessageCategory) => `grant${category}`;

/**
 * Adds one-time grants (each accepted wx.requestSubscribeMessage template) to a category, holding
 * at most `maxHeld`. Money grants list the customer for the push job; when none were held the
 * push cursor starts at `now`, so only movements after the grant are pushed.
 */
export async function addGrants(customerId: string, category: MessageCategory, count: number, maxHeld: number, now: Date): Promise<void> {
  const { tableName } = db();
  const money = category === 'MONEY';
  const cursor = money ? { ':cursor': `${POSTING_PREFIX}${now.toISOString()}$` } : {};
  const index = money ? [{ Put: { TableName: tableName, Item: { PK: pushPartition(pushShard(customerId)), SK: customerId, type: 'MESSAGE_PUSH', listedAt: now.toISOString() } } }] : [];
  const added = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: stateKey(customerId),
        UpdateExpression: `ADD #grant :count${money ? ' SET moneyCursor = if_not_exists(moneyCursor, :cursor)' : ''}`,
        ConditionExpression: 'attribute_not_exists(#grant) OR #grant <= :room',
        ExpressionAttributeNames: { '#grant': grantAttribute(category) },
        ExpressionAttributeValues: { ':count': count, ':room': maxHeld - count, ...cursor },
      },
    },
    ...index,
  ]);
  if (added === undefined) return;
  // Adding all would hold more than the most: hold the most.
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: stateKey(customerId),
        UpdateExpression: `SET #grant = :max${money ? ', moneyCursor = if_not_exists(moneyCursor, :cursor)' : ''}`,
        ExpressionAttributeNames: { '#grant': grantAttribute(category) },
        ExpressionAttributeValues: { ':max': maxHeld, ...cursor },
      },
    },
    ...index,
  ]);
}

/** Uses up one grant of the category and marks the message pushed, in one write: false when no
 *  grant is left or the message was already pushed (a retry sends nothing). */
export async function claimMessagePush(customerId: string, category: MessageCategory, messageSortKey: string): Promise<boolean> {
  const { tableName } = db();
  const refused = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: stateKey(customerId),
        UpdateExpression: 'ADD #grant :minusOne',
        ConditionExpression: '#grant > :zero',
        ExpressionAttributeNames: { '#grant': grantAttribute(category) },
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: { PK: customerPartition(customerId), SK: messageSortKey },
        UpdateExpression: 'SET push = :claimed',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(push)',
        ExpressionAttributeValues: { ':claimed': 'NO_ANSWER' },
      },
    },
  ]);
  return refused === undefined;
}

/** What became of a claimed push (NO_ANSWER stays when the send threw). */
export async function recordPush(customerId: string, messageSortKey: string, push: PushState): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new UpdateCommand({ TableName: tableName, Key: { PK: customerPartition(customerId), SK: messageSortKey }, UpdateExpression: 'SET push = :push', ExpressionAttributeValues: { ':push': push } }));
}

/**
 * Moves the money-push cursor from `from` to `to`, using up one money grant when `useGrant` (a
 * movement pushed; not when one is passed over, money messages turned off), in one write: false
 * when no grant is left or another run moved the cursor first.
 */
export function advanceMoneyCursor(customerId: string, from: string, to: string, useGrant: boolean): Promise<boolean> {
  return updateState(customerId, {
    UpdateExpression: `SET moneyCursor = :to${useGrant ? ' ADD grantMONEY :minusOne' : ''}`,
    ConditionExpression: `moneyCursor = :from${useGrant ? ' AND grantMONEY > :zero' : ''}`,
    ExpressionAttributeValues: { ':from': from, ':to': to, ...(useGrant ? { ':minusOne': -1, ':zero': 0 } : {}) },
  });
}

/** The customers listed for money pushes in one shard of the index, `limit` at most. */
export async function pushListed(shard: number, limit: number): Promise<{ customerId: string; listedAt: string }[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pushPartition(shard) }, Limit: limit }),
  );
  return (Items ?? []).map((item) => ({ customerId: String(item.SK), listedAt: String(item.listedAt) }));
}

/** Takes a customer whose money grants are used up off the index, with the cursor (the next grant
 *  starts a new one); a grant listed since (a newer listedAt) keeps both. */
export async function unlistPush(customerId: string, listedAt: string): Promise<void> {
  const { tableName } = db();
  await transactWrite([
    {
      Delete: {
        TableName: tableName,
        Key: { PK: pushPartition(pushShard(customerId)), SK: customerId },
        ConditionExpression: 'listedAt = :listedAt',
        ExpressionAttributeValues: { ':listedAt': listedAt },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: stateKey(customerId),
        UpdateExpression: 'REMOVE moneyCursor',
        ConditionExpression: 'attribute_not_exists(grantMONEY) OR grantMONEY <= :zero',
        ExpressionAttributeValues: { ':zero': 0 },
      },
    },
  ]);
}

/** Oldest-first postings of an account after `cursor` (a posting sort key), `limit` at most. */
export async function postingsAfter(accountId: string, cursor: string, limit: number): Promise<Record<string, unknown>[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :upTo',
      ExpressionAttributeValues: { ':pk': `ACCT#${accountId}`, ':from': cursor, ':upTo': `${POSTING_PREFIX.slice(0, -1)}$` },
      ScanIndexForward: true,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  // BETWEEN includes its bound: the cursor's own posting was decided already.
  return (Items ?? []).filter((item) => item.SK !== cursor);
}
