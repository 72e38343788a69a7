// Refresh tokens: stored only as hashes, rotated on every use, revocable by family. Reusing a
// rotated token revokes its whole family (the token was probably stolen).
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';
import { keys } from './keys.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface IssuedRefreshToken {
  refreshToken: string;
  expiresAt: string;
}

/** `startedAt`: when the family's sign-in was (epoch ms), so a revocation of all the customer's
 *  sessions at a time ends every family begun before it (domain/loss-report.ts). */
function tokenItem(customerId: string, familyId: string, token: string, expiresAt: Date, startedAt: number) {
  return {
    ...keys.refreshToken(hashToken(token)),
    type: 'REFRESH_TOKEN',
    customerId,
    familyId,
    startedAt,
    expiresAt: expiresAt.toISOString(),
    expiresAtEpoch: Math.floor(expiresAt.getTime() / 1000),
  };
}

export async function startFamily(customerId: string, now: Date, days: number): Promise<IssuedRefreshToken> {
  const { doc, tableName } = db();
  const familyId = randomUUID();
  const refreshToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.refreshFamily(familyId),
              type: 'REFRESH_FAMILY',
              customerId,
              revoked: false,
              expiresAtEpoch: Math.floor(expiresAt.getTime() / 1000),
            },
          },
        },
        { Put: { TableName: tableName, Item: tokenItem(customerId, familyId, refreshToken, expiresAt, now.getTime()) } },
      ],
    }),
  );
  return { refreshToken, expiresAt: expiresAt.toISOString() };
}

/** Exchanges a live refresh token for a new one; undefined when it is unknown, expired,
 *  revoked or already used. */
export async function rotate(
  refreshToken: string,
  now: Date,
  days: number,
): Promise<{ customerId: string; startedAt: number; issued: IssuedRefreshToken } | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.refreshToken(hashToken(refreshToken)), ConsistentRead: true }),
  );
  if (!Item || new Date(String(Item.expiresAt)) <= now) return undefined;
  const customerId = String(Item.customerId);
  const familyId = String(Item.familyId);
  // A family begun before starts were kept: as old as can be, so any revocation ends it.
  const startedAt = typeof Item.startedAt === 'number' ? Item.startedAt : 0;
  if (Item.usedAt) {
    await revokeFamily(familyId);
    return undefined;
  }
  const next = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  try {
    await withContentionRetry(() =>
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
              ConditionCheck: {
                TableName: tableName,
                Key: keys.refreshFamily(familyId),
                ConditionExpression: 'revoked = :no',
                ExpressionAttributeValues: { ':no': false },
              },
            },
            { Put: { TableName: tableName, Item: tokenItem(customerId, familyId, next, expiresAt, startedAt) } },
          ],
        }),
      ),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') await revokeFamily(familyId);
    if (codes?.includes('ConditionalCheckFailed')) return undefined;
    throw error;
  }
  return { customerId, startedAt, issued: { refreshToken: next, expiresAt: expiresAt.toISOString() } };
}

export async function revokeByToken(refreshToken: string): Promise<void> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.refreshToken(hashToken(refreshToken)), ConsistentRead: true }),
  );
  if (Item) await revokeFamily(String(Item.familyId));
}

async function revokeFamily(familyId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.refreshFamily(familyId),
      UpdateExpression: 'SET revoked = :yes',
      ExpressionAttributeValues: { ':yes': true },
    }),
  );
}

