// Operators of the console: their records (password hash, TOTP secret encrypted, failed-attempt
// count and lock, the last TOTP step used), the login lookup that keeps logins unique, sign-in
// challenges (a right password waiting for its code; single use, short-lived) and sessions (one
// per sign-in, under the operator, deleted at sign-out). Items that expire carry expiresAtEpoch,
// the table's TTL attribute; reads check the time themselves, since TTL deletes late. A directory
// partition lists every operator by login (运营人员管理), written with the record it copies.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { refuse } from '../domain/errors.js';
import type { OperatorRole, OperatorStatus } from '../domain/operator-roles.js';
import { db } from './client.js';
import { batchGetItems } from './batch-get.js';
import { isConditionFailed } from './errors.js';
import { type TransactItem, type TransactItems, transactWrite } from './transact.js';
import { backOfficeKeys } from './back-office-keys.js';

export interface OperatorRecord {
  operatorId: string;
  login: string;
  displayName: string;
  roles: OperatorRole[];
  status: OperatorStatus;
  /** platform/password-hash.ts (scrypt, PHC string); absent until the operator activates. */
  passwordHash?: string;
  /** The TOTP secret (base32), encrypted with store/crypto.ts; absent until the operator activates. */
  totpSecretEnc?: string;
  /** PENDING_ACTIVATION: the hash of the one activation code in force, and until when. */
  activationCodeHash?: string;
  activationExpiresAt?: string;
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

/** What the directory keeps of an operator: what the list shows and filters on. */
export type DirectoryEntry = Pick<OperatorRecord, 'operatorId' | 'login' | 'displayName' | 'roles' | 'status' | 'createdAt'>;

const directoryItem = ({ operatorId, login, displayName, roles, status, createdAt }: OperatorRecord): Record<string, unknown> => ({
  ...backOfficeKeys.operatorDirectory(login),
  type: 'OPERATOR_DIRECTORY',
  operatorId,
  login,
  displayName,
  roles,
  status,
  createdAt,
});

/** The login, the record and its directory entry, in one transaction; 409 when the login is taken. */
export async function putOperator(record: OperatorRecord): Promise<void> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...backOfficeKeys.operatorLogin(record.login), type: 'OPERATOR_LOGIN', operatorId: record.operatorId }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...backOfficeKeys.operator(record.operatorId), type: 'OPERATOR', ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: directoryItem(record) } },
  ]);
  if (refusedAt === 0) refuse('conflict', 'OPERATOR_LOGIN_IN_USE', '该登录名已存在');
  if (refusedAt !== undefined) throw new Error(`operator id ${record.operatorId} already taken`);
}

/** The directory entry of an operator created before the directory existed (the local seed's). */
export async function ensureDirectoryEntry(record: OperatorRecord): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(new PutCommand({ TableName: tableName, Item: directoryItem(record), ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** Operators a list page reads from the directory before its filters: the page is at most this
 *  long, and may be shorter when filters drop some (the cursor goes on from where it stopped). */
export interface DirectoryQuery {
  /** Part of a login or a name. */
  text?: string;
  status?: OperatorStatus;
  role?: OperatorRole;
}

export async function listDirectory(query: DirectoryQuery, limit: number, cursor?: string): Promise<{ entries: DirectoryEntry[]; nextCursor?: string }> {
  const { doc, tableName } = db();
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': backOfficeKeys.operatorDirectoryPartition };
  const names: Record<string, string> = {};
  if (query.text) {
    filters.push('(contains(login, :text) OR contains(displayName, :text))');
    values[':text'] = query.text;
  }
  if (query.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.role) {
    filters.push('contains(#roles, :role)');
    names['#roles'] = 'roles';
    values[':role'] = query.role;
  }
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ExclusiveStartKey: cursor ? { PK: backOfficeKeys.operatorDirectoryPartition, SK: cursor } : undefined,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  const entries = (page.Items ?? []).map(({ operatorId, login, displayName, roles, status, createdAt }) => ({ operatorId, login, displayName, roles, status, createdAt }) as DirectoryEntry);
  const last = page.LastEvaluatedKey?.SK;
  return { entries, ...(typeof last === 'string' ? { nextCursor: last } : {}) };
}

/** Directory entries read per page when counting administrators. */
const COUNT_PAGE_ITEMS = 500;
/** The directory is the bank's operators: hundreds, not hundreds of thousands. */
const MAX_COUNT_PAGES = 20;

/** How many operators are ACTIVE with the role. */
export async function countActiveWithRole(role: OperatorRole): Promise<number> {
  const { doc, tableName } = db();
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  for (let pageNumber = 1; pageNumber <= MAX_COUNT_PAGES; pageNumber++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: '#status = :active AND contains(#roles, :role)',
        ExpressionAttributeNames: { '#status': 'status', '#roles': 'roles' },
        ExpressionAttributeValues: { ':pk': backOfficeKeys.operatorDirectoryPartition, ':active': 'ACTIVE', ':role': role },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
        Limit: COUNT_PAGE_ITEMS,
        ConsistentRead: true,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
    if (!startKey) return count;
  }
  throw new Error(`the operator directory holds more than ${MAX_COUNT_PAGES * COUNT_PAGE_ITEMS} entries`);
}

/** The records of these operators (distinct ids), in no particular order. */
export async function getOperators(operatorIds: readonly string[]): Promise<OperatorRecord[]> {
  return (await batchGetItems(operatorIds.map((operatorId) => backOfficeKeys.operator(operatorId)))).map(fromItem);
}

export async function getOperator(operatorId: string): Promise<OperatorRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.operator(operatorId), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

export async function operatorIdByLogin(login: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.operatorLogin(login), ConsistentRead: true }));
  return typeof Item?.operatorId === 'string' ? Item.operatorId : undefined;
}

/** Counts one wrong password or code; the count as it now is. */
export async function countFailedAttempt(operatorId: string): Promise<number> {
  const { doc, tableName } = db();
  const { Attributes } = await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: backOfficeKeys.operator(operatorId),
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
        Key: backOfficeKeys.operator(operatorId),
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
      Item: { ...backOfficeKeys.operatorChallenge(challengeHash), type: 'OPERATOR_CHALLENGE', ...challenge, expiresAtEpoch: epochSeconds(challenge.expiresAt) },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getChallenge(challengeHash: string): Promise<SignInChallenge | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.operatorChallenge(challengeHash), ConsistentRead: true }));
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
        Key: backOfficeKeys.operator(session.operatorId),
        UpdateExpression: 'SET failedAttempts = :zero, lastTotpStep = :step, lastSignInAt = :now REMOVE lockedUntil',
        ConditionExpression: '#status = :active AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now) AND (attribute_not_exists(lastTotpStep) OR lastTotpStep < :step)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':zero': 0, ':step': totpStep, ':now': now.toISOString(), ':active': 'ACTIVE' },
      },
    },
    {
      Delete: {
        TableName: tableName,
        Key: backOfficeKeys.operatorChallenge(challengeHash),
        ConditionExpression: 'operatorId = :operatorId',
        ExpressionAttributeValues: { ':operatorId': session.operatorId },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...backOfficeKeys.operatorSession(session.operatorId, session.sessionId), type: 'OPERATOR_SESSION', ...session, expiresAtEpoch: epochSeconds(session.expiresAt) },
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
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.operatorSession(operatorId, sessionId), ConsistentRead: true }));
  return Item ? { operatorId: String(Item.operatorId), sessionId: String(Item.sessionId), createdAt: String(Item.createdAt), expiresAt: String(Item.expiresAt) } : undefined;
}

export async function deleteSession(operatorId: string, sessionId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new DeleteCommand({ TableName: tableName, Key: backOfficeKeys.operatorSession(operatorId, sessionId) }));
}

/** Deactivates an operator (again: keeps the first time) with their directory entry; an
 *  activation code in force dies with it. The record as it now is. */
export async function deactivateOperator(operatorId: string, now: Date): Promise<OperatorRecord> {
  const operator = (await getOperator(operatorId)) ?? refuse('not_found', 'OPERATOR_NOT_FOUND', '未找到该操作员');
  const { tableName } = db();
  await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: backOfficeKeys.operator(operatorId),
        UpdateExpression: 'SET #status = :deactivated, deactivatedAt = if_not_exists(deactivatedAt, :now) REMOVE activationCodeHash, activationExpiresAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':deactivated': 'DEACTIVATED', ':now': now.toISOString() },
      },
    },
    directoryUpdate(operator.login, { status: 'DEACTIVATED' }),
  ]);
  return (await getOperator(operatorId))!;
}

/** Ends every session of the operator (deactivated, or their authenticator reset): deleted, so
 *  not even a token inside its 15 minutes finds one. How many there were. */
export async function deleteSessions(operatorId: string): Promise<number> {
  const { doc, tableName } = db();
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  for (let pageNumber = 1; pageNumber <= MAX_SESSION_PAGES; pageNumber++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': backOfficeKeys.operatorPartition(operatorId), ':prefix': backOfficeKeys.operatorSessionPrefix },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: startKey,
        Limit: SESSION_PAGE_ITEMS,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: item.PK, SK: item.SK } }));
      deleted++;
    }
    startKey = page.LastEvaluatedKey;
    if (!startKey) return deleted;
  }
  // Past the bound the rest are refused anyway: a session counts only for an ACTIVE operator.
  return deleted;
}

const SESSION_PAGE_ITEMS = 100;
/** Sessions live 15 minutes and leave by TTL: a few days' sign-ins at most. */
const MAX_SESSION_PAGES = 20;

/** The directory entry's copy of what changed. */
function directoryUpdate(login: string, set: Partial<Pick<OperatorRecord, 'roles' | 'status'>>): TransactItem {
  const names = Object.keys(set);
  return {
    Update: {
      TableName: db().tableName,
      Key: backOfficeKeys.operatorDirectory(login),
      UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value])),
    },
  };
}

/** Sets the operator's roles (an approved change), record and directory. */
export function setRolesItems(operator: Pick<OperatorRecord, 'operatorId' | 'login'>, roles: OperatorRole[]): TransactItems {
  return [
    {
      Update: {
        TableName: db().tableName,
        Key: backOfficeKeys.operator(operator.operatorId),
        UpdateExpression: 'SET #roles = :roles',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': roles },
      },
    },
    directoryUpdate(operator.login, { roles }),
  ];
}

/** Clears a lock and the count of wrong attempts (an administrator's unlock). */
export function unlockItems(operatorId: string): TransactItems {
  return [
    {
      Update: {
        TableName: db().tableName,
        Key: backOfficeKeys.operator(operatorId),
        UpdateExpression: 'SET failedAttempts = :zero REMOVE lockedUntil',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':zero': 0 },
      },
    },
  ];
}

/** Puts a new activation code in force (any earlier one dies). From ACTIVE, the operator goes back
 *  to PENDING_ACTIVATION and loses their password and authenticator (a reset); refused unless the
 *  operator is in `from`. */
export function activationCodeItems(operator: Pick<OperatorRecord, 'operatorId' | 'login'>, from: OperatorStatus, codeHash: string, expiresAt: string): TransactItems {
  const reset = from === 'ACTIVE';
  return [
    {
      Update: {
        TableName: db().tableName,
        Key: backOfficeKeys.operator(operator.operatorId),
        UpdateExpression: `SET #status = :pending, activationCodeHash = :hash, activationExpiresAt = :until, failedAttempts = :zero${reset ? ' REMOVE passwordHash, totpSecretEnc, lockedUntil' : ''}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'PENDING_ACTIVATION', ':hash': codeHash, ':until': expiresAt, ':zero': 0, ':from': from },
      },
    },
    ...(reset ? [directoryUpdate(operator.login, { status: 'PENDING_ACTIVATION' })] : []),
  ];
}

/** Voids the activation code in force (too many wrong tries): a new one must be issued. */
export async function voidActivationCode(operatorId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: backOfficeKeys.operator(operatorId),
      UpdateExpression: 'SET failedAttempts = :zero REMOVE activationCodeHash, activationExpiresAt',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':zero': 0 },
    }),
  );
}

export interface Enrolment {
  operatorId: string;
  /** The new authenticator's secret (base32), encrypted. */
  totpSecretEnc: string;
  /** The activation code that opened it: activating needs it still in force. */
  activationCodeHash: string;
  expiresAt: string;
}

export async function putEnrolment(enrolmentHash: string, enrolment: Enrolment): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...backOfficeKeys.operatorEnrolment(enrolmentHash), type: 'OPERATOR_ENROLMENT', ...enrolment, expiresAtEpoch: epochSeconds(enrolment.expiresAt) },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getEnrolment(enrolmentHash: string): Promise<Enrolment | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: backOfficeKeys.operatorEnrolment(enrolmentHash), ConsistentRead: true }));
  return Item
    ? { operatorId: String(Item.operatorId), totpSecretEnc: String(Item.totpSecretEnc), activationCodeHash: String(Item.activationCodeHash), expiresAt: String(Item.expiresAt) }
    : undefined;
}

/** Activates the operator with the password and authenticator they chose: refused (nothing
 *  written) unless the enrolment's activation code is still the one in force, unexpired. */
export function activateItems(
  operator: Pick<OperatorRecord, 'operatorId' | 'login'>,
  enrolmentHash: string,
  credentials: { passwordHash: string; totpSecretEnc: string; totpStep: number; activationCodeHash: string },
  now: Date,
): TransactItems {
  const { tableName } = db();
  return [
    {
      Update: {
        TableName: tableName,
        Key: backOfficeKeys.operator(operator.operatorId),
        UpdateExpression:
          'SET #status = :active, passwordHash = :password, totpSecretEnc = :secret, lastTotpStep = :step, failedAttempts = :zero REMOVE activationCodeHash, activationExpiresAt, lockedUntil',
        ConditionExpression: '#status = :pending AND activationCodeHash = :code AND activationExpiresAt > :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':active': 'ACTIVE',
          ':pending': 'PENDING_ACTIVATION',
          ':password': credentials.passwordHash,
          ':secret': credentials.totpSecretEnc,
          ':step': credentials.totpStep,
          ':zero': 0,
          ':code': credentials.activationCodeHash,
          ':now': now.toISOString(),
        },
      },
    },
    { Delete: { TableName: tableName, Key: backOfficeKeys.operatorEnrolment(enrolmentHash) } },
    directoryUpdate(operator.login, { status: 'ACTIVE' }),
  ];
}
