// Idempotency records: one per (scope, key). A request reserves its key with a lease before it
// does anything — or, on a route whose first write is its money transaction, reads the key with
// its first read and writes the record in that transaction; the finished answer is stored so a
// repeat gets the same answer.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

const LEASE_MS = 30_000;
const RETENTION_SECONDS = 24 * 60 * 60;

export interface StoredResponse {
  statusCode: number;
  body: string;
}

export type Reservation =
  | { state: 'reserved' }
  | { state: 'replay'; response: StoredResponse }
  | { state: 'mismatch' }
  | { state: 'in_flight' };

/** An idempotency record as read. */
export interface KeyRecord {
  status: 'IN_FLIGHT' | 'COMPLETED';
  requestHash: string;
  leaseUntil?: number;
  response?: StoredResponse;
}

/** What a record found under the key means for a request with this hash: `free` when there is
 *  none, or only a lapsed lease of the same request (a crashed attempt) to take over. */
export function stateOf(record: KeyRecord | undefined, requestHash: string, now: Date): Reservation | { state: 'free' } {
  if (!record) return { state: 'free' };
  if (record.requestHash !== requestHash) return { state: 'mismatch' };
  if (record.status === 'COMPLETED') return { state: 'replay', response: record.response! };
  return (record.leaseUntil ?? 0) < now.getTime() ? { state: 'free' } : { state: 'in_flight' };
}

function recordItem(scope: string, key: string, requestHash: string, now: Date, state: { status: 'IN_FLIGHT' } | { status: 'COMPLETED'; response: StoredResponse }) {
  return {
    ...keys.idempotency(scope, key),
    type: 'IDEMPOTENCY',
    requestHash,
    ...(state.status === 'IN_FLIGHT' ? { status: 'IN_FLIGHT', leaseUntil: now.getTime() + LEASE_MS } : state),
    expiresAtEpoch: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
  };
}

/** Written over nothing, or over a lease left by a crashed attempt of the same request once it
 *  has run out. */
const FREE_CONDITION = {
  ConditionExpression: 'attribute_not_exists(PK) OR (#status = :inFlight AND leaseUntil < :now AND requestHash = :hash)',
  ExpressionAttributeNames: { '#status': 'status' },
};
const freeValues = (requestHash: string, now: Date) => ({ ':inFlight': 'IN_FLIGHT', ':now': now.getTime(), ':hash': requestHash });

export async function reserve(scope: string, key: string, requestHash: string, now: Date): Promise<Reservation> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: recordItem(scope, key, requestHash, now, { status: 'IN_FLIGHT' }),
        ...FREE_CONDITION,
        ExpressionAttributeValues: freeValues(requestHash, now),
      }),
    );
    return { state: 'reserved' };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  const state = stateOf(await read(scope, key), requestHash, now);
  return state.state === 'free' ? reserve(scope, key, requestHash, now) : state;
}

export async function read(scope: string, key: string): Promise<KeyRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }),
  );
  return Item as KeyRecord | undefined;
}

/** Stores the answer of a request that reserved nothing beforehand, unless the key is taken
 *  meanwhile (another copy of the request answered first): false then. */
export async function record(scope: string, key: string, requestHash: string, response: StoredResponse, now: Date): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: recordItem(scope, key, requestHash, now, { status: 'COMPLETED', response }),
        ...FREE_CONDITION,
        ExpressionAttributeValues: freeValues(requestHash, now),
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return false;
  }
}

/** For a request that reserved nothing beforehand, the write its first transaction carries:
 *  the answer (`COMPLETED`) when that transaction is the whole work, else a lease (`IN_FLIGHT`)
 *  that `complete` or `release` ends. Refused if the key was taken meanwhile. */
export function firstWriteItem(scope: string, key: string, requestHash: string, now: Date, state: { status: 'IN_FLIGHT' } | { status: 'COMPLETED'; response: StoredResponse }): TransactItem {
  return {
    Put: {
      TableName: db().tableName,
      Item: recordItem(scope, key, requestHash, now, state),
      ...FREE_CONDITION,
      ExpressionAttributeValues: freeValues(requestHash, now),
    },
  };
}

/** Stores the answer over the request's lease; false when the key was answered already — by
 *  another attempt of the same request that took over the lease after it lapsed: the first answer
 *  stands, so every repeat gets one answer. */
export async function complete(scope: string, key: string, response: StoredResponse): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.idempotency(scope, key),
        UpdateExpression: 'SET #status = :done, #response = :response',
        ConditionExpression: '#status = :inFlight',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: { ':done': 'COMPLETED', ':response': response, ':inFlight': 'IN_FLIGHT' },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return false;
  }
}

/** Frees a key whose request changed nothing, so the same key may be tried again. */
export async function release(scope: string, key: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new DeleteCommand({
      TableName: tableName,
      Key: keys.idempotency(scope, key),
      ConditionExpression: '#status = :inFlight',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':inFlight': 'IN_FLIGHT' },
    }),
  ).catch((error: unknown) => {
    if (!isConditionFailed(error)) throw error;
  });
}

/** The write that stores the finished answer, for a caller that writes it in the same
 *  transaction as the work it answers for (then `complete` is not called). Refused if the
 *  reservation is no longer this request's. */
export function completeItem(scope: string, key: string, requestHash: string, response: StoredResponse): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.idempotency(scope, key),
      UpdateExpression: 'SET #status = :done, #response = :response',
      ConditionExpression: '#status = :inFlight AND requestHash = :hash',
      ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
      ExpressionAttributeValues: { ':done': 'COMPLETED', ':response': response, ':inFlight': 'IN_FLIGHT', ':hash': requestHash },
    },
  };
}
