// One conditional transaction: written whole, or refused whole by an item's condition.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client.js';
import { cancellationCodes, withContentionRetry } from './errors.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type TransactItem = TransactItems[number];

/** The item whose condition refused a transaction, and — when that item asked for it
 *  (ReturnValuesOnConditionCheckFailure: 'ALL_OLD') — its top-level string attributes as they
 *  were, so the caller can tell one cause of the refusal from another without reading again. */
export interface RefusedItem {
  index: number;
  old?: Record<string, string>;
}

/** Writes the items in one transaction, again on contention. Returns undefined when written, or
 *  the index of the first item whose condition refused it (then nothing was written). */
export async function transactWrite(items: TransactItems): Promise<number | undefined> {
  return (await transactWriteRefused(items))?.index;
}

/** As transactWrite, with the refused item's old attributes when it asked for them. */
export async function transactWriteRefused(items: TransactItems): Promise<RefusedItem | undefined> {
  const { doc } = db();
  try {
    await withContentionRetry(() => doc.send(new TransactWriteCommand({ TransactItems: items })));
    return undefined;
  } catch (error) {
    const index = cancellationCodes(error)?.indexOf('ConditionalCheckFailed') ?? -1;
    if (index < 0) throw error;
    return { index, old: oldStrings(error, index) };
  }
}

/** The refused item's string attributes from the cancellation reason (raw AttributeValues: the
 *  document client does not translate an error's contents). */
function oldStrings(error: unknown, index: number): Record<string, string> | undefined {
  const item = (error as { CancellationReasons?: { Item?: Record<string, { S?: unknown }> }[] }).CancellationReasons?.[index]?.Item;
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).flatMap(([name, value]) => (typeof value?.S === 'string' ? [[name, value.S]] : [])));
}
