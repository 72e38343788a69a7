// The bank's business date (营业日期): what loans, wealth orders and bills treat as "today". The
// day close moves it forward one day at a time; before the first close it is today in China. The
// same item keeps the clock's offset on stages with clock control (platform/clock.ts), so the
// read that gives the business date gives the time too; every write here touches only its own
// attribute, so neither wipes the other.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { refuse } from '../domain/errors.js';
import { businessDate } from '../domain/time.js';
import { clockTime } from '../platform/clock.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** The business date, and the bank's time when the wall clock reads `wallNow`. */
export interface BankDay {
  businessDate: string;
  /** The wall clock, or on a stage with clock control the clock as operators set it. */
  now: Date;
}

/** The business date and the bank's time, in one read. */
export async function bankDay(wallNow: Date): Promise<BankDay> {
  const { doc, tableName } = db();
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.config('BUSINESS_DATE'), ConsistentRead: true }));
  // Production never reads an offset, whatever the item holds: its clock is the wall clock.
  const now = config().ALLOW_CLOCK_CONTROL && typeof Item?.clockOffsetMs === 'number' ? clockTime(wallNow, Item.clockOffsetMs) : wallNow;
  return { businessDate: typeof Item?.businessDate === 'string' ? Item.businessDate : businessDate(now), now };
}

/** The bank's business date: the one the day close last opened, or today in China before the
 *  first day close. */
export async function currentBusinessDate(now: Date): Promise<string> {
  return (await bankDay(now)).businessDate;
}

/** Sets the first business date, once; afterwards only the day close moves it. */
export async function initBusinessDate(date: string): Promise<void> {
  const { doc, tableName } = db();
  await doc
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.config('BUSINESS_DATE'),
        UpdateExpression: 'SET #type = :type, businessDate = :date',
        ConditionExpression: 'attribute_not_exists(businessDate)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'CONFIG', ':date': date },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailed(error)) throw error;
    });
}

/** The write that moves the business date from `from` to `to` (a later date), conditional on
 *  `from` being in force — alone, or in a transaction with the audit entry that records it. */
export function businessDateChange(from: string, to: string): NonNullable<TransactItem['Update']> {
  if (to <= from) refuse('invalid', 'BUSINESS_DATE_BACKWARDS', '营业日期只能向后推进');
  return {
    TableName: db().tableName,
    Key: keys.config('BUSINESS_DATE'),
    UpdateExpression: 'SET #type = :type, businessDate = :to',
    ConditionExpression: 'attribute_not_exists(businessDate) OR businessDate = :from',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':type': 'CONFIG', ':from': from, ':to': to },
  };
}

/** Moves the business date forward only, conditional on what it was. */
export async function setBusinessDate(from: string, to: string): Promise<void> {
  const change = businessDateChange(from, to);
  try {
    await db().doc.send(new UpdateCommand(change));
  } catch (error) {
    if (isConditionFailed(error)) refuse('conflict', 'BUSINESS_DATE_CHANGED', '营业日期已被修改，请重试');
    throw error;
  }
}

/** Sets the clock's offset from the wall clock (0: the wall clock again). Stages with clock
 *  control only: the service checks. */
export async function setClockOffset(offsetMs: number): Promise<void> {
  const { doc, tableName } = db();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.config('BUSINESS_DATE'),
      UpdateExpression: 'SET #type = :type, clockOffsetMs = :offset',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'CONFIG', ':offset': offsetMs },
    }),
  );
}
