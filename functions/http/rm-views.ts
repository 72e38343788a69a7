// Shapes staff, share links and referred customers into the contract's bodies. Customers appear
// only masked (张*, 138****1234), never with an ID number.
import { config } from '../config.js';
import type { NamedProduct, ShareLinkView } from '../contract/rm-schemas.js';
import { type ShareLinkStatus, h5Url, sceneFor, shareLinkStatus, sharePath } from '../domain/rm/share-code.js';
import { STAFF_ROLE_LABELS } from '../domain/rm/staff.js';
import type { ShareLinkRecord } from '../store/referrals.js';
import type { StaffRecord } from '../store/staff.js';

const STATUS_LABELS: Record<ShareLinkStatus, string> = { ACTIVE: '生效中', EXPIRED: '已过期', REVOKED: '已撤销' };

export function staffMe(staff: StaffRecord) {
  return {
    staffId: staff.staffId,
    name: staff.name,
    staffNo: staff.staffNo,
    branchId: staff.branchId,
    branchName: staff.branchName,
    role: staff.role,
    roleLabel: STAFF_ROLE_LABELS[staff.role],
  };
}

export function staffView(staff: StaffRecord) {
  return { ...staffMe(staff), status: staff.status, wechatBound: Boolean(staff.openid), createdAt: staff.createdAt };
}

export const managerCard = (staff: StaffRecord) => ({ name: staff.name, staffNo: staff.staffNo, branchName: staff.branchName });

export const linkProduct = (link: ShareLinkRecord): NamedProduct => ({ ...link.product, name: link.productName });

export function shareLinkView(link: ShareLinkRecord, manager: StaffRecord, now: Date): ShareLinkView {
  const status = shareLinkStatus(link, now);
  const origin = config().H5_ORIGIN;
  return {
    code: link.code,
    product: linkProduct(link),
    campaign: link.campaign,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    status,
    statusLabel: STATUS_LABELS[status],
    sharePath: sharePath(link.code),
    scene: sceneFor(link.code),
    h5Url: origin ? h5Url(origin, link.code) : null,
    title: `客户经理${manager.name}为您推荐：${link.productName}`,
  };
}
