// Wealth in the table: products (immutable versions + the current one), NAVs and yields per date,
// risk assessments, orders, holdings, and the two indexes the day close walks (pending orders by
// confirmation date; holders per product). Every change to an order or a holding that moves money
// is a guard in the journal's transaction, so units and money never disagree.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { RiskAssessment } from '../domain/wealth/risk.js';
import type { LedgerRefusal } from '../domain/ledger-refusal.js';
import type { Journal } from '../domain/ledger.js';
import type { LimitCharge } from '../domain/limits.js';
import { type WealthProduct, wealthProductSchema } from '../domain/wealth/product.js';
import { custodyAccountOf, type RedemptionKind } from '../domain/wealth/journals.js';
import { config } from '../config.js';
import { batchGetItems } from './batch-get.js';
import { currentCatalog, currentCatalogProduct, makeCurrent, MAX_CATALOG_PRODUCTS, publishCatalogVersion, type VersionProvenance } from './catalog.js';
import { db } from './client.js';
import { shardPartitions, walkPartitions } from './index-walk.js';
import { cancellationCodes, isConditionFailed, withContentionRetry } from './errors.js';
import { type Guard, houseShard, postJournal } from './ledger.js';
import { keys } from './keys.js';

export const WEALTH_INDEX_SHARDS = 16;
/** A customer's order list reads at most this many orders (newest shown first). */
export const MAX_ORDERS_READ = 500;
const MAX_HOLDINGS = 100;
/** The longest NAV/yield history one read returns: ten years of daily prices (a chart since
 *  inception samples them down). */
export const MAX_PRICE_POINTS = 3_660;

const shardOf = (value: string) => createHash('sha256').update(value).digest().readUInt32BE(0) % WEALTH_INDEX_SHARDS;

// ---- products -----------------------------------------------------------------------------------

export async function currentWealthProducts(): Promise<WealthProduct[]> {
  return currentCatalog('WEALTHPRODUCT', keys.wealthProductCurrentPrefix, wealthProductSchema);
}

export async function currentWealthProduct(productId: string): Promise<WealthProduct | undefined> {
  return currentCatalogProduct(keys.wealthProductCurrent(productId), wealthProductSchema);
}

/** Stores `product` (its version numbered by the caller) and makes it the one on sale; refused
 *  when another publication took that version number first. */
export async function saveWealthProductVersion(product: WealthProduct, now: Date, provenance?: VersionProvenance): Promise<void> {
  const itemKeys = { version: keys.wealthProductVersion(product.productId, product.version), current: keys.wealthProductCurrent(product.productId) };
  await publishCatalogVersion('WEALTHPRODUCT', itemKeys, product, now, provenance);
}

/** Puts a published version on sale unless a later one already is. */
export async function putWealthProductOnSale(product: WealthProduct): Promise<void> {
  await makeCurrent('WEALTHPRODUCT', keys.wealthProductCurrent(product.productId), product);
}

export interface WealthVersionRecord {
  product: WealthProduct;
  publishedAt: string;
  /** Set when the version was published through the console's maker-checker. */
  provenance?: VersionProvenance;
}

/** A product's versions, newest first, at most `limit`. */
export async function wealthProductVersions(productId: string, limit: number): Promise<WealthVersionRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': 'WEALTHPRODUCT', ':prefix': keys.wealthProductVersionPrefix(productId) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: Math.min(limit, MAX_CATALOG_PRODUCTS),
    }),
  );
  return (Items ?? []).map((item) => ({
    product: wealthProductSchema.parse(item.product),
    publishedAt: String(item.publishedAt),
    ...(item.changeId ? { provenance: { changeId: String(item.changeId), makerLogin: String(item.makerLogin), checkerLogin: String(item.checkerLogin) } } : {}),
  }));
}

/** When each of the given versions was published (one batch read), keyed `<productId>#<version>`. */
export async function wealthVersionsPublishedAt(versions: readonly { productId: string; version: number }[]): Promise<Map<string, string>> {
  const items = await batchGetItems(versions.map(({ productId, version }) => keys.wealthProductVersion(productId, version)));
  return new Map(
    items.map((item) => {
      const { productId, version } = item.product as { productId: string; version: number };
      return [`${productId}#${version}`, String(item.publishedAt)];
    }),
  );
}

/** The shard of a product's custody account a journal touches. */
export const custodyShard = (productId: string, journalId: string): string => houseShard(custodyAccountOf(productId), journalId, config().HOUSE_SHARDS);

// ---- NAVs and yields --------------------------------------------------------------------------

export interface PriceRecord {
  productId: string;
  date: string;
  navCentiFen: number;
  /** Money-market funds only. */
  sevenDayYieldBps: number | null;
  incomePer10kCentiFen: number | null;
}

const toPrice = (item: Record<string, unknown>): PriceRecord => ({
  productId: String(item.productId),
  date: String(item.date),
  navCentiFen: Number(item.navCentiFen),
  sevenDayYieldBps: item.sevenDayYieldBps == null ? null : Number(item.sevenDayYieldBps),
  incomePer10kCentiFen: item.incomePer10kCentiFen == null ? null : Number(item.incomePer10kCentiFen),
});

/** Stores a price. `replace: false` keeps an existing one (a closed date is never rewritten). */
export async function putPrice(price: PriceRecord, now: Date, { replace }: { replace: boolean }): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.wealthPrice(price.productId, price.date), type: 'WEALTH_PRICE', ...price, publishedAt: now.toISOString() },
        ...(replace ? {} : { ConditionExpression: 'attribute_not_exists(PK)' }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** The price published for exactly `date`, if any. */
export async function priceOn(productId: string, date: string): Promise<PriceRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.wealthPrice(productId, date), ConsistentRead: true }));
  return Item ? toPrice(Item) : undefined;
}

/** The latest price on or before `date`. */
export async function latestPrice(productId: string, onOrBefore: string): Promise<PriceRecord | undefined> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK <= :date',
      ExpressionAttributeValues: { ':pk': keys.wealthPricePartition(productId), ':date': onOrBefore },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return Items?.[0] ? toPrice(Items[0]) : undefined;
}

/** Prices from `from` to `to`, oldest first, at most MAX_PRICE_POINTS. */
export async function priceHistory(productId: string, from: string, to: string): Promise<PriceRecord[]> {
  const { doc, tableName } = db();
  const prices: PriceRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const { Items, LastEvaluatedKey } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.wealthPricePartition(productId), ':from': from, ':to': to },
        Limit: MAX_PRICE_POINTS - prices.length,
        ExclusiveStartKey: startKey,
      }),
    );
    prices.push(...(Items ?? []).map(toPrice));
    startKey = LastEvaluatedKey;
  } while (startKey && prices.length < MAX_PRICE_POINTS);
  return prices;
}

/** The first price the product ever had. */
export async function firstPrice(productId: string): Promise<PriceRecord | undefined> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.wealthPricePartition(productId) }, Limit: 1 }),
  );
  return Items?.[0] ? toPrice(Items[0]) : undefined;
}

// ---- risk assessments -------------------------------------------------------------------------

/** The current assessment, plus a copy kept for audit (a retake replaces only the current one). */
export async function saveAssessment(customerId: string, assessment: RiskAssessment, now: Date): Promise<void> {
  const { doc, tableName } = db();
  const item = { type: 'WEALTH_RISK', customerId, ...assessment, assessedAt: now.toISOString() };
  await withContentionRetry(() =>
    doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { ...keys.wealthRiskHistory(customerId, now.toISOString()), ...item } } },
          { Put: { TableName: tableName, Item: { ...keys.wealthRisk(customerId), ...item } } },
        ],
      }),
    ),
  );
}

export async function getAssessment(customerId: string): Promise<RiskAssessment | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.wealthRisk(customerId), ConsistentRead: true }));
  if (!Item) return undefined;
  const { questionnaireVersion, score, level, assessedOn, validThrough, answers } = Item as RiskAssessment;
  return { questionnaireVersion, score, level, assessedOn, validThrough, answers };
}

// ---- orders -------------------------------------------------------------------------------------

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'FAILED';

export interface RiskAcknowledgement {
  disclosureVersion: string;
  acknowledgedAt: string;
  customerRiskLevel: string;
  productRiskLevel: string;
  assessmentValidThrough: string;
}

export interface WealthOrderRecord {
  orderId: string;
  customerId: string;
  accountId: string;
  kind: 'PURCHASE' | 'REDEMPTION';
  redemption: RedemptionKind | null;
  productId: string;
  productName: string;
  productVersion: number;
  status: OrderStatus;
  placedAt: string;
  placedOn: string;
  confirmDate: string;
  /** Purchases with cooling-off: the instant it ends (ISO; the order time + coolingOffHours on the
   *  bank's clock). Cancellable before it; no day close confirms the order until it has passed. */
  cancellableUntil: string | null;
  /** Purchase: what was paid. */
  amountFen: number | null;
  /** Purchase: units confirmed; redemption: units redeemed. */
  unitsCenti: number | null;
  navCentiFen: number | null;
  navDate: string | null;
  /** Purchase: value of the confirmed units (what was invested). */
  valueFen: number | null;
  /** Purchase: refunded with the confirmation. */
  residualFen: number | null;
  /** Redemption: paid to the e-account. */
  proceedsFen: number | null;
  /** The journal the request itself wrote (purchase, fast redemption). */
  journalId: string | null;
  /** The journal that settled it later (refund, residual, redemption), if any. */
  settlementJournalId: string | null;
  settledAt: string | null;
  riskAcknowledgement: RiskAcknowledgement | null;
}

export async function getOrder(customerId: string, orderId: string): Promise<WealthOrderRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.wealthOrder(customerId, orderId), ConsistentRead: true }));
  return Item as WealthOrderRecord | undefined;
}

/** Up to `limit` of a customer's items whose sort key starts with `prefix`. */
async function customerItems(customerId: string, prefix: string, limit: number): Promise<Record<string, unknown>[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': prefix },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return Items ?? [];
}

/** A customer's orders, newest first. */
export async function customerOrders(customerId: string): Promise<WealthOrderRecord[]> {
  const orders = (await customerItems(customerId, keys.wealthOrderPrefix, MAX_ORDERS_READ)) as unknown as WealthOrderRecord[];
  return orders.sort((a, b) => (a.placedAt < b.placedAt ? 1 : a.placedAt > b.placedAt ? -1 : 0));
}

/** Guards that create an order (once: its id derives from the request) and, while it waits for a
 *  day close, list it in the pending index. */
export function newOrderGuards(order: WealthOrderRecord): Guard[] {
  const { tableName } = db();
  const guards: Guard[] = [
    {
      name: 'ORDER_EXISTS',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.wealthOrder(order.customerId, order.orderId), type: 'WEALTH_ORDER', ...order },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
  ];
  if (order.status === 'PENDING') {
    guards.push({
      name: 'PENDING_INDEX',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.wealthPending(shardOf(order.orderId), order.confirmDate, order.orderId), type: 'WEALTH_PENDING', customerId: order.customerId, orderId: order.orderId },
        },
      },
    });
  }
  return guards;
}

/** Guards that move a pending order to its final state (only if it is still pending) and take it
 *  off the pending index. */
export function settleOrderGuards(previous: WealthOrderRecord, next: WealthOrderRecord): Guard[] {
  const { tableName } = db();
  return [
    {
      name: 'ORDER_NOT_PENDING',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.wealthOrder(next.customerId, next.orderId), type: 'WEALTH_ORDER', ...next },
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'PENDING' },
        },
      },
    },
    {
      name: 'PENDING_INDEX',
      item: { Delete: { TableName: tableName, Key: keys.wealthPending(shardOf(previous.orderId), previous.confirmDate, previous.orderId) } },
    },
  ];
}

/** Every entry of a sharded index (of at most `skAtMost` when given), shard by shard, page by
 *  page: the walk ends with the index. */

/** Pending orders whose confirmation date is on or before `date`. */
export async function* pendingOrdersThrough(date: string): AsyncGenerator<{ customerId: string; orderId: string }> {
  // '~' sorts after every character of an order id, so the bound takes all of `date`.
  for await (const item of walkPartitions(shardPartitions(WEALTH_INDEX_SHARDS, keys.wealthPendingShard), `${date}#~`)) yield { customerId: String(item.customerId), orderId: String(item.orderId) };
}

// ---- holdings -----------------------------------------------------------------------------------

export interface ClosedEarnings {
  /** The business date whose close computed it. */
  date: string;
  totalEarningsFen: number;
  /** The change in total earnings over that date: "yesterday's earnings" the day after. */
  dayEarningsFen: number;
}

export interface WealthHoldingRecord {
  customerId: string;
  accountId: string;
  productId: string;
  productName: string;
  unitsCenti: number;
  /** unitsCenti − frozenUnitsCenti, kept on the item because a condition cannot do arithmetic. */
  availableUnitsCenti: number;
  /** Units in normal redemptions waiting for their day close. */
  frozenUnitsCenti: number;
  investedFen: number;
  redeemedFen: number;
  /** Money-market income paid as units, in total. */
  incomeFen: number;
  /** Money-market income not yet paid: a numerator over 10^8 fen. */
  incomeCarry: number;
  closedEarnings: ClosedEarnings | null;
  /** Bumped by every change; the day close writes only over the version it read. */
  version: number;
}

const toHolding = (item: Record<string, unknown>): WealthHoldingRecord => ({
  customerId: String(item.customerId),
  accountId: String(item.accountId),
  productId: String(item.productId),
  productName: String(item.productName),
  unitsCenti: Number(item.unitsCenti ?? 0),
  availableUnitsCenti: Number(item.availableUnitsCenti ?? 0),
  frozenUnitsCenti: Number(item.frozenUnitsCenti ?? 0),
  investedFen: Number(item.investedFen ?? 0),
  redeemedFen: Number(item.redeemedFen ?? 0),
  incomeFen: Number(item.incomeFen ?? 0),
  incomeCarry: Number(item.incomeCarry ?? 0),
  closedEarnings: (item.closedEarnings as ClosedEarnings | null | undefined) ?? null,
  version: Number(item.version ?? 0),
});

export async function getHolding(customerId: string, productId: string): Promise<WealthHoldingRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.wealthHolding(customerId, productId), ConsistentRead: true }));
  return Item ? toHolding(Item) : undefined;
}

export async function customerHoldings(customerId: string): Promise<WealthHoldingRecord[]> {
  return (await customerItems(customerId, keys.wealthHoldingPrefix, MAX_HOLDINGS)).map(toHolding);
}

/** A change to a holding's counters, applied with ADD so concurrent changes compose; the
 *  condition (if any) protects the units it takes. */
export function holdingGuard(
  who: { customerId: string; accountId: string; productId: string; productName: string },
  delta: Partial<Record<'unitsCenti' | 'availableUnitsCenti' | 'frozenUnitsCenti' | 'investedFen' | 'redeemedFen', number>>,
  condition: { availableAtLeast?: number; frozenAtLeast?: number } = {},
): Guard {
  const { tableName } = db();
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = {
    ':type': 'WEALTH_HOLDING',
    ':customer': who.customerId,
    ':account': who.accountId,
    ':product': who.productId,
    ':name': who.productName,
    ':one': 1,
  };
  const adds = ['version :one'];
  for (const [field, amount] of Object.entries(delta)) {
    if (!amount) continue;
    adds.push(`${field} :d_${field}`);
    values[`:d_${field}`] = amount;
  }
  const conditions: string[] = [];
  if (condition.availableAtLeast !== undefined) {
    conditions.push('availableUnitsCenti >= :available');
    values[':available'] = condition.availableAtLeast;
  }
  if (condition.frozenAtLeast !== undefined) {
    conditions.push('frozenUnitsCenti >= :frozen');
    values[':frozen'] = condition.frozenAtLeast;
  }
  return {
    name: 'HOLDING_UNITS',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.wealthHolding(who.customerId, who.productId),
        UpdateExpression: `SET #type = :type, customerId = :customer, accountId = :account, productId = :product, productName = :name ADD ${adds.join(', ')}`,
        ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** Replaces a holding's day-close fields over the version that was read. */
export function holdingCloseGuard(
  previous: WealthHoldingRecord,
  change: { incomeFen: number; incomeCarry: number; closedEarnings: ClosedEarnings; redeemAllFen?: number },
): Guard {
  const { tableName } = db();
  const values: Record<string, unknown> = {
    ':version': previous.version,
    ':one': 1,
    ':carry': change.incomeCarry,
    ':closed': change.closedEarnings,
  };
  let update: string;
  if (change.redeemAllFen !== undefined) {
    // Maturity: every unit goes.
    values[':zero'] = 0;
    values[':redeemed'] = change.redeemAllFen;
    update = 'SET unitsCenti = :zero, availableUnitsCenti = :zero, frozenUnitsCenti = :zero, incomeCarry = :carry, closedEarnings = :closed ADD redeemedFen :redeemed, version :one';
  } else {
    values[':income'] = change.incomeFen;
    update = 'SET incomeCarry = :carry, closedEarnings = :closed ADD unitsCenti :income, availableUnitsCenti :income, incomeFen :income, version :one';
  }
  return {
    name: 'HOLDING_CHANGED',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.wealthHolding(previous.customerId, previous.productId),
        UpdateExpression: update,
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** Lists the customer among the product's holders (idempotent). */
export function holderIndexGuard(productId: string, customerId: string): Guard {
  const { tableName } = db();
  return {
    name: 'HOLDER_INDEX',
    item: {
      Put: {
        TableName: tableName,
        Item: { ...keys.wealthHolder(productId, shardOf(customerId), customerId), type: 'WEALTH_HOLDER', customerId, productId },
      },
    },
  };
}

/** Every customer who has held the product. */
export async function* productHolders(productId: string): AsyncGenerator<string> {
  for await (const item of walkPartitions(shardPartitions(WEALTH_INDEX_SHARDS, (shard) => keys.wealthHolderShard(productId, shard)))) yield String(item.customerId);
}

export type ChangeOutcome = { ok: true; replayed: boolean } | LedgerRefusal;

/** Writes the guards in one transaction — with the journal and its limit charges when money
 *  moves (a change without one: a normal redemption, a confirmation without a residual). A
 *  refused change says which condition refused, as postJournal does. */
export async function writeChange(guards: Guard[], money?: { journal: Journal; limitCharges?: LimitCharge[] }): Promise<ChangeOutcome> {
  if (money) return postJournal(money.journal, { guards, limitCharges: money.limitCharges });
  const { doc } = db();
  try {
    await withContentionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: guards.map((guard) => guard.item) })));
    return { ok: true, replayed: false };
  } catch (error) {
    const failed = cancellationCodes(error)?.findIndex((code) => code === 'ConditionalCheckFailed') ?? -1;
    if (failed < 0) throw error;
    return { ok: false, reason: 'GUARD_FAILED', guard: guards[failed]!.name };
  }
}

/** Today's fast-redemption counter of a product, a Class II style limit bucket on the account. */
export const fastRedemptionBucket = (productId: string, date: string): string => `WEALTH-FAST#${productId}#${date}`;
