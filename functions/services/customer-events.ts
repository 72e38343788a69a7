// Funnel events (signed up, verified, account opened, loan applied / approved / drawn, wealth
// purchased, bill paid): each capability records one after the step it records is stored. A
// customer served by a relationship manager has each event credited to the manager as well.
import type { CustomerEvent } from '../domain/customer-events.js';
import { putCustomerEvent } from '../store/customer-events.js';
import { getAttribution } from '../store/referrals.js';
import { creditEvents } from './rm-attribution.js';

export async function recordCustomerEvent(event: CustomerEvent): Promise<void> {
  await putCustomerEvent(event);
  // Read after the write: an attribution made at the same moment either is seen here or sees
  // this event in its backfill (creditEvents is idempotent either way).
  const attribution = await getAttribution(event.customerId);
  if (attribution) await creditEvents(attribution, [event]);
}
