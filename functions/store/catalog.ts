// Products kept as data (loan and wealth products): each publication is a version, and one
// "current" item per product under the catalog's partition holds the version on sale.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { db } from './client.js';

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
