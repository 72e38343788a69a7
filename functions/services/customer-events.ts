// Funnel events (signed up, verified, account opened, loan applied / approved / drawn, wealth
// purchased, bill paid): each capability records one in the transaction of the step it records,
// or once that step is stored. A customer served by a relationship manager has each event
// credited to the manager as well.
import type { CustomerEvent } from '../domain/customer-events.js';
import { customerEventItems, putCustomerEvent } from '../store/customer-events.js';
import type { Guard } from '../store/ledger.js';
import { getAttribution } from '../store/referrals.js';
import { creditEvents } from './rm-attribution.js';

export async function recordCustomerEvent(event: CustomerEvent): Promise<void> {
  await putCustomerEvent(event);
  await creditRecordedEvent(event);
}

/** The event (and its funnel entry) as writes of the transaction that does the step it records (a
 *  round trip fewer than recording it after); `creditRecordedEvent` once that transaction is written. */
export const customerEventGuards = (event: CustomerEvent): Guard[] => customerEventItems(event).map((item) => ({ name: 'CUSTOMER_EVENT', item }));

/** Credits a stored event to the customer's manager, if any. */
export async function creditRecordedEvent(event: CustomerEvent): Promise<void> {
  // Read after the write: an attribution made at the same moment either is seen here or sees
  // this event in its backfill (creditEvents is idempotent either way).
  const attribution = await getAttribution(event.customerId);
  if (attribution) await creditEvents(attribution, [event]);
}
