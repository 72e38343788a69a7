// The bank's business date (营业日期): what loans, wealth orders and bills treat as "today". The
// day close moves it forward one day at a time; before the first close it is today in China.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { refuse } from '../domain/errors.js';
import { businessDate } from '../domain/time.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** The bank's business date: the one the day close last opened, or today in China before the
 *  first day close. */
export async function currentBusinessDate(now: Date): Promise<string> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.config('BUSINESS_DATE'), ConsistentRead: true }),
  );
  return Item ? String(Item.businessDate) : businessDate(now);
}

/** Sets the first business date, once; afterwards only the day close moves it. */
export async function initBusinessDate(date: string): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.config('BUSINESS_DATE'), type: 'CONFIG', businessDate: date },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** The write that moves the business date from `from` to `to` (a later date), conditional on
 *  `from` being in force — alone, or in a transaction with the audit entry that records it. */
export function businessDateChange(from: string, to: string): NonNullable<TransactItem['Put']> {
  if (to <= from) refuse('invalid', 'BUSINESS_DATE_BACKWARDS', '营业日期只能向后推进');
  return {
    TableName: db().tableName,
    Item: { ...keys.config('BUSINESS_DATE'), type: 'CONFIG', businessDate: to },
    ConditionExpression: 'attribute_not_exists(PK) OR businessDate = :from',
    ExpressionAttributeValues: { ':from': from },
  };
}

/** Moves the business date forward only, conditional on what it was. */
export async function setBusinessDate(from: string, to: string): Promise<void> {
  const change = businessDateChange(from, to);
  try {
    await db().doc.send(new PutCommand(change));
  } catch (error) {
    if (isConditionFailed(error)) refuse('conflict', 'BUSINESS_DATE_CHANGED', '营业日期已被修改，请重试');
    throw error;
  }
}
