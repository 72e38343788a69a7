// First-touch attribution. WeChat says nothing when a share succeeds, so a referral is known only
// when its recipient opens the link: the visit is recorded against the device, and when a customer
// is linked to the device (at sign-in, or at once when the device is already theirs) the earliest
// visit within the window binds the customer to that link's manager. Once bound, never rebound:
// later codes are kept as visits only.
import type { CustomerEvent, CustomerEventKind } from '../customer-events.js';
import { isMoneyKind, type MoneyEvent } from './funnel.js';
import type { ShareProduct } from './product.js';

export const MAX_ATTRIBUTION_WINDOW_DAYS = 365;

/** A recorded opening of a share link. */
export interface Touch {
  code: string;
  staffId: string;
  product: ShareProduct;
  campaign: string | null;
  /** ISO time of the first opening of this code on the device. */
  at: string;
}

/**
 * The touch that binds a customer linked at `linkedAt`, or undefined: none when the customer is
 * already bound (no rebind), otherwise the earliest touch no older than the window (ties: the
 * smaller code, so the answer never depends on read order). Touches after `linkedAt` are not
 * considered: they happened after the moment being decided.
 */
export function firstTouch(touches: readonly Touch[], linkedAt: Date, windowDays: number, alreadyBound: boolean): Touch | undefined {
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_ATTRIBUTION_WINDOW_DAYS) {
    throw new Error(`attribution window out of range: ${windowDays}`);
  }
  if (alreadyBound) return undefined;
  const latest = linkedAt.getTime();
  const earliest = latest - windowDays * 86_400_000;
  let best: Touch | undefined;
  for (const touch of touches) {
    const at = new Date(touch.at).getTime();
    if (Number.isNaN(at) || at < earliest || at > latest) continue;
    if (!best || touch.at < best.at || (touch.at === best.at && touch.code < best.code)) best = touch;
  }
  return best;
}

/** Whether an event of the customer counts towards the manager's money figures: only what the
 *  customer did from the first touch on. */
export const countsForManager = (eventAt: string, firstTouchAt: string): boolean => eventAt >= firstTouchAt;

/** What a customer's events add to their manager's figures. */
export interface ManagerCredit {
  /** The first time each funnel stage was reached, whenever that was (before the touch too). */
  stagesReached: Partial<Record<CustomerEventKind, string>>;
  /** The money events from the first touch on, each with the event's ref (one record per event). */
  money: (MoneyEvent & { ref: string })[];
}

export function managerCredit(attribution: { firstTouchAt: string; entryProduct: ShareProduct }, events: readonly CustomerEvent[]): ManagerCredit {
  const stagesReached: ManagerCredit['stagesReached'] = {};
  for (const event of events) {
    const seen = stagesReached[event.kind];
    if (!seen || event.at < seen) stagesReached[event.kind] = event.at;
  }
  const money = events.flatMap(({ customerId, kind, amountFen, at, ref }) =>
    isMoneyKind(kind) && amountFen !== undefined && countsForManager(at, attribution.firstTouchAt)
      ? [{ customerId, kind, amountFen, at, ref, entryProduct: attribution.entryProduct }]
      : [],
  );
  return { stagesReached, money };
}
