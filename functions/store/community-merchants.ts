// The community listing of approved merchants (社区生活): where customers find them, by community
// and category, and which partner a merchant belongs to when a static code (收款码) names only the
// merchant. Written with the approval (store/partners.ts decideMerchant), so a merchant is listed
// exactly when it may take payments.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Merchant, MerchantCategory } from '../domain/open/merchant.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { partitionPage } from './partition-page.js';
import type { TransactItem } from './transact.js';

/** The approval's listing writes: the merchant's line, its partner reference, its community counted. */
export function merchantListingItems(merchant: Merchant): TransactItem[] {
  const { tableName } = db();
  const { cityCode, name: community } = merchant.community;
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.merchantListing(cityCode, community, merchant.category, merchant.merchantId),
          type: 'MERCHANT_LISTING',
          merchantId: merchant.merchantId,
          shortName: merchant.shortName,
          category: merchant.category,
          communityName: community,
        },
      },
    },
    { Put: { TableName: tableName, Item: { ...keys.merchantRef(merchant.merchantId), type: 'MERCHANT_REF', partnerId: merchant.partnerId } } },
    {
      Update: {
        TableName: tableName,
        Key: keys.community(cityCode, community),
        UpdateExpression: 'SET #type = :type, cityCode = :city, #name = :name ADD merchantCount :one',
        ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
        ExpressionAttributeValues: { ':type': 'COMMUNITY', ':city': cityCode, ':name': community, ':one': 1 },
      },
    },
  ];
}

/** The partner of an approved merchant; undefined for a merchant never approved. */
export async function partnerOfMerchant(merchantId: string): Promise<string | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.merchantRef(merchantId) }));
  return typeof Item?.partnerId === 'string' ? Item.partnerId : undefined;
}

export interface CommunityLine {
  cityCode: string;
  name: string;
  merchantCount: number;
}

/** The communities with approved merchants, by city code then name, at most `limit`. */
export async function communities(limit: number): Promise<CommunityLine[]> {
  const { items } = await partitionPage({ partition: keys.communityPartition, afterSortKey: undefined, limit, newestFirst: false });
  return items.map((item) => ({ cityCode: String(item.cityCode), name: String(item.name), merchantCount: Number(item.merchantCount) }));
}

export interface ListedMerchant {
  merchantId: string;
  shortName: string;
  category: MerchantCategory;
  communityName: string;
}

/** A page of a community's merchants (of one category, if named), after the sort key a cursor names. */
export async function communityMerchantPage(
  place: { cityCode: string; community: string; category: MerchantCategory | undefined },
  afterSortKey: string | undefined,
  limit: number,
): Promise<{ merchants: ListedMerchant[]; lastSortKey: string | undefined }> {
  const { items, lastSortKey } = await partitionPage({
    partition: keys.merchantListingPartition(place.cityCode, place.community),
    prefix: place.category ? `${place.category}#` : undefined,
    afterSortKey,
    limit,
    newestFirst: false,
  });
  return {
    merchants: items.map((item) => ({
      merchantId: String(item.merchantId),
      shortName: String(item.shortName),
      category: item.category as MerchantCategory,
      communityName: String(item.communityName),
    })),
    lastSortKey,
  };
}
