// The open platform's partners and their merchants. A partner's merchants live in the partner's
// own partition, so a request names a merchant only together with the partner that signed it:
// another partner's merchant id reads nothing at all.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reserveAccountId, walletAccountId } from '../domain/open/journals.js';
import { MAX_MERCHANTS_PER_PARTNER, type Merchant, MERCHANT_PAGE_SIZE } from '../domain/open/merchant.js';
import { MAX_PARTNERS, type Partner, partnerSchema } from '../domain/open/partner.js';
import { NONCE_MEMORY_SECONDS } from '../domain/open/signature.js';
import { batchGetItems, itemWithKey } from './batch-get.js';
import { db } from './client.js';
import { merchantListingItems } from './community-merchants.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { partitionPage } from './partition-page.js';
import { type TransactItem, transactWrite } from './transact.js';

export interface PartnerRecord {
  partner: Partner;
  updatedAt: string;
  /** The console change that made it so (absent for the seeded sandbox partner). */
  changeId?: string;
}

const partnerRecord = (item: Record<string, unknown>): PartnerRecord => ({
  partner: partnerSchema.parse(item.partner),
  updatedAt: String(item.updatedAt),
  ...(typeof item.changeId === 'string' ? { changeId: item.changeId } : {}),
});

export async function getPartnerRecord(partnerId: string): Promise<PartnerRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.partner(partnerId), ConsistentRead: true }));
  return Item ? partnerRecord(Item) : undefined;
}

/** Every partner: one Query of the partners' partition. */
export async function partnerRecords(): Promise<PartnerRecord[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.partner('x').PK, ':prefix': keys.partnerPrefix },
      Limit: MAX_PARTNERS,
    }),
  );
  return (Items ?? []).map(partnerRecord);
}

/** Creates or replaces a partner as an approved change made it, its reserve account open. */
export async function putPartner(partner: Partner, changeId: string, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.partner(partner.partnerId), type: 'PARTNER', partner, changeId, updatedAt: now.toISOString() } }));
  await openReserve(partner.partnerId);
}

/** The partner's reserve account (保证金) at zero, opened once: deposits and refunds post to it. */
async function openReserve(partnerId: string): Promise<void> {
  const { doc, tableName } = db();
  const accountId = reserveAccountId(partnerId);
  await doc
    .send(new PutCommand({ TableName: tableName, Item: { ...keys.balance(accountId), type: 'RESERVE', accountId, partnerId, status: 'ACTIVE', balanceFen: 0 }, ConditionExpression: 'attribute_not_exists(PK)' }))
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** The balance of the partner's reserve (0 before it is opened). */
export async function reserveBalanceFen(partnerId: string): Promise<number> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.balance(reserveAccountId(partnerId)), ConsistentRead: true }));
  return Number(Item?.balanceFen ?? 0);
}

/** Seeds the sandbox partner the first time only (later edits are console changes), its reserve
 *  account open. */
export async function seedPartner(partner: Partner, now: Date): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.partner(partner.partnerId), type: 'PARTNER', partner, updatedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
  await openReserve(partner.partnerId);
}

/** Spends a signed request's nonce; false when the partner used it before (a replay). */
export async function spendPartnerNonce(partnerId: string, nonce: string, now: Date): Promise<boolean> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.partnerNonce(partnerId, nonce), type: 'OPEN_NONCE', expiresAtEpoch: Math.ceil(now.getTime() / 1000) + NONCE_MEMORY_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Counts a request in the partner's current minute; false when the minute's limit was reached
 *  (the refused request is not counted). */
export async function countPartnerRequest(partnerId: string, limitPerMinute: number, now: Date): Promise<boolean> {
  const { doc, tableName } = db();
  const minute = now.toISOString().slice(0, 16);
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.partnerRate(partnerId, minute),
        UpdateExpression: 'ADD requests :one SET expiresAtEpoch = if_not_exists(expiresAtEpoch, :expires)',
        ConditionExpression: 'attribute_not_exists(requests) OR requests < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limitPerMinute, ':expires': Math.ceil(now.getTime() / 1000) + 180 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** What the partner has used of its limits: requests in the current minute, merchants brought, and
 *  its reserve's balance. */
export async function partnerUsage(partnerId: string, now: Date): Promise<{ requestsThisMinute: number; merchants: number; reserveFen: number }> {
  const items = await batchGetItems([keys.partnerRate(partnerId, now.toISOString().slice(0, 16)), keys.merchantCount(partnerId), keys.balance(reserveAccountId(partnerId))]);
  return {
    requestsThisMinute: Number(itemWithKey(items, keys.partnerRate(partnerId, now.toISOString().slice(0, 16)))?.requests ?? 0),
    merchants: Number(itemWithKey(items, keys.merchantCount(partnerId))?.merchants ?? 0),
    reserveFen: Number(itemWithKey(items, keys.balance(reserveAccountId(partnerId)))?.balanceFen ?? 0),
  };
}

/** What is stored of a merchant: as shown, and the settlement account's number sealed. */
export interface MerchantRecord {
  merchant: Merchant;
  settlementAccountNumberSealed: string;
  /** The maker-checker change that decided it (absent while it waits). */
  reviewChangeId?: string;
}

const merchantFields = (item: Record<string, unknown>): MerchantRecord => ({
  merchant: item.merchant as Merchant,
  settlementAccountNumberSealed: String(item.settlementAccountNumberSealed),
  ...(typeof item.reviewChangeId === 'string' ? { reviewChangeId: item.reviewChangeId } : {}),
});

/** Writes a proposed merchant, counted against the partner's limit and with its out-merchant
 *  number held; or says which of the two refused it. */
export async function putProposedMerchant(record: MerchantRecord): Promise<'written' | 'too_many' | 'number_taken'> {
  const { tableName } = db();
  const { merchant } = record;
  const refused = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.merchantCount(merchant.partnerId),
        UpdateExpression: 'ADD merchants :one',
        ConditionExpression: 'attribute_not_exists(merchants) OR merchants < :max',
        ExpressionAttributeValues: { ':one': 1, ':max': MAX_MERCHANTS_PER_PARTNER },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.outMerchantNo(merchant.partnerId, merchant.outMerchantNo), type: 'OUT_MERCHANT_NO', merchantId: merchant.merchantId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.merchant(merchant.partnerId, merchant.merchantId), type: 'MERCHANT', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: tableName, Item: { ...reviewKey(merchant), type: 'MERCHANT_REVIEW', partnerId: merchant.partnerId, merchantId: merchant.merchantId } } },
  ]);
  return refused === undefined ? 'written' : refused === 0 ? 'too_many' : 'number_taken';
}

const reviewKey = (merchant: Merchant) => keys.merchantReview(merchant.proposedAt, merchant.partnerId, merchant.merchantId);

/** The bank's decision on a merchant waiting for it: its status and note, its place in the review
 *  queue given up and, approved, its wallet opened and its listing written, in one transaction; false when it was no longer
 *  waiting. */
export async function decideMerchant(merchant: Merchant, status: 'ACTIVE' | 'REJECTED', reviewNote: string, changeId: string, now: Date): Promise<boolean> {
  const { tableName } = db();
  const refused = await transactWrite([
    {
      Update: {
        TableName: tableName,
        Key: keys.merchant(merchant.partnerId, merchant.merchantId),
        UpdateExpression: 'SET merchant.#status = :status, merchant.reviewNote = :note, reviewChangeId = :changeId, reviewedAt = :now',
        ConditionExpression: 'merchant.#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':note': reviewNote, ':changeId': changeId, ':now': now.toISOString(), ':pending': 'PENDING_REVIEW' },
      },
    },
    { Delete: { TableName: tableName, Key: reviewKey(merchant) } },
    // An approved merchant's wallet opens with the approval, and customers find it in its
    // community's listing: it can take a payment from then on.
    ...(status === 'ACTIVE' ? [openWalletItem(merchant), ...merchantListingItems(merchant)] : []),
  ]);
  return refused === undefined;
}

/** The merchant's wallet account at zero (domain/open/journals.ts), opened once. */
function openWalletItem(merchant: Merchant): TransactItem {
  const accountId = walletAccountId(merchant.merchantId);
  return {
    Put: {
      TableName: db().tableName,
      Item: { ...keys.balance(accountId), type: 'WALLET', accountId, merchantId: merchant.merchantId, partnerId: merchant.partnerId, status: 'ACTIVE', balanceFen: 0 },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** The merchants waiting for the bank's review, oldest first, a page after the queue key a cursor
 *  names. */
export async function merchantReviewPage(afterKey: string | undefined, limit: number): Promise<{ entries: { partnerId: string; merchantId: string; queueKey: string }[]; lastKey: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({ partition: keys.merchantReviewPartition, afterSortKey: afterKey, limit, newestFirst: false });
  return { entries: items.map((item) => ({ partnerId: String(item.partnerId), merchantId: String(item.merchantId), queueKey: String(item.SK) })), lastKey: lastSortKey };
}

export async function getMerchant(partnerId: string, merchantId: string): Promise<MerchantRecord | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.merchant(partnerId, merchantId), ConsistentRead: true }));
  return Item ? merchantFields(Item) : undefined;
}

/** A page of the partner's merchants by id, after the merchant id a cursor names. */
export async function merchantPage(partnerId: string, afterMerchantId: string | undefined): Promise<{ merchants: Merchant[]; lastMerchantId: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({
    partition: keys.merchantPartition(partnerId),
    prefix: keys.merchantPrefix,
    afterSortKey: afterMerchantId ? keys.merchant(partnerId, afterMerchantId).SK : undefined,
    limit: MERCHANT_PAGE_SIZE,
    newestFirst: false,
  });
  return { merchants: items.map((item) => merchantFields(item).merchant), lastMerchantId: lastSortKey?.slice(keys.merchantPrefix.length) };
}
