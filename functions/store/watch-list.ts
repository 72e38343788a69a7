// The watch lists screened against (domain/name-screening.ts), held as one stored item: read
// whole at each screening, replaced whole by a newer version.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EMPTY_WATCH_LIST, type WatchList, WatchListSchema } from '../domain/name-screening.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';

/** The list in force (none when a bank never stored one). */
export async function getWatchList(): Promise<WatchList> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.config('WATCH_LIST'), ConsistentRead: true }));
  return Item ? WatchListSchema.parse(Item.watchList) : EMPTY_WATCH_LIST;
}

/** Puts a list in force unless one of its version or later already is. */
export async function putWatchList(watchList: WatchList): Promise<void> {
  const { doc, tableName } = db();
  const parsed = WatchListSchema.parse(watchList);
  await doc
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.config('WATCH_LIST'), type: 'WATCH_LIST', watchList: parsed },
        ConditionExpression: 'attribute_not_exists(PK) OR watchList.version < :version',
        ExpressionAttributeValues: { ':version': parsed.version },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}
