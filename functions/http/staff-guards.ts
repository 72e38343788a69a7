// Checks shared by the staff routes: the signed-in staff member is active, and a link is theirs.
import { refuse } from '../domain/errors.js';
import { assertActive } from '../domain/rm/staff.js';
import * as referrals from '../store/referrals.js';
import * as staffStore from '../store/staff.js';

export /** The signed-in staff member, who must still exist and be active. */
async function loadStaff(staffId: string): Promise<staffStore.StaffRecord> {
  const staff = await staffStore.getStaff(staffId);
  if (!staff) return refuse('unauthenticated', 'UNAUTHENTICATED', '员工登录已失效，请重新登录');
  assertActive(staff);
  return staff;
}

/** One of the manager's own links; anyone else's (or none) answers as not found. */
export async function ownLink(staffId: string, code: string): Promise<referrals.ShareLinkRecord> {
  const link = await referrals.getShareLink(code);
  if (!link || link.staffId !== staffId) return refuse('not_found', 'SHARE_LINK_NOT_FOUND', '未找到该分享链接');
  return link;
}
