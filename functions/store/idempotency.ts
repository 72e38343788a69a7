// Idempotency records: one per (scope, key). A request reserves its key with a lease before it
// does anything; the finished answer is stored so a repeat gets the same answer.
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

export async function reserve(scope: string, key: string, requestHash: string, now: Date): Promise<Reservation> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.idempotency(scope, key),
          type: 'IDEMPOTENCY',
          status: 'IN_FLIGHT',
          requestHash,
          leaseUntil: now.getTime() + LEASE_MS,
          expiresAtEpoch: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
        },
        // A lease left by a crashed attempt may be taken over once it runs out, but only by
        // the same request.
        ConditionExpression:
          'attribute_not_exists(PK) OR (#status = :inFlight AND leaseUntil < :now AND requestHash = :hash)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inFlight': 'IN_FLIGHT', ':now': now.getTime(), ':hash': requestHash },
      }),
    );
    return { state: 'reserved' };
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }),
  );
  if (!Item) return reserve(scope, key, requestHash, now);
  if (Item.requestHash !== requestHash) return { state: 'mismatch' };
  if (Item.status === 'COMPLETED') return { state: 'replay', response: Item.response as StoredResponse };
  return { state: 'in_flight' };
}

export async function complete(scope: string, key: string, response: StoredResponse): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.idempotency(scope, key),
      UpdateExpression: 'SET #status = :done, #response = :response',
      ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
      ExpressionAttributeValues: { ':done': 'COMPLETED', ':response': response },
    }),
  );
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
