// Bills in the table: billers (data), payments with their history pointers and indexes, the
// per-bill duplicate guard, saved payees with auto-pay, and reconciliation reports. A payment's
// state only changes inside the ledger's transaction (as guards of postJournal), so the money and
// the record never disagree.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { refuse } from '../domain/errors.js';
import type { AutoPaySetting } from '../domain/bills/auto-pay.js';
import type { BillPaymentStatus } from '../domain/bills/bill.js';
import { type BillCategory, type Biller, billerSchema, MAX_BILLERS } from '../domain/bills/biller.js';
import type { Mismatch, SettledPayment } from '../domain/bills/reconciliation.js';
import { db } from './client.js';
import { shardPartitions, walkPartitions } from './index-walk.js';
import { isConditionFailed, withContentionRetry } from './errors.js';
import { keys } from './keys.js';
import type { Guard } from './ledger.js';
import { transactWrite } from './transact.js';

/** Shards of the HELD, settled-by-date and auto-pay indexes. */
export const BILL_INDEX_SHARDS = 16;
export const MAX_PAYEES_PER_CUSTOMER = 20;
export const MAX_HISTORY_PAGE = 50;
/** Queries one history page may take: a rare category can come back short, with a cursor. */
const MAX_HISTORY_QUERIES = 5;
/** A reconciliation report keeps at most this many mismatches; more are counted, not listed. */
export const MAX_LISTED_MISMATCHES = 500;

const shardOf = (id: string) => createHash('sha256').update(id).digest().readUInt32BE(0) % BILL_INDEX_SHARDS;

// ---- billers -------------------------------------------------------------------------------

export interface BillerRecord {
  biller: Biller;
  updatedAt: string;
  /** The console change that made it so (absent for a seeded biller). */
  changeId?: string;
}

export async function getBiller(billerId: string): Promise<Biller | undefined> {
  return (await getBillerRecord(billerId))?.biller;
}

export async function getBillerRecord(billerId: string): Promise<BillerRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.biller(billerId), ConsistentRead: true }));
  return Item ? billerRecord(Item) : undefined;
}

const billerRecord = (item: Record<string, unknown>): BillerRecord => ({
  biller: billerSchema.parse(item.biller),
  updatedAt: String(item.updatedAt),
  ...(typeof item.changeId === 'string' ? { changeId: item.changeId } : {}),
});

/** Every biller with when it last changed: one Query of the billers' partition. */
export async function billerRecords(): Promise<BillerRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.biller('x').PK, ':prefix': keys.billerPrefix },
      Limit: MAX_BILLERS,
    }),
  );
  return (Items ?? []).map(billerRecord);
}

export async function listBillers(): Promise<Biller[]> {
  return (await billerRecords()).map((record) => record.biller);
}

/** Creates or replaces a biller as an approved change made it; payments already made keep the
 *  names they were made under. */
export async function putBiller(biller: Biller, changeId: string, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.biller(biller.billerId), type: 'BILLER', biller, changeId, updatedAt: now.toISOString() } }));
}

/** Seeds a biller the first time only; later edits are console changes (putBiller). */
export async function seedBiller(biller: Biller, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.biller(biller.billerId), type: 'BILLER', biller, updatedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

// ---- payments ------------------------------------------------------------------------------

export interface BillPaymentRecord {
  paymentId: string;
  customerId: string;
  accountId: string;
  billerId: string;
  billerName: string;
  category: BillCategory;
  cityName: string;
  accountNumberMasked: string;
  /** Needed again only to ask the gateway; encrypted (a phone number is personal data). */
  accountNumberEnc: string;
  /** The biller's code on its gateway, as when the payment was made. */
  gatewayBillerCode: string;
  holderNameMasked: string | null;
  period: string | null;
  amountDueFen: number | null;
  amountFen: number;
  prepaymentFen: number;
  status: BillPaymentStatus;
  holdJournalId: string;
  settleJournalId: string | null;
  voidJournalId: string | null;
  gatewayReference: string | null;
  /** The business date the gateway files the payment under (its settlement date). */
  businessDate: string;
  heldAt: string;
  settledAt: string | null;
  voidedAt: string | null;
  failure: { code: string; message: string } | null;
  /** The duplicate guard this payment holds (bills with a period), released on void. */
  guardKey: { PK: string; SK: string } | null;
  /** Class II limit buckets the hold counted against, given back on void. */
  limitBuckets: string[];
  origin: 'CUSTOMER' | 'AUTO_PAY';
  payeeId: string | null;
}

export function billAccountGuardKey(billerId: string, accountHash: string, period: string) {
  return keys.billGuard(billerId, accountHash, period);
}

/** Guards that create the payment (once: its id derives from the request), its history pointer,
 *  its HELD index entry and the per-bill duplicate guard. */
export function newPaymentGuards(record: BillPaymentRecord): Guard[] {
  const { tableName } = db();
  const guards: Guard[] = [
    {
      name: 'PAYMENT_EXISTS',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.billPayment(record.customerId, record.paymentId), type: 'BILL_PAYMENT', ...record },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
    {
      name: 'HISTORY',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.billHistory(record.customerId, record.heldAt, record.paymentId), type: 'BILL_HISTORY', paymentId: record.paymentId, category: record.category },
        },
      },
    },
    {
      name: 'HELD_INDEX',
      item: { Put: { TableName: tableName, Item: { ...keys.heldBill(shardOf(record.paymentId), record.paymentId), type: 'BILL_HELD', customerId: record.customerId } } },
    },
    {
      name: 'REFERENCE',
      item: { Put: { TableName: tableName, Item: { ...keys.billReference(record.paymentId), type: 'BILL_REFERENCE', customerId: record.customerId } } },
    },
  ];
  if (record.guardKey) {
    guards.push({
      name: 'BILL_GUARD',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...record.guardKey, type: 'BILL_GUARD', paymentId: record.paymentId, customerId: record.customerId },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    });
  }
  return guards;
}

/** The state change HELD → SETTLED or HELD → VOIDED, conditional on HELD: of a settlement and a
 *  void racing for the same payment, exactly one is written. */
function transition(record: BillPaymentRecord, changes: Partial<BillPaymentRecord>): Guard {
  const { tableName } = db();
  const names = Object.keys(changes);
  return {
    name: 'NOT_HELD',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.billPayment(record.customerId, record.paymentId),
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ConditionExpression: '#status = :held',
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: { ':held': 'HELD', ...Object.fromEntries(names.map((name, i) => [`:v${i}`, changes[name as keyof BillPaymentRecord]])) },
      },
    },
  };
}

const leaveHeldIndex = (record: BillPaymentRecord): Guard => ({
  name: 'HELD_INDEX',
  item: { Delete: { TableName: db().tableName, Key: keys.heldBill(shardOf(record.paymentId), record.paymentId) } },
});

export function settleGuards(record: BillPaymentRecord, changes: { settleJournalId: string; gatewayReference: string; settledAt: string; businessDate: string }): Guard[] {
  const { tableName } = db();
  return [
    transition(record, { status: 'SETTLED', ...changes }),
    leaveHeldIndex(record),
    {
      name: 'SETTLED_INDEX',
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.settledBill(changes.businessDate, shardOf(record.paymentId), record.paymentId),
            type: 'BILL_SETTLED',
            customerId: record.customerId,
            billerId: record.billerId,
            amountFen: record.amountFen,
            gatewayReference: changes.gatewayReference,
          },
        },
      },
    },
  ];
}

export function voidGuards(record: BillPaymentRecord, changes: { voidJournalId: string; voidedAt: string; failure: { code: string; message: string } }): Guard[] {
  return [transition(record, { status: 'VOIDED', ...changes }), leaveHeldIndex(record)];
}

/** Deletes a bill's duplicate guard, if it is still `paymentId`'s, so the bill can be paid again. */
export function releaseBillGuard(guardKey: { PK: string; SK: string }, paymentId: string): Guard {
  return {
    name: 'BILL_GUARD',
    item: {
      Delete: {
        TableName: db().tableName,
        Key: guardKey,
        ConditionExpression: 'attribute_not_exists(PK) OR paymentId = :mine',
        ExpressionAttributeValues: { ':mine': paymentId },
      },
    },
  };
}

export async function getPayment(customerId: string, paymentId: string): Promise<BillPaymentRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.billPayment(customerId, paymentId), ConsistentRead: true }));
  return Item as BillPaymentRecord | undefined;
}

/** The payment a gateway reference names, whoever made it (reconciliation). */
export async function paymentByReference(paymentId: string): Promise<BillPaymentRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.billReference(paymentId), ConsistentRead: true }));
  return Item ? getPayment(String(Item.customerId), paymentId) : undefined;
}

/** Which payment holds a bill's duplicate guard, if any. */
export async function guardHolder(guardKey: { PK: string; SK: string }): Promise<{ customerId: string; paymentId: string } | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: guardKey, ConsistentRead: true }));
  return Item ? { customerId: String(Item.customerId), paymentId: String(Item.paymentId) } : undefined;
}

/** Newest-first payments of a customer, optionally of one category. */
export async function paymentHistory(
  customerId: string,
  category: BillCategory | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: BillPaymentRecord[]; nextCursor: string | null }> {
  const { doc, tableName } = db();
  const pk = keys.customer(customerId).PK;
  let startSortKey = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
  if (startSortKey !== undefined && !startSortKey.startsWith(keys.billHistoryPrefix)) refuse('invalid', 'INVALID_CURSOR', '分页参数无效');
  const wanted = Math.min(limit, MAX_HISTORY_PAGE);
  const ids: string[] = [];
  let more = true;
  for (let query = 0; query < MAX_HISTORY_QUERIES && ids.length < wanted && more; query++) {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ...(category ? { FilterExpression: 'category = :category' } : {}),
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.billHistoryPrefix, ...(category ? { ':category': category } : {}) },
        ScanIndexForward: false,
        Limit: wanted - ids.length,
        ExclusiveStartKey: startSortKey ? { PK: pk, SK: startSortKey } : undefined,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.paymentId));
    startSortKey = page.LastEvaluatedKey ? String(page.LastEvaluatedKey.SK) : undefined;
    more = startSortKey !== undefined;
  }
  const records = await paymentsById(customerId, ids);
  return { items: records, nextCursor: more && startSortKey ? Buffer.from(startSortKey).toString('base64url') : null };
}

async function paymentsById(customerId: string, paymentIds: string[]): Promise<BillPaymentRecord[]> {
  if (paymentIds.length === 0) return [];
  const { doc, tableName } = db();
  const { Responses } = await doc.send(
    new BatchGetCommand({
      RequestItems: { [tableName]: { Keys: paymentIds.map((id) => keys.billPayment(customerId, id)), ConsistentRead: true } },
    }),
  );
  const byId = new Map((Responses?.[tableName] ?? []).map((item) => [String(item.paymentId), item as BillPaymentRecord]));
  return paymentIds.map((id) => byId.get(id)).filter((record): record is BillPaymentRecord => record !== undefined);
}


/** Every payment still HELD, as (customer, payment) pairs. */
export async function* heldPayments(): AsyncGenerator<{ customerId: string; paymentId: string }> {
  for await (const item of walkPartitions(shardPartitions(BILL_INDEX_SHARDS, keys.heldBillShard))) yield { customerId: String(item.customerId), paymentId: String(item.SK) };
}

/** Jinlin's side of a date's reconciliation: every payment settled under that business date. */
export async function settledOn(date: string): Promise<(SettledPayment & { customerId: string })[]> {
  const settled: (SettledPayment & { customerId: string })[] = [];
  for await (const item of walkPartitions(shardPartitions(BILL_INDEX_SHARDS, (shard) => keys.settledBillShard(date, shard)))) {
    settled.push({ paymentId: String(item.SK), customerId: String(item.customerId), billerId: String(item.billerId), amountFen: Number(item.amountFen) });
  }
  return settled;
}

// ---- saved payees --------------------------------------------------------------------------

export interface PayeeRecord {
  payeeId: string;
  customerId: string;
  nickname: string;
  billerId: string;
  accountNumberMasked: string;
  accountNumberEnc: string;
  autoPay: AutoPaySetting | null;
  /** The last auto-pay outcome, for the customer to see. */
  lastAutoPay: { month: string; code: string; message: string; paymentId: string | null } | null;
  createdAt: string;
}

/** One payee per biller account and customer: the id derives from both. */
export function payeeIdFor(customerId: string, billerId: string, accountHash: string): string {
  return `Y${createHash('sha256').update(`${customerId}\u0000${billerId}\u0000${accountHash}`).digest('base64url').slice(0, 16)}`;
}

export async function listPayees(customerId: string): Promise<PayeeRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.billPayeePrefix },
      ConsistentRead: true,
      Limit: MAX_PAYEES_PER_CUSTOMER + 5,
    }),
  );
  return (Items ?? []) as PayeeRecord[];
}

export async function getPayee(customerId: string, payeeId: string): Promise<PayeeRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.billPayee(customerId, payeeId), ConsistentRead: true }));
  return Item as PayeeRecord | undefined;
}

/** Saves a new payee; false when the customer has it already (its id derives from the account). */
export async function createPayee(payee: PayeeRecord): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.billPayee(payee.customerId, payee.payeeId), type: 'BILL_PAYEE', ...payee },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export async function deletePayee(payee: PayeeRecord): Promise<void> {
  const { doc, tableName } = db();
  await withContentionRetry(() =>
    doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName, Key: keys.billPayee(payee.customerId, payee.payeeId) } },
          { Delete: { TableName: tableName, Key: keys.autoPayPayee(shardOf(payee.payeeId), payee.payeeId) } },
        ],
      }),
    ),
  );
}

/** Turns auto-pay on (or changes it) or off, together with the day close's index of it and the
 *  caller's guards (the second factor that grants it), in one transaction. Answers the name of
 *  the guard that refused — PAYEE_GONE when the payee was removed — or undefined when written. */
export async function setAutoPay(payee: PayeeRecord, setting: AutoPaySetting | null, guards: Guard[] = []): Promise<string | undefined> {
  const { tableName } = db();
  const indexKey = keys.autoPayPayee(shardOf(payee.payeeId), payee.payeeId);
  const all: Guard[] = [
    {
      name: 'PAYEE_GONE',
      item: {
        Update: {
          TableName: tableName,
          Key: keys.billPayee(payee.customerId, payee.payeeId),
          UpdateExpression: 'SET autoPay = :setting',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':setting': setting },
        },
      },
    },
    {
      name: 'AUTO_PAY_INDEX',
      item: setting
        ? { Put: { TableName: tableName, Item: { ...indexKey, type: 'BILL_AUTOPAY', customerId: payee.customerId } } }
        : { Delete: { TableName: tableName, Key: indexKey } },
    },
    ...guards,
  ];
  const refusedAt = await transactWrite(all.map((guard) => guard.item));
  return refusedAt === undefined ? undefined : all[refusedAt]!.name;
}

/** Records that this month's auto-pay ran, and how; conditional on the setting still being on. */
export async function markAutoPayRun(payee: PayeeRecord, month: string, result: { code: string; message: string; paymentId: string | null }): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.billPayee(payee.customerId, payee.payeeId),
        UpdateExpression: 'SET autoPay.lastRunMonth = :month, lastAutoPay = :result',
        ConditionExpression: 'attribute_exists(autoPay.capFen)',
        ExpressionAttributeValues: { ':month': month, ':result': { month, ...result } },
      }),
    )
    .catch((error: unknown) => {
      // Turned off (or deleted) meanwhile: nothing to record.
      if (!isConditionFailed(error)) throw error;
    });
}

/** Every payee with auto-pay on, as (customer, payee) pairs. */
export async function* autoPayPayees(): AsyncGenerator<{ customerId: string; payeeId: string }> {
  for await (const item of walkPartitions(shardPartitions(BILL_INDEX_SHARDS, keys.autoPayShard))) yield { customerId: String(item.customerId), payeeId: String(item.SK) };
}

// ---- reconciliation reports -------------------------------------------------------------------

export interface ReconciliationRecord {
  date: string;
  ranAt: string;
  matched: number;
  matchedFen: number;
  jinlinCount: number;
  jinlinFen: number;
  gatewayCount: number;
  gatewayFen: number;
  mismatchCount: number;
  mismatches: Mismatch[];
}

export async function saveReconciliation(report: ReconciliationRecord): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.billReconciliation(report.date), type: 'BILL_RECONCILIATION', ...report, mismatches: report.mismatches.slice(0, MAX_LISTED_MISMATCHES) },
    }),
  );
}

export async function getReconciliation(date: string): Promise<ReconciliationRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.billReconciliation(date), ConsistentRead: true }));
  return Item as ReconciliationRecord | undefined;
}
