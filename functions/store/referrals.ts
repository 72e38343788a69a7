// Share links, the visits they bring (by device, before anyone signs in), which manager serves
// which customer, and what the manager's customers did — all kept under the manager's partition
// sorted by time, so a dashboard period is a key range.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomerEventKind } from '../domain/customer-events.js';
import { refuse } from '../domain/errors.js';
import type { ManagerCredit, Touch } from '../domain/rm/attribution.js';
import type { CohortCustomer, MoneyEvent } from '../domain/rm/funnel.js';
import type { ShareProduct } from '../domain/rm/product.js';
import { SHORT_CODE_RANDOM_BYTES, shortCodeFrom, type ShareLinkTerms } from '../domain/rm/share-code.js';
import { businessDate } from '../domain/time.js';
import { batchGetItems } from './batch-get.js';
import { db } from './client.js';
import { randomCode } from './crypto.js';
import { isConditionFailed, withContentionRetry } from './errors.js';
import { keys } from './keys.js';
import { transactWrite } from './transact.js';
import { partitionPage } from './partition-page.js';

export interface ShareLinkRecord extends ShareLinkTerms {
  productName: string;
}

export interface AttributionRecord {
  customerId: string;
  staffId: string;
  code: string;
  entryProduct: ShareProduct;
  firstTouchAt: string;
  attributedAt: string;
}

/** Distinct codes one device may record: far more than a person opens, few enough to bound. */
export const MAX_VISITS_PER_DEVICE = 20;
/** Visits one link records a day: far above any real campaign, and a bound on what callers
 *  inventing device ids can add through the public route. */
export const MAX_VISITS_PER_LINK_PER_DAY = 5_000;
/** Most items of one kind a dashboard reads for a period; beyond it the figures say truncated. */
export const MAX_DASHBOARD_ITEMS = 5_000;
const QUERY_PAGE = 1_000;

type Item = Record<string, unknown>;

// ---- share links -----------------------------------------------------------------------------------

export const newShortCode = (): string => randomCode(shortCodeFrom, SHORT_CODE_RANDOM_BYTES);

const linkOf = (item: Item): ShareLinkRecord => ({
  code: String(item.code),
  staffId: String(item.staffId),
  product: item.product as ShareProduct,
  productName: String(item.productName),
  campaign: (item.campaign as string | null) ?? null,
  createdAt: String(item.createdAt),
  expiresAt: (item.expiresAt as string | null) ?? null,
  revokedAt: (item.revokedAt as string | null) ?? null,
});

/** Stores a new link under its code and under its manager; false when the code is taken. */
export async function createShareLink(link: ShareLinkRecord): Promise<boolean> {
  const { tableName } = db();
  // revokedAt is absent until a revocation sets it (if_not_exists keeps the first time).
  const item = { type: 'SHARE_LINK', ...link, revokedAt: undefined };
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...keys.shareLink(link.code), ...item }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.staffLink(link.staffId, link.createdAt, link.code), ...item, type: 'STAFF_LINK' } } },
  ]);
  return refusedAt === undefined;
}

export async function getShareLink(code: string): Promise<ShareLinkRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.shareLink(code), ConsistentRead: true }));
  return Item ? linkOf(Item) : undefined;
}

/** Revokes a link (both copies); revoking again keeps the first time. */
export async function revokeShareLink(link: ShareLinkRecord, now: Date): Promise<void> {
  const { doc, tableName } = db();
  const update = (key: { PK: string; SK: string }) => ({
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    },
  });
  await withContentionRetry(() =>
    doc.send(new TransactWriteCommand({ TransactItems: [update(keys.shareLink(link.code)), update(keys.staffLink(link.staffId, link.createdAt, link.code))] })),
  );
}

// ---- paging -------------------------------------------------------------------------------------

/** Cursors are the last sort key seen, base64url; one that does not name this listing is refused. */
const encodeCursor = (sk: string) => Buffer.from(sk).toString('base64url');
function decodeCursor(cursor: string | undefined, prefix: string): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const sk = Buffer.from(cursor, 'base64url').toString();
  if (!sk.startsWith(prefix) || sk.length > 200) refuse('invalid', 'CURSOR_INVALID', '分页参数无效');
  return sk;
}

async function newestFirst(pk: string, prefix: string, limit: number, cursor: string | undefined): Promise<{ items: Item[]; nextCursor: string | null }> {
  const { items, lastSortKey } = await partitionPage({ partition: pk, prefix, afterSortKey: decodeCursor(cursor, prefix), limit, newestFirst: true });
  return { items, nextCursor: lastSortKey === undefined ? null : encodeCursor(lastSortKey) };
}

export async function staffLinks(staffId: string, limit: number, cursor: string | undefined) {
  const page = await newestFirst(keys.staffPartition(staffId), keys.staffLinkPrefix, limit, cursor);
  return { items: page.items.map(linkOf), nextCursor: page.nextCursor };
}

// ---- visits and devices ------------------------------------------------------------------------------

export type VisitOutcome = 'RECORDED' | 'REPEAT' | 'DEVICE_LIMIT' | 'LINK_LIMIT';

/** What each of recordVisit's conditional items refusing means, by its index. */
const VISIT_REFUSED: Record<number, VisitOutcome> = { 0: 'REPEAT', 1: 'DEVICE_LIMIT', 3: 'LINK_LIMIT' };

/**
 * Records the first opening of a link on a device — under the device (for attribution at sign-in)
 * and under the manager (for the funnel), in one transaction with the device's and the link's
 * visit counts. Opening the same link again records nothing; past MAX_VISITS_PER_DEVICE codes on
 * a device, or MAX_VISITS_PER_LINK_PER_DAY visits of a link, nothing more is recorded (a public
 * route must not let a caller grow the table without end).
 */
export async function recordVisit(link: ShareLinkRecord, deviceId: string, now: Date): Promise<VisitOutcome> {
  const { tableName } = db();
  const at = now.toISOString();
  const touch = { code: link.code, staffId: link.staffId, product: link.product, campaign: link.campaign, at };
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...keys.deviceVisit(deviceId, link.code), type: 'DEVICE_VISIT', deviceId, ...touch }, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Update: {
        TableName: tableName,
        Key: keys.device(deviceId),
        UpdateExpression: 'SET #type = :type, visits = if_not_exists(visits, :zero) + :one',
        ConditionExpression: 'attribute_not_exists(visits) OR visits < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'DEVICE', ':zero': 0, ':one': 1, ':max': MAX_VISITS_PER_DEVICE },
      },
    },
    { Put: { TableName: tableName, Item: { ...keys.staffVisit(link.staffId, at, deviceId, link.code), type: 'STAFF_VISIT', deviceId, ...touch } } },
    {
      Update: {
        TableName: tableName,
        Key: keys.shareLinkVisits(link.code, businessDate(now)),
        // Kept two days: only today's count is ever read.
        UpdateExpression: 'SET #type = :type, visits = if_not_exists(visits, :zero) + :one, expiresAtEpoch = :expires',
        ConditionExpression: 'attribute_not_exists(visits) OR visits < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'LINK_VISITS', ':zero': 0, ':one': 1, ':max': MAX_VISITS_PER_LINK_PER_DAY, ':expires': Math.floor(now.getTime() / 1000) + 2 * 86_400 },
      },
    },
  ]);
  return refusedAt === undefined ? 'RECORDED' : VISIT_REFUSED[refusedAt]!;
}

export async function deviceCustomer(deviceId: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.device(deviceId), ConsistentRead: true }));
  return Item?.customerId as string | undefined;
}

/** The device now belongs to this customer (the last one to sign in on it); returns the
 *  customer it belonged to before, if any. */
export async function linkDevice(deviceId: string, customerId: string, now: Date): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Attributes } = await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.device(deviceId),
      UpdateExpression: 'SET #type = :type, customerId = :customer, linkedAt = :now',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'DEVICE', ':customer': customerId, ':now': now.toISOString() },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  return Attributes?.customerId as string | undefined;
}

export async function deviceTouches(deviceId: string): Promise<Touch[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.devicePartition(deviceId), ':prefix': keys.deviceVisitPrefix },
      ConsistentRead: true,
      Limit: MAX_VISITS_PER_DEVICE,
    }),
  );
  return (Items ?? []).map((item) => ({
    code: String(item.code),
    staffId: String(item.staffId),
    product: item.product as ShareProduct,
    campaign: (item.campaign as string | null) ?? null,
    at: String(item.at),
  }));
}

// ---- attribution and the manager's customers -------------------------------------------------------------

export async function getAttribution(customerId: string): Promise<AttributionRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.rmAttribution(customerId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _type, ...record } = Item;
  return record as AttributionRecord;
}

/** Binds the customer to the touch's manager; undefined when someone bound them first (no rebind). */
export async function attribute(customerId: string, touch: Touch, now: Date): Promise<AttributionRecord | undefined> {
  const record: AttributionRecord = {
    customerId,
    staffId: touch.staffId,
    code: touch.code,
    entryProduct: touch.product,
    firstTouchAt: touch.at,
    attributedAt: now.toISOString(),
  };
  const { tableName } = db();
  const refusedAt = await transactWrite([
    { Put: { TableName: tableName, Item: { ...keys.rmAttribution(customerId), type: 'RM_ATTRIBUTION', ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName, Item: { ...keys.staffCustomer(touch.staffId, touch.at, customerId), type: 'STAFF_CUSTOMER', ...record } } },
  ]);
  return refusedAt === undefined ? record : undefined;
}

const stageAttribute = (kind: CustomerEventKind) => `reached_${kind}`;

/** Writes what the service decided a customer's events add to their manager's figures. Each write
 *  is idempotent (a stage keeps its first time, a money record its key), so crediting the same
 *  event twice changes nothing. */
export async function creditManager(attribution: AttributionRecord, credit: ManagerCredit): Promise<void> {
  const { doc, tableName } = db();
  const stages = Object.entries(credit.stagesReached);
  if (stages.length > 0) {
    const names: Record<string, string> = {};
    const values: Record<string, string> = {};
    const sets = stages.map(([kind, at], index) => {
      names[`#k${index}`] = stageAttribute(kind as CustomerEventKind);
      values[`:v${index}`] = at;
      return `#k${index} = if_not_exists(#k${index}, :v${index})`;
    });
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.staffCustomer(attribution.staffId, attribution.firstTouchAt, attribution.customerId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (isConditionFailed(error)) throw new Error(`attribution of ${attribution.customerId} has no manager-side record`);
      throw error;
    }
  }
  for (const money of credit.money) {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.staffMoneyEvent(attribution.staffId, money.at, money.kind, money.ref),
          type: 'STAFF_MONEY_EVENT',
          customerId: money.customerId,
          kind: money.kind,
          amountFen: money.amountFen,
          at: money.at,
          entryProduct: money.entryProduct,
        },
      }),
    );
  }
}

// ---- what the dashboard reads --------------------------------------------------------------------

/** Items of the manager's partition whose sort key lies in [prefix+start, prefix+end), bounded. */
async function inRange(staffId: string, prefix: string, start: string, end: string): Promise<{ items: Item[]; truncated: boolean }> {
  const { doc, tableName } = db();
  const items: Item[] = [];
  let from: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        // Keys are "<prefix><ISO time>#…" and ISO times have one length: a key sorts below
        // "<prefix><end>" exactly when its time is before `end`.
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.staffPartition(staffId), ':from': `${prefix}${start}`, ':to': `${prefix}${end}` },
        Limit: Math.min(QUERY_PAGE, MAX_DASHBOARD_ITEMS - items.length),
        ...(from ? { ExclusiveStartKey: from } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    from = page.LastEvaluatedKey;
  } while (from && items.length < MAX_DASHBOARD_ITEMS);
  return { items, truncated: from !== undefined };
}

export interface ManagerActivity {
  openings: { deviceId: string; product: ShareProduct }[];
  cohort: CohortCustomer[];
  money: MoneyEvent[];
  truncated: boolean;
}

/** What a manager's dashboard needs for the period [start, end) of ISO times. */
export async function managerActivity(staffId: string, start: string, end: string): Promise<ManagerActivity> {
  const [visits, customers, money] = await Promise.all([
    inRange(staffId, keys.staffVisitPrefix, start, end),
    inRange(staffId, keys.staffCustomerPrefix, start, end),
    inRange(staffId, keys.staffMoneyEventPrefix, start, end),
  ]);
  return {
    openings: visits.items.map((item) => ({ deviceId: String(item.deviceId), product: item.product as ShareProduct })),
    cohort: customers.items.map(cohortCustomerOf),
    money: money.items.map((item) => ({
      customerId: String(item.customerId),
      kind: item.kind as MoneyEvent['kind'],
      amountFen: Number(item.amountFen),
      at: String(item.at),
      entryProduct: item.entryProduct as ShareProduct,
    })),
    truncated: visits.truncated || customers.truncated || money.truncated,
  };
}

function cohortCustomerOf(item: Item): CohortCustomer {
  const stages: CohortCustomer['stages'] = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith('reached_')) stages[name.slice('reached_'.length) as CustomerEventKind] = String(value);
  }
  return { customerId: String(item.customerId), entryProduct: item.entryProduct as ShareProduct, firstTouchAt: String(item.firstTouchAt), stages };
}

/** The manager's customers, newest first touch first. */
export async function staffCustomers(staffId: string, limit: number, cursor: string | undefined) {
  const page = await newestFirst(keys.staffPartition(staffId), keys.staffCustomerPrefix, limit, cursor);
  return { items: page.items.map(cohortCustomerOf), nextCursor: page.nextCursor };
}

/** Masked name and phone of customers, read alone (never the encrypted values or ID numbers). */
export async function maskedContacts(customerIds: readonly string[]): Promise<Map<string, { nameMasked: string | null; phoneMasked: string | null }>> {
  const items = await batchGetItems([...new Set(customerIds)].map((id) => keys.customer(id)), 'customerId, nameMasked, phoneMasked');
  return new Map(
    items.map((item) => [String(item.customerId), { nameMasked: (item.nameMasked as string | undefined) ?? null, phoneMasked: (item.phoneMasked as string | undefined) ?? null }]),
  );
}
