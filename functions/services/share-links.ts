// Share links: what a manager may share, making, listing and revoking links (their QR posters are
// in share-poster.ts), and the public opening of a link, which records the visit and may bind a
// customer already signed in on the device.
import type { CreateShareLinkRequest, NamedProduct } from '../contract/rm-schemas.js';
import { refuse } from '../domain/errors.js';
import { linkExpiry, shareLinkStatus } from '../domain/rm/share-code.js';
import { isTryAgain, retry, type RetryPolicy, TryAgain } from '../platform/retry.js';
import * as referrals from '../store/referrals.js';
import { getStaff, type StaffRecord } from '../store/staff.js';
import { attributeFromDevice } from './rm-attribution.js';
import { shareableProduct, shareableProducts } from './rm-products.js';
import { loadStaff, ownLink } from './staff-guards.js';

const DEFAULT_LINK_DAYS = 30;

/** Codes are random over ~59 bits: a taken one is next to impossible, and then a new code is
 *  drawn at once (never an overwrite). */
const SHORT_CODE_TAKEN: RetryPolicy = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0, retryable: isTryAgain };

export interface ManagersLink {
  link: referrals.ShareLinkRecord;
  /** The manager who shares it (named in the link's title). */
  staff: StaffRecord;
}

/** A customer opened a link: it must be in force and its manager still serving. */
export async function openShareLink(code: string, deviceId: string, now: Date): Promise<{ link: referrals.ShareLinkRecord; manager: StaffRecord }> {
  const link = await referrals.getShareLink(code);
  if (!link) return refuse('not_found', 'SHARE_LINK_NOT_FOUND', '链接不存在');
  const manager = await getStaff(link.staffId);
  // A manager who has left revokes every link of theirs.
  const status = manager?.status === 'ACTIVE' ? shareLinkStatus(link, now) : 'REVOKED';
  if (!manager || status === 'REVOKED') return refuse('unprocessable', 'SHARE_LINK_REVOKED', '该链接已失效');
  if (status === 'EXPIRED') return refuse('unprocessable', 'SHARE_LINK_EXPIRED', '该链接已过期');
  const recorded = await referrals.recordVisit(link, deviceId, now);
  // A device someone already signed in on: the visit may bind that customer now.
  const customerId = recorded === 'RECORDED' ? await referrals.deviceCustomer(deviceId) : undefined;
  if (customerId) await attributeFromDevice(deviceId, customerId, now);
  return { link, manager };
}

export async function productsToShare(staffId: string): Promise<NamedProduct[]> {
  await loadStaff(staffId);
  return shareableProducts();
}

export async function createShareLink(staffId: string, request: CreateShareLinkRequest, now: Date): Promise<ManagersLink> {
  const staff = await loadStaff(staffId);
  const product = await shareableProduct(request.product);
  if (!product) return refuse('unprocessable', 'PRODUCT_NOT_SHAREABLE', '该产品不存在或暂不可分享');
  const terms = {
    staffId,
    product: { type: product.type, id: product.id },
    productName: product.name,
    campaign: request.campaign ?? null,
    createdAt: now.toISOString(),
    expiresAt: linkExpiry(now, request.expiresInDays === undefined ? DEFAULT_LINK_DAYS : request.expiresInDays),
    revokedAt: null,
  };
  const link = await retry(SHORT_CODE_TAKEN, async () => {
    const drawn = { ...terms, code: referrals.newShortCode() };
    if (!(await referrals.createShareLink(drawn))) throw new TryAgain('the short code is taken');
    return drawn;
  });
  return { link, staff };
}

export async function managersLinks(staffId: string, page: { limit: number; cursor: string | undefined }) {
  const staff = await loadStaff(staffId);
  const found = await referrals.staffLinks(staffId, page.limit, page.cursor);
  return { staff, links: found.items, nextCursor: found.nextCursor };
}

export async function managersLink(staffId: string, code: string): Promise<ManagersLink> {
  const staff = await loadStaff(staffId);
  return { link: await ownLink(staffId, code), staff };
}

export async function revokeShareLink(staffId: string, code: string, now: Date): Promise<ManagersLink> {
  const staff = await loadStaff(staffId);
  await referrals.revokeShareLink(await ownLink(staffId, code), now);
  // Read back: a revocation that came first keeps its time.
  return { link: await ownLink(staffId, code), staff };
}
