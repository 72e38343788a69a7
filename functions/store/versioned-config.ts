// A configuration item kept as whole numbered versions (the anti-fraud rule set, the watch lists):
// read whole, and replaced only by a later version — applying an approved change twice, or seeding
// a bank whose data was changed since, changes nothing.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';

export interface VersionedConfig<T extends { version: number }> {
  name: 'RISK_RULES' | 'WATCH_LIST';
  /** The item's attribute that holds the value. */
  field: string;
  schema: z.ZodMiniType<T>;
  /** What a bank that never stored one has. */
  fallback: T;
}

export async function getVersionedConfig<T extends { version: number }>({ name, field, schema, fallback }: VersionedConfig<T>): Promise<T> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.config(name), ConsistentRead: true }));
  return Item ? schema.parse(Item[field]) : fallback;
}

export async function putVersionedConfig<T extends { version: number }>({ name, field, schema }: VersionedConfig<T>, value: T): Promise<void> {
  const { doc, tableName } = db();
  const parsed = schema.parse(value);
  await doc
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.config(name), type: name, [field]: parsed },
        ConditionExpression: 'attribute_not_exists(PK) OR #field.version < :version',
        ExpressionAttributeNames: { '#field': field },
        ExpressionAttributeValues: { ':version': parsed.version },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}
