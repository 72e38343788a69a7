// Operators of the console: their records (password hash, TOTP secret encrypted, failed-attempt
// count and lock, the last TOTP step used), the login lookup that keeps logins unique, sign-in
// challenges (a right password waiting for its code; single use, short-lived) and sessions (one
// per sign-in, under the operator, deleted at sign-out). Items that expire carry expiresAtEpoch,
// the table's TTL attribute; reads check the time themselves, since TTL deletes late.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { refuse } from '../domain/errors.js';
import type { OperatorRole, OperatorStatus } from '../domain/operator-roles.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { transactWrite } from './transact.js';

export interface OperatorRecord {
  operatorId: string;
  login: string;
  displayName: string;
  roles: OperatorRole[];
  status: OperatorStatus;
  /** platform/password-hash.ts (scrypt, PHC string). */
  passwordHash: string;
  /** The TOTP secret (base32), encrypted with store/crypto.ts. */
  totpSecretEnc: string;
  /** Wrong passwords or codes since the last completed sign-in (or the last lock). */
  failedAttempts: number;
  lockedUntil?: string;
  /** The time step of the last code accepted: an older or equal one is a replay. */
  lastTotpStep?: number;
  lastSignInAt?: string;
  createdAt: string;
  deactivatedAt?: string;
}

export interface SignInChallenge {
  operatorId: string;
  expiresAt: string;
}

export interface OperatorSession {
  operatorId: string;
  sessionId: string;
  createdAt: string;
  expiresAt: string;
}

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

const fromItem = (item: Record<string, unknown>): OperatorRecord => {
  const { PK: _pk, SK: _sk, type: _type, ...record } = item;
  return record as unknown as OperatorRecord;
};

export async function putOperator(record: OperatorRecord): Promise<void> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...keys.operatorLogin(record.login), type: 'OPERATOR_LOGIN', operatorId: record.operatorId }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.operator(record.operatorId), type: 'OPERATOR', ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
  ]);
  if (refusedAt === 0) refuse('conflict', 'OPERATOR_LOGIN_IN_USE', '该登录名已存在');
  if (refusedAt !== undefined) throw new Error(`operator id ${record.operatorId} already taken`);
}

export async function getOperator(operatorId: string): Promise<OperatorRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.operator(operatorId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

export async function operatorIdByLogin(login: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.operatorLogin(login), ConsistentRead: true }));
  return typeof Item?.operatorId === 'string' ? Item.operatorId : undefined;
}

/** Counts one wrong password or code; the count as it now is. */
export async function countFailedAttempt(operatorId: string): Promise<number> {
  const { doc, tableName } = db();
  const { Attributes } = await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.operator(operatorId),
      UpdateExpression: 'SET failedAttempts = if_not_exists(failedAttempts, :zero) + :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.failedAttempts);
}

/** Locks the operator until `lockedUntil` and starts a new count, if the count has reached
 *  `atCount` (of concurrent failures, the first to get here locks; the rest find it done).
 *  Whether this call locked. */
export async function lockOperator(operatorId: string, lockedUntil: string, atCount: number): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.operator(operatorId),
        UpdateExpression: 'SET lockedUntil = :until, failedAttempts = :zero',
        ConditionExpression: 'failedAttempts >= :max',
        ExpressionAttributeValues: { ':until': lockedUntil, ':zero': 0, ':max': atCount },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export async function putChallenge(challengeHash: string, challenge: SignInChallenge): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.operatorChallenge(challengeHash), type: 'OPERATOR_CHALLENGE', ...challenge, expiresAtEpoch: epochSeconds(challenge.expiresAt) },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getChallenge(challengeHash: string): Promise<SignInChallenge | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.operatorChallenge(challengeHash), ConsistentRead: true }));
  return Item ? { operatorId: String(Item.operatorId), expiresAt: String(Item.expiresAt) } : undefined;
}

export type SessionStart = 'STARTED' | 'OPERATOR_REFUSED' | 'CHALLENGE_GONE';

/**
 * Completes a sign-in in one transaction: the operator must still be active and unlocked and the
 * code's step newer than the last one used (so of two requests with one code, one wins); the
 * challenge is used up; the session is written. OPERATOR_REFUSED names the operator's condition,
 * CHALLENGE_GONE the challenge's (used meanwhile, or removed).
 */
export async function startSession(session: OperatorSession, challengeHash: string, totpStep: number, now: Date): Promise<SessionStart> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.operator(session.operatorId),
        UpdateExpression: 'SET failedAttempts = :zero, lastTotpStep = :step, lastSignInAt = :now REMOVE lockedUntil',
        ConditionExpression: '#status = :active AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now) AND (attribute_not_exists(lastTotpStep) OR lastTotpStep < :step)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':zero': 0, ':step': totpStep, ':now': now.toISOString(), ':active': 'ACTIVE' },
      },
    },
    {
      Delete: {
        TableName: tableName,
        Key: keys.operatorChallenge(challengeHash),
        ConditionExpression: 'operatorId = :operatorId',
        ExpressionAttributeValues: { ':operatorId': session.operatorId },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.operatorSession(session.operatorId, session.sessionId), type: 'OPERATOR_SESSION', ...session, expiresAtEpoch: epochSeconds(session.expiresAt) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  if (refusedAt === undefined) return 'STARTED';
  if (refusedAt === 0) return 'OPERATOR_REFUSED';
  if (refusedAt === 1) return 'CHALLENGE_GONE';
  throw new Error(`session ${session.sessionId} already exists`);
}

export async function getSession(operatorId: string, sessionId: string): Promise<OperatorSession | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.operatorSession(operatorId, sessionId), ConsistentRead: true }));
  return Item ? { operatorId: String(Item.operatorId), sessionId: String(Item.sessionId), createdAt: String(Item.createdAt), expiresAt: String(Item.expiresAt) } : undefined;
}

export async function deleteSession(operatorId: string, sessionId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.operatorSession(operatorId, sessionId) }));
}

/** Deactivates an operator (again: keeps the first time); the record as it now is. */
export async function deactivateOperator(operatorId: string, now: Date): Promise<OperatorRecord> {
  const { doc, tableName } = db();
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.operator(operatorId),
        UpdateExpression: 'SET #status = :deactivated, deactivatedAt = if_not_exists(deactivatedAt, :now)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':deactivated': 'DEACTIVATED', ':now': now.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes!);
  } catch (error) {
    if (isConditionFailed(error)) refuse('not_found', 'OPERATOR_NOT_FOUND', '未找到该操作员');
    throw error;
  }
}
