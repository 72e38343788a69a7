// Attribution on open (see domain/rm/attribution.ts): when a device with recorded visits belongs
// to a customer — at sign-in, or at a visit on a device already signed in — the first touch
// within the window binds the customer to its manager, and what the customer did is credited to
// the manager from then on (earlier events are backfilled here).
import { config } from '../config.js';
import type { CustomerEvent } from '../domain/customer-events.js';
import { firstTouch, managerCredit, type Touch } from '../domain/rm/attribution.js';
import { logger } from '../platform/logger.js';
import { customerEvents } from '../store/customer-events.js';
import { attribute, type AttributionRecord, creditManager, deviceTouches, getAttribution, getShareLink, linkDevice } from '../store/referrals.js';
import { getStaff, getStaffMembers, type StaffRecord } from '../store/staff.js';

/** Touches that may still bind: the link is not revoked and its manager still active. */
async function usable(touches: Touch[]): Promise<Touch[]> {
  if (touches.length === 0) return [];
  const active = new Set((await getStaffMembers(touches.map((t) => t.staffId))).filter((s) => s.status === 'ACTIVE').map((s) => s.staffId));
  const kept: Touch[] = [];
  for (const touch of touches) {
    if (!active.has(touch.staffId)) continue;
    const link = await getShareLink(touch.code);
    if (link && !link.revokedAt) kept.push(touch);
  }
  return kept;
}

/**
 * Credits a customer's events to their manager. Both the event path (recordCustomerEvent) and the
 * attribution's backfill credit, and each writes before it reads the other's side strongly
 * consistent: an event recorded at the moment of attribution is credited by one of them, or both
 * (the writes are idempotent).
 */
export async function creditEvents(attribution: AttributionRecord, events: readonly CustomerEvent[]): Promise<void> {
  if (events.length > 0) await creditManager(attribution, managerCredit(attribution, events));
}

export async function attributeFromDevice(deviceId: string, customerId: string, now: Date): Promise<void> {
  const bound = (await getAttribution(customerId)) !== undefined;
  // A bound customer is never rebound: no need to read the touches at all.
  const touches = bound ? [] : await usable(await deviceTouches(deviceId));
  const touch = firstTouch(touches, now, config().RM_ATTRIBUTION_WINDOW_DAYS, bound);
  if (!touch) return;
  const record = await attribute(customerId, touch, now);
  // undefined: a concurrent request bound the customer first, and credits the events itself.
  if (record) await creditEvents(record, await customerEvents(customerId));
}

/**
 * At sign-in: the device is now this customer's, and its visits may bind them — unless another
 * customer signed in on it before: the visits were theirs (made before, or bound at once while
 * they were signed in), and one opening never brings two customers. Sign-in must not fail for a
 * referral: an error is logged, and the visits stay on the device for the next sign-in to retry.
 */
export async function linkDeviceAtSignIn(deviceId: string, customerId: string, now: Date): Promise<void> {
  try {
    const previous = await linkDevice(deviceId, customerId, now);
    if (previous === undefined || previous === customerId) await attributeFromDevice(deviceId, customerId, now);
  } catch (error) {
    logger.error('referral attribution at sign-in failed', { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) });
  }
}

/** The manager serving the customer, and since when; none once that manager has left. */
export async function relationshipManager(customerId: string): Promise<{ manager: StaffRecord; since: string } | undefined> {
  const attribution = await getAttribution(customerId);
  const manager = attribution ? await getStaff(attribution.staffId) : undefined;
  return attribution && manager?.status === 'ACTIVE' ? { manager, since: attribution.attributedAt } : undefined;
}
