// Products kept as data (loan and wealth products): each publication is a version, and one
// "current" item per product under the catalog's partition holds the version on sale.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { refuse } from '../domain/errors.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';

/** More products than any catalog of a small bank holds; the query stops there. */
export const MAX_CATALOG_PRODUCTS = 100;

/** Every product's current version in a catalog partition, checked against its schema. */
export async function currentCatalog<T>(partition: string, currentPrefix: string, schema: z.ZodMiniType<T>): Promise<T[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': currentPrefix },
      Limit: MAX_CATALOG_PRODUCTS,
    }),
  );
  return (Items ?? []).map((item) => schema.parse(item.product));
}

/** One product's current version, or undefined when there is none. */
export async function currentCatalogProduct<T>(key: { PK: string; SK: string }, schema: z.ZodMiniType<T>): Promise<T | undefined> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item ? schema.parse(Item.product) : undefined;
}

/** Who published a version through the console's maker-checker (services/change-requests.ts). */
export interface VersionProvenance {
  changeId: string;
  makerLogin: string;
  checkerLogin: string;
}

/** Stores a product's next version — refused when another publication took that number first —
 *  then makes it the one on sale. `kind` names the items (LOANPRODUCT_VERSION, …_CURRENT). */
export async function publishCatalogVersion(
  kind: 'LOANPRODUCT' | 'WEALTHPRODUCT',
  keys: { version: { PK: string; SK: string }; current: { PK: string; SK: string } },
  product: { version: number },
  now: Date,
  provenance?: VersionProvenance,
): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.version, type: `${kind}_VERSION`, product, publishedAt: now.toISOString(), ...provenance },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) refuse('conflict', 'PRODUCT_VERSION_EXISTS', '该产品版本已存在，请重试');
    throw error;
  }
  await makeCurrent(kind, keys.current, product);
}

/** Puts `product` on sale unless a later version is already: a publication finishing late never
 *  takes a newer version off sale. */
export async function makeCurrent(kind: 'LOANPRODUCT' | 'WEALTHPRODUCT', key: { PK: string; SK: string }, product: { version: number }): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, type: `${kind}_CURRENT`, product },
        ConditionExpression: 'attribute_not_exists(PK) OR #product.#version < :version',
        ExpressionAttributeNames: { '#product': 'product', '#version': 'version' },
        ExpressionAttributeValues: { ':version': product.version },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}
