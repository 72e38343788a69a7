// Loans in the table: published products, the LPR and business date, applications with their
// decisions, credit lines, drawn loans and payoff quotes. Loan state changes go through the
// ledger's transaction (as guards) so money and schedule never disagree.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import type { LoanDecision, LoanApplication, BureauReport } from '../domain/loan/decision.js';
import type { PayoffQuote } from '../domain/loan/payoff.js';
import { type LoanProduct, loanProductSchema, type RiskGrade } from '../domain/loan/product.js';
import { ONE_YEAR_LPR_BPS } from '../domain/loan/pricing.js';
import type { LoanState } from '../domain/loan/state.js';
import { batchGetItems } from './batch-get.js';
import { currentCatalog, currentCatalogProduct, makeCurrent, MAX_CATALOG_PRODUCTS, publishCatalogVersion, type VersionProvenance } from './catalog.js';
import { db } from './client.js';
import { shardPartitions, walkPartitions } from './index-walk.js';
import { transactWrite } from './transact.js';
import type { Guard } from './ledger.js';
import { keys } from './keys.js';

export const ACTIVE_LOAN_SHARDS = 16;
const MAX_LOANS_PER_CUSTOMER = 100;

/** One item, read consistently (a decision or a money movement follows on what it says). */
async function getItem(key: { PK: string; SK: string }): Promise<Record<string, unknown> | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item;
}

// ---- configuration: the LPR ---------------------------------------------------

export async function oneYearLprBps(): Promise<number> {
  const item = await getItem(keys.config('LPR'));
  return item ? Number(item.oneYearLprBps) : ONE_YEAR_LPR_BPS;
}

export async function setOneYearLprBps(oneYearLprBps: number, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({ TableName: tableName, Item: { ...keys.config('LPR'), type: 'CONFIG', oneYearLprBps, updatedAt: now.toISOString() } }),
  );
}

// ---- products ------------------------------------------------------------------------------

export async function currentProducts(): Promise<LoanProduct[]> {
  return currentCatalog('LOANPRODUCT', keys.loanProductCurrentPrefix, loanProductSchema);
}

export async function currentProduct(productId: string): Promise<LoanProduct | undefined> {
  return currentCatalogProduct(keys.loanProductCurrent(productId), loanProductSchema);
}

export async function productVersion(productId: string, version: number): Promise<LoanProduct | undefined> {
  const item = await getItem(keys.loanProductVersion(productId, version));
  return item ? loanProductSchema.parse(item.product) : undefined;
}

/** Publishes `product` as the next version; versions are immutable, so a drawn loan can always
 *  show the terms it was signed under. */
export async function publishProduct(product: Omit<LoanProduct, 'version'>, now: Date, provenance?: VersionProvenance): Promise<LoanProduct> {
  const previous = await currentProduct(product.productId);
  const published = { ...product, version: (previous?.version ?? 0) + 1 };
  const itemKeys = { version: keys.loanProductVersion(published.productId, published.version), current: keys.loanProductCurrent(published.productId) };
  await publishCatalogVersion('LOANPRODUCT', itemKeys, published, now, provenance);
  return published;
}

export interface ProductVersionRecord {
  product: LoanProduct;
  publishedAt: string;
  /** Set when the version was published through the console's maker-checker. */
  provenance?: VersionProvenance;
}

/** A product's versions, newest first, at most `limit`. */
export async function productVersions(productId: string, limit: number): Promise<ProductVersionRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': 'LOANPRODUCT', ':prefix': keys.loanProductVersionPrefix(productId) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: Math.min(limit, MAX_CATALOG_PRODUCTS),
    }),
  );
  return (Items ?? []).map((item) => ({
    product: loanProductSchema.parse(item.product),
    publishedAt: String(item.publishedAt),
    ...(item.changeId ? { provenance: { changeId: String(item.changeId), makerLogin: String(item.makerLogin), checkerLogin: String(item.checkerLogin) } } : {}),
  }));
}

/** When each of the given versions was published (one batch read; versions not there are left
 *  out), keyed `<productId>#<version>`. */
export async function versionsPublishedAt(versions: readonly { productId: string; version: number }[]): Promise<Map<string, string>> {
  const items = await batchGetItems(versions.map(({ productId, version }) => keys.loanProductVersion(productId, version)));
  return new Map(items.map((item) => {
    const { productId, version } = item.product as { productId: string; version: number };
    return [`${productId}#${version}`, String(item.publishedAt)];
  }));
}

/** Puts a published version on sale unless a later one already is. */
export async function putProductOnSale(product: LoanProduct): Promise<void> {
  await makeCurrent('LOANPRODUCT', keys.loanProductCurrent(product.productId), product);
}

// ---- applications and credit lines ------------------------------------------------------------

export interface ApplicationRecord {
  applicationId: string;
  customerId: string;
  createdAt: string;
  productId: string;
  productVersion: number;
  application: LoanApplication;
  bureauReport: BureauReport;
  decision: LoanDecision;
  lprBps: number;
  consent: { textVersion: string; agreedAt: string };
}

export interface CreditLineRecord {
  customerId: string;
  productId: string;
  productVersion: number;
  applicationId: string;
  grade: RiskGrade;
  creditLimitFen: number;
  usedFen: number;
  /** creditLimitFen − usedFen, kept on the item because a condition cannot do arithmetic. */
  availableFen: number;
  annualRateBps: number;
  lineExpiresOn: string;
}

export async function latestApplication(customerId: string, productId: string): Promise<ApplicationRecord | undefined> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: 'productId = :product',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.loanApplicationPrefix, ':product': productId },
      ScanIndexForward: false,
      ConsistentRead: true,
    }),
  );
  return Items?.[0] as ApplicationRecord | undefined;
}

/** Stores the application with its inputs, bureau report and decision (for audit and replay),
 *  and on approval the credit line it grants, replacing an older line of the same product. */
/** Writes the application and, when approved, its credit line, in one transaction. The line is
 *  written only over the line that was read (`usedFenRead`, undefined: none): a drawdown or
 *  repayment that moved the line meanwhile makes this return false and write nothing. */
export async function saveApplication(record: ApplicationRecord, line: CreditLineRecord | undefined, usedFenRead: number | undefined): Promise<boolean> {
  const { tableName } = db();
  const refusedAt = await transactWrite([
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.loanApplication(record.customerId, record.createdAt, record.applicationId), type: 'LOAN_APPLICATION', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...(line
      ? [
          {
            Put: {
              TableName: tableName,
              Item: { ...keys.creditLine(line.customerId, line.productId), type: 'CREDIT_LINE', ...line },
              ...(usedFenRead === undefined
                ? { ConditionExpression: 'attribute_not_exists(PK)' }
                : { ConditionExpression: 'usedFen = :usedFenRead', ExpressionAttributeValues: { ':usedFenRead': usedFenRead } }),
            },
          },
        ]
      : []),
  ]);
  if (refusedAt === 0) throw new Error(`loan application ${record.applicationId} already stored`);
  return refusedAt === undefined;
}

/** The items under a customer's partition whose sort key starts with `prefix`, in key order. */
async function customerItems<T>(customerId: string, prefix: string, limit: number): Promise<T[]> {
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
  return (Items ?? []) as T[];
}

export async function creditLine(customerId: string, productId: string): Promise<CreditLineRecord | undefined> {
  return (await getItem(keys.creditLine(customerId, productId))) as CreditLineRecord | undefined;
}

export async function creditLines(customerId: string): Promise<CreditLineRecord[]> {
  // One line per product at most.
  return customerItems(customerId, keys.creditLinePrefix, MAX_CATALOG_PRODUCTS);
}

/** Guard: the line has room for `amountFen` more (or gives back room when negative). */
export function creditLineUseGuard(customerId: string, productId: string, amountFen: number): Guard {
  const { tableName } = db();
  return {
    name: 'CREDIT_LINE',
    item: {
      Update: {
        TableName: tableName,
        Key: keys.creditLine(customerId, productId),
        UpdateExpression: 'ADD usedFen :amount, availableFen :back',
        ConditionExpression: amountFen > 0 ? 'availableFen >= :amount' : 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':amount': amountFen, ':back': -amountFen },
      },
    },
  };
}

// ---- loans ---------------------------------------------------------------------------------

export interface LoanRecord {
  loanId: string;
  contractNo: string;
  drawdownJournalId: string;
  customerId: string;
  accountId: string;
  productId: string;
  productName: string;
  productVersion: number;
  disclosureVersion: string;
  /** The loan contract text the borrower agreed to (domain/loan/contract-text.ts), at signedAt;
   *  absent on loans drawn before the text was published. */
  contractTextVersion?: string;
  /** Periods in the schedule as it stands: the term drawn, changed by 缩短期限 and deferrals. */
  termMonths: number;
  annualizedRateBps: number;
  annualizedRateDisplay: string;
  signedAt: string;
  status: 'ACTIVE' | 'PAID_OFF';
  /** Bumped by every change; each change is conditional on the version it read. */
  version: number;
  state: LoanState;
}

export function activeLoanShard(loanId: string): number {
  return createHash('sha256').update(loanId).digest().readUInt32BE(0) % ACTIVE_LOAN_SHARDS;
}

/** Guards that create the loan (once: its id derives from the request) and list it as active. */
export function newLoanGuards(loan: LoanRecord): Guard[] {
  const { tableName } = db();
  return [
    {
      name: 'LOAN_EXISTS',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.loan(loan.customerId, loan.loanId), type: 'LOAN', ...loan },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
    {
      name: 'ACTIVE_INDEX',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.activeLoan(activeLoanShard(loan.loanId), loan.loanId), type: 'ACTIVE_LOAN', customerId: loan.customerId },
        },
      },
    },
  ];
}

/** Guards that replace the loan's state if nobody changed it since `previous` was read; `note`
 *  says what changed, for a change that moves no money. */
export function loanChangeGuards(previous: LoanRecord, next: LoanRecord, note?: Record<string, string>): Guard[] {
  const { tableName } = db();
  const guards: Guard[] = [
    {
      name: 'LOAN_CHANGED',
      item: {
        Put: {
          TableName: tableName,
          Item: { ...keys.loan(next.customerId, next.loanId), type: 'LOAN', ...next, version: previous.version + 1, ...(note ? { lastChange: note } : {}) },
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': previous.version },
        },
      },
    },
  ];
  if (next.status === 'PAID_OFF') {
    guards.push({
      name: 'ACTIVE_INDEX',
      item: { Delete: { TableName: tableName, Key: keys.activeLoan(activeLoanShard(next.loanId), next.loanId) } },
    });
  }
  return guards;
}

/** A change that moves no money (a deferral, penalty accrued by the day close): the same version
 *  check, in one transaction with the caller's guards (a deferral's second factor). Answers the
 *  name of the guard that refused — LOAN_CHANGED when the loan changed since `previous` was
 *  read — or undefined when written. */
export async function saveLoanChange(previous: LoanRecord, next: LoanRecord, note: Record<string, string>, guards: Guard[] = []): Promise<string | undefined> {
  const all = [...loanChangeGuards(previous, next, note), ...guards];
  const refusedAt = await transactWrite(all.map((guard) => guard.item));
  return refusedAt === undefined ? undefined : all[refusedAt]!.name;
}

export async function getLoan(customerId: string, loanId: string): Promise<LoanRecord | undefined> {
  return (await getItem(keys.loan(customerId, loanId))) as LoanRecord | undefined;
}

export async function customerLoans(customerId: string): Promise<LoanRecord[]> {
  return customerItems(customerId, keys.loanPrefix, MAX_LOANS_PER_CUSTOMER);
}

/** Every active loan as (customer, loan) pairs, shard by shard, page by page. */
export async function* activeLoans(): AsyncGenerator<{ customerId: string; loanId: string }> {
  for await (const item of walkPartitions(shardPartitions(ACTIVE_LOAN_SHARDS, keys.activeLoanShard))) {
    yield { customerId: String(item.customerId), loanId: String(item.SK) };
  }
}

// ---- payoff quotes -------------------------------------------------------------------------

export async function savePayoffQuote(customerId: string, loanId: string, quote: PayoffQuote): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.payoffQuote(customerId, loanId),
        type: 'PAYOFF_QUOTE',
        quote,
        expiresAtEpoch: Math.floor(new Date(quote.validUntil).getTime() / 1000) + 3600,
      },
    }),
  );
}

export async function payoffQuote(customerId: string, loanId: string): Promise<PayoffQuote | undefined> {
  return (await getItem(keys.payoffQuote(customerId, loanId)))?.quote as PayoffQuote | undefined;
}

export async function deletePayoffQuote(customerId: string, loanId: string): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.payoffQuote(customerId, loanId) }));
}

/** Seeds a product the first time only; later edits go through publishProduct. */
export async function seedProduct(product: LoanProduct, now: Date): Promise<void> {
  if (!(await currentProduct(product.productId))) await publishProduct(product, now);
}

