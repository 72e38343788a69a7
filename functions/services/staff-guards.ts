// Checks shared by the staff workflows: the signed-in staff member still exists and is active
// (every staff request reloads the record, so a deactivation takes effect at once), and a link
// is theirs.
import { refuse } from '../domain/errors.js';
import { assertActive } from '../domain/rm/staff.js';
import { getShareLink, type ShareLinkRecord } from '../store/referrals.js';
import { getStaff, type StaffRecord } from '../store/staff.js';

/** The signed-in staff member, who must still exist and be active. */
export async function loadStaff(staffId: string): Promise<StaffRecord> {
  const staff = await getStaff(staffId);
  if (!staff) return refuse('unauthenticated', 'UNAUTHENTICATED', '员工登录已失效，请重新登录');
  assertActive(staff);
  return staff;
}

/** One of the manager's own links; anyone else's (or none) answers as not found. */
export async function ownLink(staffId: string, code: string): Promise<ShareLinkRecord> {
  const link = await getShareLink(code);
  if (!link || link.staffId !== staffId) return refuse('not_found', 'SHARE_LINK_NOT_FOUND', '未找到该分享链接');
  return link;
}
