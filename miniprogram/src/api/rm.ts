// Relationship managers, in the main package: the device id, the share code a launch carries
// (`rm` from a share card, `scene` from a QR), the visit it records before anyone signs in (and
// the product page it lands on after sign-in, lib/share-landing.ts), and the manager who serves
// the signed-in customer. Staff calls live in packageRM.
import Taro from '@tarojs/taro';
import type { MyManager, VisitView } from '@contract/rm-schemas';
import { shareCodeOf } from '@/lib/rm-share-code';
import { rememberLanding } from '@/lib/share-landing';
import { customerRequest, publicRequest } from './http';

const DEVICE_KEY = 'jinlin.deviceId';
const REFERRAL_KEY = 'jinlin.referral';
/** Fired when a visit has been recorded, for a page already on screen to show who shared it. */
export const REFERRAL_EVENT = 'jinlin:referral';

/**
 * A random id for this installation, kept in storage: visits made before sign-in are recorded
 * under it and linked to the customer at sign-in. Math.random is the one random source every
 * mini-program base library offers synchronously; the id only has to be hard to guess.
 */
export function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_KEY);
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return stored;
  let id = 'd';
  while (id.length < 33) id += Math.floor(Math.random() * 36).toString(36);
  Taro.setStorageSync(DEVICE_KEY, id);
  return id;
}

/** Who shared the link the app was opened with, for the sign-in page to say so. */
export function lastReferral(): VisitView | null {
  const stored: unknown = Taro.getStorageSync(REFERRAL_KEY);
  return typeof stored === 'object' && stored !== null && 'manager' in stored ? (stored as VisitView) : null;
}

let recorded = '';

/** Records the opening of a share link (once per code per run); failures change nothing for the
 *  customer, who simply is not attributed. */
export async function recordShareOpen(query: Record<string, unknown> | undefined): Promise<void> {
  const code = shareCodeOf(query);
  if (!code || code === recorded) return;
  recorded = code;
  // A referral kept from an earlier link would name the wrong manager or product until this
  // visit is recorded.
  Taro.removeStorageSync(REFERRAL_KEY);
  try {
    const view = await publicRequest<VisitView>({ method: 'POST', path: '/v1/referral-visits', body: { code, deviceId: deviceId() } });
    Taro.setStorageSync(REFERRAL_KEY, view);
    rememberLanding(view.product);
    Taro.eventCenter.trigger(REFERRAL_EVENT, view);
  } catch {
    recorded = '';
  }
}

export function getMyManager(): Promise<MyManager> {
  return customerRequest<MyManager>({ method: 'GET', path: '/v1/me/relationship-manager' });
}
