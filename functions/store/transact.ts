// One conditional transaction: written whole, or refused whole by an item's condition.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactItem = TransactItems[number];

/** Writes the items in one transaction, again on contention. Returns undefined when written, or
 *  the index of the first item whose condition refused it (then nothing was written). */
export async function transactWrite(items: TransactItems): Promise<number | undefined> {
  const { doc } = db();
  try {
    await withContentionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: items })));
    return undefined;
  } catch (error) {
    const refusedAt = cancellationCodes(error)?.indexOf('ConditionalCheckFailed') ?? -1;
    if (refusedAt < 0) throw error;
    return refusedAt;
  }
}
