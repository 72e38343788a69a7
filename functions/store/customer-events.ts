// Customer events in the table, under the customer: keyed by kind and ref so a retried request
// stores its event once. Crediting a manager is the service's decision (services/customer-events.ts).
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomerEvent } from '../domain/customer-events.js';
import { assertFen } from '../domain/money.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';

/** Far more than any funnel needs per customer; the query stops there. */
export const MAX_EVENTS_PER_CUSTOMER = 1000;

/** Stores the event once (a repeat is a no-op). */
export async function putCustomerEvent(event: CustomerEvent): Promise<void> {
  if (event.amountFen !== undefined) assertFen(event.amountFen, `${event.kind} event`);
  const { doc, tableName } = db();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.customerEvent(event.customerId, event.kind, event.ref), type: 'CUSTOMER_EVENT', ...event },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
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
