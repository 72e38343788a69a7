// Customer events in the table, under the customer: keyed by kind and ref so a retried request
// stores its event once. Crediting a manager is the service's decision (services/customer-events.ts).
import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type CustomerEvent, isFunnelEventKind } from '../domain/customer-events.js';
import { assertFen } from '../domain/money.js';
import { businessDate } from '../domain/time.js';
import { db } from './client.js';
import { keys } from './keys.js';
import { type TransactItem, transactWrite } from './transact.js';

/** Far more than any funnel needs per customer; the query stops there. */
export const MAX_EVENTS_PER_CUSTOMER = 1000;

function eventItem(event: CustomerEvent): Record<string, unknown> {
  if (event.amountFen !== undefined) assertFen(event.amountFen, `${event.kind} event`);
  return { ...keys.customerEvent(event.customerId, event.kind, event.ref), type: 'CUSTOMER_EVENT', ...event };
}

/** Shards of the funnel's day index: no partition takes a whole day's sign-ups. */
export const FUNNEL_DAY_SHARDS = 16;
/** The day index outlives any close that reads it (a close reads back a week at most). */
const FUNNEL_DAY_TTL_DAYS = 35;

const funnelShard = (customerId: string): number => createHash('sha256').update(customerId).digest().readUInt32BE(0) % FUNNEL_DAY_SHARDS;

/** The funnel's day index entry of an event the dashboard counts (domain/dashboard/figures.ts): the same
 *  item for every event of one customer, kind and date, so it is written unconditionally. */
function funnelDayItem(event: CustomerEvent): TransactItem[] {
  if (!isFunnelEventKind(event.kind)) return [];
  const at = new Date(event.at);
  const item = {
    ...keys.funnelDay(businessDate(at), funnelShard(event.customerId), event.kind, event.customerId),
    type: 'FUNNEL_DAY',
    customerId: event.customerId,
    stage: event.kind,
    expiresAtEpoch: Math.floor(at.getTime() / 1000) + FUNNEL_DAY_TTL_DAYS * 86_400,
  };
  return [{ Put: { TableName: db().tableName, Item: item } }];
}

/** Stores the event once (a repeat is a no-op), with its funnel entry, in one round trip. */
export async function putCustomerEvent(event: CustomerEvent): Promise<void> {
  const { tableName } = db();
  // A refusal is the event already stored, with its entry: nothing to do.
  await transactWrite([{ Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(PK)' } }, ...funnelDayItem(event)]);
}

/** The writes that store the event, for the transaction of the step it records: that transaction
 *  is written once, so the event needs no condition of its own. */
export function customerEventItems(event: CustomerEvent): TransactItem[] {
  return [{ Put: { TableName: db().tableName, Item: eventItem(event) } }, ...funnelDayItem(event)];
}

export async function customerEvents(customerId: string): Promise<CustomerEvent[]> {
  const { doc, tableName } = db();
  const { Items } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customer(customerId).PK, ':prefix': keys.customerEventPrefix },
      ConsistentRead: true,
      Limit: MAX_EVENTS_PER_CUSTOMER,
    }),
  );
  return (Items ?? []).map(({ customerId: id, kind, at, ref, amountFen, product }) => ({
    customerId: id,
    kind,
    at,
    ref,
    ...(amountFen === undefined ? {} : { amountFen }),
    ...(product === undefined ? {} : { product }),
  })) as CustomerEvent[];
}
