// Sessions: one per sign-in, a refresh-token family under the customer (keys.session) with the
// device, its times and place. Refresh tokens are stored only as hashes, rotated on every use, and
// revocable by family; reusing a rotated token revokes its whole family (it was probably stolen).
//
// Families begun before sessions lived under the customer (under RTF#) are not found by a refresh:
// such a session ends at its next refresh, and the customer signs in again once.
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sessionRevoked } from '../domain/loss-report.js';
import type { DeviceInfo } from '../domain/sessions.js';
import type { CustomerRecord } from './customers.js';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';
import { keys } from './keys.js';
import { type TransactItem, transactWrite } from './transact.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface IssuedRefreshToken {
  refreshToken: string;
  expiresAt: string;
}

/** A session as the customer's list shows it. */
export interface SessionRecord {
  sessionId: string;
  customerId: string;
  deviceId?: string;
  model?: string;
  platform?: string;
  /** When it signed in (epoch ms): a revocation of all sessions ends those begun before it. */
  startedAt: number;
  lastUsedAt: string;
  place: string;
  revoked: boolean;
  /** Trusted with money: a known device, or verified with a code to the bound phone. */
  deviceVerified: boolean;
  /** Since when the bank knows the device (its first sign-in, or the code that verified it):
   *  absent while it is not verified, and on sessions begun before it was kept. */
  deviceFirstSeenAt?: string;
  expiresAtEpoch: number;
}

/** The session a live token belongs to, as the token keeps it. */
export interface RotatedSession {
  customerId: string;
  sessionId: string;
  startedAt: number;
  deviceVerified: boolean;
  deviceFirstSeenAtMs?: number;
  issued: IssuedRefreshToken;
}

const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

function tokenItem(customerId: string, familyId: string, token: string, expiresAt: Date, startedAt: number) {
  return {
    ...keys.refreshToken(hashToken(token)),
    type: 'REFRESH_TOKEN',
    customerId,
    familyId,
    startedAt,
    expiresAt: expiresAt.toISOString(),
    expiresAtEpoch: epochSeconds(expiresAt),
  };
}

/** Since when this device is one the customer verified (or signed up on); undefined when it is not. */
export async function knownDeviceSince(customerId: string, deviceId: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.knownDevice(customerId, deviceId), ConsistentRead: true }));
  return Item === undefined ? undefined : String(Item.firstSeenAt);
}

/** The write that makes a device known (kept if it already is). */
function knownDeviceItem(customerId: string, device: DeviceInfo, now: Date): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.knownDevice(customerId, device.deviceId!),
      UpdateExpression: 'SET #type = :type, customerId = :c, firstSeenAt = if_not_exists(firstSeenAt, :now), model = if_not_exists(model, :model)',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'KNOWN_DEVICE', ':c': customerId, ':now': now.toISOString(), ':model': device.model ?? null },
    },
  };
}

export interface NewSession {
  customerId: string;
  device: DeviceInfo;
  place: string;
  /** 'FIRST': the customer's first sign-in ever — its device is known, on condition that no
   *  sign-in came first; 'KNOWN': a device the customer verified before; 'NEW': anything else. */
  trust: 'FIRST' | 'KNOWN' | 'NEW';
  /** A KNOWN device's first sighting (knownDeviceSince). */
  knownSince?: string;
}

/** Starts a session; undefined when `trust` was 'FIRST' and another sign-in came first (the
 *  caller starts it again as a sign-in on a device not yet known). */
export async function startFamily(
  session: NewSession,
  now: Date,
  days: number,
): Promise<(IssuedRefreshToken & { sessionId: string; deviceVerified: boolean; deviceFirstSeenAtMs?: number }) | undefined> {
  const { customerId, device, place, trust } = session;
  const { tableName } = db();
  const familyId = randomUUID();
  const refreshToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const deviceVerified = trust !== 'NEW';
  const deviceFirstSeenAt = trust === 'FIRST' ? now.toISOString() : trust === 'KNOWN' ? session.knownSince : undefined;
  const record: SessionRecord = {
    sessionId: familyId,
    customerId,
    ...(device.deviceId ? { deviceId: device.deviceId } : {}),
    ...(device.model ? { model: device.model } : {}),
    ...(device.platform ? { platform: device.platform } : {}),
    startedAt: now.getTime(),
    lastUsedAt: now.toISOString(),
    place,
    revoked: false,
    deviceVerified,
    ...(deviceFirstSeenAt ? { deviceFirstSeenAt } : {}),
    expiresAtEpoch: epochSeconds(expiresAt),
  };
  const items: TransactItem[] = [
    { Put: { TableName: tableName, Item: { ...keys.session(customerId, familyId), type: 'SESSION', ...record } } },
    { Put: { TableName: tableName, Item: tokenItem(customerId, familyId, refreshToken, expiresAt, now.getTime()) } },
  ];
  if (trust === 'FIRST') {
    items.push({
      Update: {
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET firstSignInAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(firstSignInAt)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      },
    });
    if (device.deviceId) items.push(knownDeviceItem(customerId, device, now));
  }
  if ((await transactWrite(items)) !== undefined) return undefined;
  return { refreshToken, expiresAt: expiresAt.toISOString(), sessionId: familyId, deviceVerified, ...firstSeen(deviceFirstSeenAt) };
}

/** The token's `dfs` from a stored time; nothing for none or an unreadable one. */
export function firstSeen(at: unknown): { deviceFirstSeenAtMs?: number } {
  const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isFinite(ms) ? { deviceFirstSeenAtMs: ms } : {};
}

/** Exchanges a live refresh token for a new one, and notes when and where the session was last
 *  used; undefined when the token is unknown, expired, revoked or already used. */
export async function rotate(refreshToken: string, now: Date, days: number, place: string): Promise<RotatedSession | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.refreshToken(hashToken(refreshToken)), ConsistentRead: true }),
  );
  if (!Item || new Date(String(Item.expiresAt)) <= now) return undefined;
  const customerId = String(Item.customerId);
  const familyId = String(Item.familyId);
  const startedAt = Number(Item.startedAt);
  if (Item.usedAt) {
    await revokeFamily(customerId, familyId);
    return undefined;
  }
  const next = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const sessionKey = keys.session(customerId, familyId);
  const rotation = withContentionRetry(() =>
    doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.refreshToken(hashToken(refreshToken)),
              UpdateExpression: 'SET usedAt = :now',
              ConditionExpression: 'attribute_not_exists(usedAt)',
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: sessionKey,
              UpdateExpression: 'SET lastUsedAt = :now, place = :place, expiresAtEpoch = :exp',
              ConditionExpression: 'revoked = :no',
              ExpressionAttributeValues: { ':now': now.toISOString(), ':place': place, ':exp': epochSeconds(expiresAt), ':no': false },
            },
          },
          { Put: { TableName: tableName, Item: tokenItem(customerId, familyId, next, expiresAt, startedAt) } },
        ],
      }),
    ),
  );
  // Read beside the rotation, not after it: whether the device was verified since sign-in.
  const session = doc.send(new GetCommand({ TableName: tableName, Key: sessionKey, ConsistentRead: true }));
  try {
    await rotation;
  } catch (error) {
    await session.catch(() => undefined);
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') await revokeFamily(customerId, familyId);
    if (codes?.includes('ConditionalCheckFailed')) return undefined;
    throw error;
  }
  const { Item: stored } = await session;
  return {
    customerId,
    sessionId: familyId,
    startedAt,
    deviceVerified: stored?.deviceVerified === true,
    ...firstSeen(stored?.deviceFirstSeenAt),
    issued: { refreshToken: next, expiresAt: expiresAt.toISOString() },
  };
}

export async function revokeByToken(refreshToken: string): Promise<void> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.refreshToken(hashToken(refreshToken)), ConsistentRead: true }),
  );
  if (Item) await revokeFamily(String(Item.customerId), String(Item.familyId));
}

async function revokeFamily(customerId: string, familyId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.session(customerId, familyId),
        UpdateExpression: 'SET revoked = :yes',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':yes': true },
      }),
    )
    // A family from before sessions lived under the customer: nothing to revoke, nothing refreshes it.
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** How many session items one listing reads at most: far more than live sessions (a sign-out
 *  revokes its session; a sign-in without one is rare), so the list is never cut short by it. */
const MAX_SESSIONS_READ = 500;

/** The customer's live sessions: neither revoked one by one, nor expired, nor ended by a
 *  revocation of all sessions begun before a time (a loss report, its lift). */
export async function liveSessions(customer: Pick<CustomerRecord, 'customerId' | 'sessionsRevokedAt'>, now: Date): Promise<SessionRecord[]> {
  return (await unrevokedSessions(customer.customerId, now)).filter((session) => !sessionRevoked(session.startedAt, customer.sessionsRevokedAt));
}

async function unrevokedSessions(customerId: string, now: Date): Promise<SessionRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: 'revoked = :no AND expiresAtEpoch > :now',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.sessionPrefix, ':no': false, ':now': epochSeconds(now) },
      ConsistentRead: true,
      Limit: MAX_SESSIONS_READ,
    }),
  );
  return (Items ?? []) as SessionRecord[];
}

export async function getSession(customerId: string, sessionId: string): Promise<SessionRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.session(customerId, sessionId), ConsistentRead: true }));
  return Item as SessionRecord | undefined;
}

/** Signs sessions out at once: each family revoked (its refresh token refused), and each named on
 *  the customer record, which the routes that read it first check an access token against
 *  (services/customer-guards.ts). `stale`: entries of the record no token can match any more,
 *  dropped in the same write. Nested paths, so two sign-outs at once both land. */
export async function revokeSessions(customerId: string, sessionIds: string[], stale: string[], hasRecord: boolean, nowMs: number): Promise<void> {
  const { doc, tableName } = db();
  if (!hasRecord) {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET signedOutSessions = if_not_exists(signedOutSessions, :empty)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':empty': {} },
      }),
    );
  }
  // A transaction holds 100 items: the customer's and up to 99 sessions each.
  for (let from = 0; from < sessionIds.length; from += 99) {
    const chunk = sessionIds.slice(from, from + 99);
    const names = Object.fromEntries(chunk.map((id, n) => [`#s${n}`, id]));
    const dropped = from === 0 ? stale.filter((id) => !sessionIds.includes(id)) : [];
    const droppedNames = Object.fromEntries(dropped.map((id, n) => [`#d${n}`, id]));
    const set = chunk.map((_, n) => `signedOutSessions.#s${n} = :at`).join(', ');
    const remove = dropped.length > 0 ? ` REMOVE ${dropped.map((_, n) => `signedOutSessions.#d${n}`).join(', ')}` : '';
    const written = await transactWrite([
      {
        Update: {
          TableName: tableName,
          Key: keys.customer(customerId),
          UpdateExpression: `SET ${set}${remove}`,
          ExpressionAttributeNames: { ...names, ...droppedNames },
          ExpressionAttributeValues: { ':at': nowMs },
        },
      },
      ...chunk.map(
        (id): TransactItem => ({
          Update: {
            TableName: tableName,
            Key: keys.session(customerId, id),
            UpdateExpression: 'SET revoked = :yes',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':yes': true },
          },
        }),
      ),
    ]);
    if (written !== undefined) throw new Error(`customer ${customerId}: session ${chunk[written - 1]} vanished while signing it out`);
  }
}

/** The verification's writes: the session trusted with money from now on (while it is live), and
 *  its device known for the next sign-in. */
export function verifySessionItems(session: SessionRecord, now: Date): TransactItem[] {
  return [
    {
      Update: {
        TableName: db().tableName,
        Key: keys.session(session.customerId, session.sessionId),
        UpdateExpression: 'SET deviceVerified = :yes, verifiedAt = :now, deviceFirstSeenAt = if_not_exists(deviceFirstSeenAt, :now)',
        ConditionExpression: 'revoked = :no',
        ExpressionAttributeValues: { ':yes': true, ':no': false, ':now': now.toISOString() },
      },
    },
    ...(session.deviceId ? [knownDeviceItem(session.customerId, { deviceId: session.deviceId, model: session.model }, now)] : []),
  ];
}
