// Customer events in the table, under the customer: keyed by kind and ref so a retried request
// stores its event once. Crediting a manager is the service's decision (services/customer-events.ts).
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomerEvent } from '../domain/customer-events.js';
import { assertFen } from '../domain/money.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** Far more than any funnel needs per customer; the query stops there. */
export const MAX_EVENTS_PER_CUSTOMER = 1000;

function eventItem(event: CustomerEvent): Record<string, unknown> {
  if (event.amountFen !== undefined) assertFen(event.amountFen, `${event.kind} event`);
  return { ...keys.customerEvent(event.customerId, event.kind, event.ref), type: 'CUSTOMER_EVENT', ...event };
}

/** Stores the event once (a repeat is a no-op). */
export async function putCustomerEvent(event: CustomerEvent): Promise<void> {
  const { doc, tableName } = db();
  try {
    await doc.send(new PutCommand({ TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(PK)' }));
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** The write that stores the event, for the transaction of the step it records: that transaction
 *  is written once, so the event needs no condition of its own. */
export function customerEventItem(event: CustomerEvent): TransactItem {
  return { Put: { TableName: db().tableName, Item: eventItem(event) } };
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
