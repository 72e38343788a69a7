// Customers and the unique identities that point at them (WeChat openid, phone, ID number).
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import type { RiskRatingResult } from '../domain/customer-risk-rating.js';
import type { LossReport } from '../domain/loss-report.js';
import type { SignedOutSessions } from '../domain/sessions.js';
import { db } from './client.js';
import { cancellationCodes, isConditionFailed, withContentionRetry } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

export const NOT_LOCKED = '(attribute_not_exists(pinLockedUntil) OR pinLockedUntil = :none OR pinLockedUntil <= :now)';
export const BUDGET_LEFT = '(attribute_not_exists(pinFailedAttempts) OR pinFailedAttempts < :max)';

export interface CustomerRecord {
  customerId: string;
  openid: string;
  createdAt: string;
  phoneEnc?: string;
  phoneMasked?: string;
  phoneHash?: string;
  nameEnc?: string;
  nameMasked?: string;
  idNumberEnc?: string;
  idNumberMasked?: string;
  /** From the verified ID number: the anti-fraud rules' customer age (services/movement-risk.ts). A
   *  year, not the date, so it says no more than an age band needs. */
  birthYear?: number;
  realNameVerifiedAt?: string;
  pinHash?: string;
  pinFailedAttempts?: number;
  pinLockedUntil?: string | null;
  /** 指纹/面容支付, when on (store/soter.ts). */
  soterEnrolment?: SoterEnrolmentRecord;
  accountId?: string;
  /** 挂失 in force (store/loss-report.ts). */
  lossReport?: LossReport;
  /** Every session begun at or before this time is revoked (a loss report or its lift). */
  sessionsRevokedAt?: string;
  /** The first sign-in: its device is known without a code (store/sessions.ts). */
  firstSignInAt?: string;
  /** Sessions signed out one by one in the last minutes (domain/sessions.ts). */
  signedOutSessions?: SignedOutSessions;
  /** 销户: when the account was closed and until when the records are kept (store/account-closure.ts). */
  accountClosure?: { closedAt: string; retainUntil: string };
  /** When the customer's personal values were deleted, their retention over (store/privacy.ts). */
  personalDataDeletedAt?: string;
  /** 客户洗钱风险等级, as last rated (services/customer-risk-rating.ts); absent for a customer not
   *  rated since ratings began. Officers' data: never shown to the customer. */
  riskRating?: CustomerRiskRatingRecord;
}

export interface CustomerRiskRatingRecord extends RiskRatingResult {
  ratedAt: string;
}

export interface SoterEnrolmentRecord {
  /** Names this enrolment, so a count or revocation meant for it never lands on a later one. */
  enrolmentId: string;
  authMode: 'fingerPrint' | 'facial';
  enrolledAt: string;
  /** Failed checks since it was made. */
  failedChecks: number;
}

export async function getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.customer(customerId), ConsistentRead: true }),
  );
  return Item as CustomerRecord | undefined;
}

export async function customerIdByLookup(key: { PK: string; SK: string }): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item?.customerId as string | undefined;
}

/** The customer behind a WeChat openid, created on first sign-in. */
export async function findOrCreateByOpenid(openid: string, now: Date): Promise<{ customer: CustomerRecord; created: boolean }> {
  const existingId = await customerIdByLookup(keys.openid(openid));
  if (existingId) {
    const customer = await getCustomer(existingId);
    if (!customer) throw new Error(`openid mapping points at missing customer ${existingId}`);
    return { customer, created: false };
  }
  const customer: CustomerRecord = { customerId: randomUUID(), openid, createdAt: now.toISOString() };
  const { doc, tableName } = db();
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.openid(openid), type: 'OPENID', customerId: customer.customerId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.customer(customer.customerId), type: 'CUSTOMER', ...customer, pinFailedAttempts: 0 },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      ),
    );
    return { customer, created: true };
  } catch (error) {
    // A concurrent first sign-in of the same WeChat user won: use its customer.
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return findOrCreateByOpenid(openid, now);
    throw error;
  }
}

/** Binds a phone that no other customer holds; one bind per customer. */
export async function bindPhone(
  customerId: string,
  phone: { hash: string; enc: string; masked: string },
): Promise<void> {
  const { doc, tableName } = db();
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.phone(phone.hash), type: 'PHONE', customerId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.customer(customerId),
                UpdateExpression: 'SET phoneHash = :h, phoneEnc = :e, phoneMasked = :m',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(phoneHash)',
                ExpressionAttributeValues: { ':h': phone.hash, ':e': phone.enc, ':m': phone.masked },
              },
            },
          ],
        }),
      ),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[1] === 'ConditionalCheckFailed') refuse('conflict', 'PHONE_ALREADY_BOUND', '已绑定手机号');
    if (codes?.[0] === 'ConditionalCheckFailed') refuse('conflict', 'PHONE_IN_USE', '该手机号已被其他用户绑定');
    throw error;
  }
}

export async function setRealName(
  customerId: string,
  realName: { idHash: string; nameHash: string; nameEnc: string; nameMasked: string; idNumberEnc: string; idNumberMasked: string; birthYear: number },
  now: Date,
): Promise<void> {
  const { doc, tableName } = db();
  try {
    await withContentionRetry(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.idNumber(realName.idHash), type: 'IDNO', customerId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.customer(customerId),
                UpdateExpression:
                  'SET nameEnc = :ne, nameMasked = :nm, idNumberEnc = :ie, idNumberMasked = :im, birthYear = :by, realNameVerifiedAt = :at',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(realNameVerifiedAt)',
                ExpressionAttributeValues: {
                  ':ne': realName.nameEnc,
                  ':nm': realName.nameMasked,
                  ':ie': realName.idNumberEnc,
                  ':im': realName.idNumberMasked,
                  ':by': realName.birthYear,
                  ':at': now.toISOString(),
                },
              },
            },
            { Put: nameIndexPut(customerId, realName.nameHash) },
          ],
        }),
      ),
    );
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[1] === 'ConditionalCheckFailed') refuse('conflict', 'ALREADY_VERIFIED', '已完成实名认证');
    if (codes?.[0] === 'ConditionalCheckFailed') refuse('conflict', 'ID_NUMBER_IN_USE', '该身份证号已被其他用户认证');
    throw error;
  }
}

function nameIndexPut(customerId: string, nameHash: string) {
  return { TableName: db().tableName, Item: { ...keys.customerName(nameHash, customerId), type: 'NAMEIDX', customerId } };
}

/** Writes the name's blind-index item for a customer verified before the index existed (the
 *  demo seed's backfill); writing it again changes nothing. */
export async function putNameIndex(customerId: string, nameHash: string): Promise<void> {
  await db().doc.send(new PutCommand(nameIndexPut(customerId, nameHash)));
}

/** The customers whose name has this keyed hash: one Query of the name's partition, at most `limit`. */
export async function customerIdsByName(nameHash: string, limit: number): Promise<string[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.customerNamePartition(nameHash) },
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => String(item.customerId));
}

/** The write that stores a new PIN hash (and clears the lock), for the caller's transaction:
 *  refused unless the stored hash is still `previousHash` (none, for a first PIN) — a concurrent
 *  change — and, when changing, unless the attempt budget is unspent (guesses raced the check). */
export function savePinHashItem(customerId: string, pinHash: string, previousHash: string | undefined, maxAttempts: number, now: Date): TransactItem {
  return {
    Update: {
      TableName: db().tableName,
      Key: keys.customer(customerId),
      UpdateExpression: 'SET pinHash = :h, pinFailedAttempts = :zero, pinLockedUntil = :none',
      ConditionExpression: previousHash ? `pinHash = :prev AND ${NOT_LOCKED} AND ${BUDGET_LEFT}` : 'attribute_exists(PK) AND attribute_not_exists(pinHash)',
      ExpressionAttributeValues: {
        ':h': pinHash,
        ':zero': 0,
        ':none': null,
        ...(previousHash ? { ':prev': previousHash, ':now': now.toISOString(), ':max': maxAttempts } : {}),
      },
    },
  };
}

/** Replaces a right PIN's stored hash by its keyed form under the key in force (a legacy scrypt
 *  hash, or one under an older key), only while the stored hash is still the one that was checked
 *  (or already this very value: keyed hashes are deterministic, so concurrent rewrites agree).
 *  The attempt counter and lock are not touched. False when the PIN changed meanwhile. */
export async function rewritePinHash(customerId: string, checkedHash: string, keyedHash: string): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET pinHash = :h',
        ConditionExpression: 'pinHash = :checked OR pinHash = :h',
        ExpressionAttributeValues: { ':h': keyedHash, ':checked': checkedHash },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}


/** Counts a wrong PIN atomically, so concurrent wrong guesses each count. Returns the count now,
 *  or undefined when the budget was already spent (locked, or about to be by a concurrent guess). */
export async function countWrongPin(customerId: string, maxAttempts: number, now: Date): Promise<number | undefined> {
  const { doc, tableName } = db();
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET pinFailedAttempts = if_not_exists(pinFailedAttempts, :zero) + :one',
        ConditionExpression: `attribute_exists(PK) AND ${NOT_LOCKED} AND ${BUDGET_LEFT}`,
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':none': null, ':now': now.toISOString(), ':max': maxAttempts },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.pinFailedAttempts);
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/** After the right PIN: the write that clears the count — only while the budget is not spent —
 *  for the caller's transaction (it goes with the movement the PIN confirms). Refused when wrong
 *  guesses fired at the same time spent it meanwhile: then the right PIN is refused like them.
 *  When the read found nothing to clear, the same condition is only checked (no write, one item
 *  less to store in the money transaction); guesses raced in meanwhile then stay counted. */
export function clearPinAttemptsItem(customer: Pick<CustomerRecord, 'customerId' | 'pinFailedAttempts' | 'pinLockedUntil'>, maxAttempts: number, now: Date): TransactItem {
  const guard = {
    TableName: db().tableName,
    Key: keys.customer(customer.customerId),
    ConditionExpression: `attribute_exists(PK) AND ${NOT_LOCKED} AND ${BUDGET_LEFT}`,
  };
  const nothingToClear = (customer.pinFailedAttempts ?? 0) === 0 && (customer.pinLockedUntil ?? null) === null;
  if (nothingToClear) return { ConditionCheck: { ...guard, ExpressionAttributeValues: { ':none': null, ':now': now.toISOString(), ':max': maxAttempts } } };
  return {
    Update: {
      ...guard,
      UpdateExpression: 'SET pinFailedAttempts = :zero, pinLockedUntil = :none',
      ExpressionAttributeValues: { ':zero': 0, ':none': null, ':now': now.toISOString(), ':max': maxAttempts },
    },
  };
}

/** The wrong guess that spent the budget locks the PIN and starts a fresh budget for afterwards. */
export async function lockPin(customerId: string, maxAttempts: number, lockedUntil: string): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET pinFailedAttempts = :zero, pinLockedUntil = :until',
        ConditionExpression: 'pinFailedAttempts >= :max',
        ExpressionAttributeValues: { ':zero': 0, ':until': lockedUntil, ':max': maxAttempts },
      }),
    )
    .catch((error: unknown) => {
      // The right PIN cleared the budget meanwhile: nothing to lock.
      if (!isConditionFailed(error)) throw error;
    });
}

/** Stores a rating unless one rated later is stored already (two ratings raced: the later read
 *  wins). Refused for a customer who does not exist. */
export async function setCustomerRiskRating(customerId: string, rating: CustomerRiskRatingRecord): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.customer(customerId),
        UpdateExpression: 'SET riskRating = :rating',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(riskRating) OR riskRating.ratedAt <= :ratedAt)',
        ExpressionAttributeValues: { ':rating': rating, ':ratedAt': rating.ratedAt },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}
