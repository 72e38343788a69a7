// Merchants' settlements (domain/open/settlement.ts). Every transaction that moves a wallet marks
// its merchant in a sharded due list (walletDueItem), so the day close visits only merchants with
// something to settle. A settlement lives in its partner's partition under its closed date (the
// partner's settlement file is one Query); while its payout is unanswered it is also listed under
// SETTLEPAYING for a later close to finish.
import { DeleteCommand, GetCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { walletAccountId } from '../domain/open/journals.js';
import type { MerchantSettlement } from '../domain/open/settlement.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { Guard } from './ledger.js';
import { type TransactItem, transactWrite } from './transact.js';

export const WALLET_DUE_SHARDS = 8;
/** Merchants one close settles; the rest wait for the next (their marks stay). */
export const MAX_SETTLEMENTS_PER_CLOSE = 5_000;
const shardOf = (merchantId: string) => createHash('sha256').update(merchantId).digest().readUInt32BE(0) % WALLET_DUE_SHARDS;

/** The mark a wallet's movement leaves for the day close, written with the movement. */
export function walletDueItem(merchantId: string, partnerId: string, at: string): TransactItem {
  return { Put: { TableName: db().tableName, Item: { ...keys.walletDue(shardOf(merchantId), merchantId), type: 'WALLET_DUE', merchantId, partnerId, markedAt: at } } };
}

export interface WalletDue {
  merchantId: string;
  partnerId: string;
  markedAt: string;
}

/** The marked merchants, shard by shard, at most MAX_SETTLEMENTS_PER_CLOSE. */
export async function dueWallets(): Promise<WalletDue[]> {
  const { doc, tableName } = db();
  const due: WalletDue[] = [];
  for (let shard = 0; shard < WALLET_DUE_SHARDS && due.length < MAX_SETTLEMENTS_PER_CLOSE; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.walletDuePartition(shard) }, ExclusiveStartKey: start, Limit: 500 }),
      );
      due.push(...(page.Items ?? []).map((item) => ({ merchantId: String(item.merchantId), partnerId: String(item.partnerId), markedAt: String(item.markedAt) })));
      start = page.LastEvaluatedKey;
    } while (start && due.length < MAX_SETTLEMENTS_PER_CLOSE);
  }
  return due.slice(0, MAX_SETTLEMENTS_PER_CLOSE);
}

/** Unmarks a merchant settled to zero — unless a movement marked it again since it was read. */
export async function clearWalletDue(due: WalletDue): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(new DeleteCommand({ TableName: tableName, Key: keys.walletDue(shardOf(due.merchantId), due.merchantId), ConditionExpression: 'markedAt = :seen', ExpressionAttributeValues: { ':seen': due.markedAt } }))
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** What a merchant's wallet holds now. */
export async function walletBalanceFen(merchantId: string): Promise<number> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.balance(walletAccountId(merchantId)), ConsistentRead: true }));
  return Number(Item?.balanceFen ?? 0);
}

const settlementOf = (item: Record<string, unknown>): MerchantSettlement => {
  const { PK: _pk, SK: _sk, type: _type, ...settlement } = item;
  return settlement as unknown as MerchantSettlement;
};

export async function getSettlement(partnerId: string, closedDate: string, merchantId: string): Promise<MerchantSettlement | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.merchantSettlement(partnerId, closedDate, merchantId), ConsistentRead: true }));
  return Item ? settlementOf(Item) : undefined;
}

/** The guard a settlement's journal writes it with: once per merchant and date. */
export const SETTLEMENT_EXISTS = 'SETTLEMENT_EXISTS';

export function newSettlementGuards(settlement: MerchantSettlement): Guard[] {
  const { tableName } = db();
  return [
    {
      name: SETTLEMENT_EXISTS,
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.merchantSettlement(settlement.partnerId, settlement.closedDate, settlement.merchantId), type: 'MERCHANT_SETTLEMENT', ...settlement },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
    {
      name: 'SETTLEMENT_PAYING',
      item: { Put: { TableName: tableName, Item: { ...keys.payingSettlement(settlement.settlementId), type: 'SETTLEMENT_PAYING', partnerId: settlement.partnerId, closedDate: settlement.closedDate, merchantId: settlement.merchantId } } },
    },
  ];
}

/** The guard a settlement's finishing write reports when another run finished it first. */
export const SETTLEMENT_NOT_PAYING = 'SETTLEMENT_NOT_PAYING';

/** A PAYING settlement's end (PAID or RETURNED) and its removal from the paying list, for the
 *  transaction that also writes what goes with it (the return journal, the partner's event). */
export function finishSettlementGuards(settlement: MerchantSettlement, finished: Pick<MerchantSettlement, 'status' | 'gatewayReference' | 'failure' | 'returnJournalId' | 'finishedAt'>): Guard[] {
  const { tableName } = db();
  return [
    {
      name: SETTLEMENT_NOT_PAYING,
      item: {
        Update: {
          TableName: tableName,
          Key: keys.merchantSettlement(settlement.partnerId, settlement.closedDate, settlement.merchantId),
          UpdateExpression: 'SET #status = :status, gatewayReference = :reference, failure = :failure, returnJournalId = :return, finishedAt = :at',
          ConditionExpression: '#status = :paying',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': finished.status,
            ':reference': finished.gatewayReference,
            ':failure': finished.failure,
            ':return': finished.returnJournalId,
            ':at': finished.finishedAt,
            ':paying': 'PAYING',
          },
        },
      },
    },
    { name: 'SETTLEMENT_PAYING_LIST', item: { Delete: { TableName: tableName, Key: keys.payingSettlement(settlement.settlementId) } } },
  ];
}

/** Finishes a settlement without a journal (paid): false when another run finished it first. */
export async function finishSettlement(guards: Guard[], records: TransactItem[]): Promise<boolean> {
  return (await transactWrite([...guards.map((guard) => guard.item), ...records])) === undefined;
}

/** Settlements still waiting for the gateway, for a close to finish. */
export async function payingSettlements(limit: number): Promise<{ partnerId: string; closedDate: string; merchantId: string }[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.payingSettlementPartition }, Limit: limit }));
  return (Items ?? []).map((item) => ({ partnerId: String(item.partnerId), closedDate: String(item.closedDate), merchantId: String(item.merchantId) }));
}

/** A partner's settlements of one closed date: its settlement file. */
export async function settlementsOfDate(partnerId: string, closedDate: string, limit: number): Promise<MerchantSettlement[]> {
  const { doc, tableName } = db();
  const settlements: MerchantSettlement[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.merchantPartition(partnerId), ':prefix': keys.merchantSettlementPrefix(closedDate) },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    settlements.push(...(page.Items ?? []).map(settlementOf));
    start = page.LastEvaluatedKey;
  } while (start && settlements.length < limit);
  return settlements.slice(0, limit);
}

export interface StatementLine {
  at: string;
  kind: 'MERCHANT_PAYMENT' | 'MERCHANT_REFUND';
  /** The order a payment was for, or the refund. */
  ref: string;
  /** What it added to (or took from) the wallet: a payment less its fee, a refund less the fee's share. */
  amountFen: number;
}

/** Lines one statement lists; a merchant busier than that reads the rest from its orders. */
export const MAX_STATEMENT_LINES = 1_000;
/** Pages of the wallet's postings one statement reads (settlements and returns count too). */
const MAX_STATEMENT_PAGES = 20;

/** A settlement's statement: the wallet's payments and refunds before its journal, back to the
 *  settlement before it that was paid (a returned one's money came back, so its window goes on). */
export async function statementLines(merchantId: string, settlementJournal: { createdAt: string; journalId: string }): Promise<{ lines: StatementLine[]; truncated: boolean }> {
  const { doc, tableName } = db();
  const accountId = walletAccountId(merchantId);
  const pk = keys.balance(accountId).PK;
  const lines: StatementLine[] = [];
  let returns = 0;
  let start: Record<string, unknown> | undefined = keys.posting(accountId, settlementJournal.createdAt, settlementJournal.journalId);
  for (let pages = 0; pages < MAX_STATEMENT_PAGES; pages++) {
    const page: QueryCommandOutput = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.postingPrefix },
        ExclusiveStartKey: start,
        ScanIndexForward: false,
        Limit: 200,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.kind === 'SETTLEMENT_RETURN') returns += 1;
      else if (item.kind === 'MERCHANT_SETTLEMENT') {
        if (returns === 0) return { lines, truncated: false };
        returns -= 1;
      } else if (item.kind === 'MERCHANT_PAYMENT' || item.kind === 'MERCHANT_REFUND') {
        if (lines.length === MAX_STATEMENT_LINES) return { lines, truncated: true };
        lines.push({ at: String(item.createdAt), kind: item.kind, ref: String(item.counterparty), amountFen: Number(item.amountFen) });
      }
    }
    if (!page.LastEvaluatedKey) return { lines, truncated: false };
    start = page.LastEvaluatedKey;
  }
  return { lines, truncated: true };
}
