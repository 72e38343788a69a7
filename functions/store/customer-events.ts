// Customer events in the table, under the customer: written after the step they record has been
// stored, keyed by kind and ref so a retried request records its event once. A customer served by
// a relationship manager has each event credited to the manager as well (store/referrals.ts).
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomerEvent } from '../domain/customer-events.js';
import { assertFen } from '../domain/money.js';
import { db } from './client.js';
import { isConditionFailed } from './errors.js';
import { keys } from './keys.js';
import { creditEvents, getAttribution } from './referrals.js';

/** Far more than any funnel needs per customer; the query stops there. */
export const MAX_EVENTS_PER_CUSTOMER = 1000;

export async function recordCustomerEvent(event: CustomerEvent): Promise<void> {
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
  // Read after the write: an attribution made at the same moment either is seen here or sees
  // this event in its backfill (creditEvents is idempotent either way).
  const attribution = await getAttribution(event.customerId);
  if (attribution) await creditEvents(attribution, [event]);
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
