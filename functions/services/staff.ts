// Staff (relationship managers and branch leads): sign-in with WeChat and the one-time binding of
// a WeChat identity with a binding code. Operators create, deactivate and issue codes in the
// console (services/staff-console.ts).
import { wechat } from '../adapters/wechat.js';
import { refuse } from '../domain/errors.js';
import { assertActive } from '../domain/rm/staff.js';
import * as staffStore from '../store/staff.js';
import { issueStaffAccessToken } from './tokens.js';

export interface SignedInStaff {
  staff: staffStore.StaffRecord;
  accessToken: { token: string; expiresAt: string };
}

async function session(staff: staffStore.StaffRecord, now: Date): Promise<SignedInStaff> {
  return { staff, accessToken: await issueStaffAccessToken(staff.staffId, now) };
}

async function wechatOpenid(wechatCode: string): Promise<string> {
  const found = await wechat().code2Session(wechatCode);
  return found?.openid ?? refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
}

export async function signInStaff(wechatCode: string, now: Date): Promise<SignedInStaff> {
  const staffId = await staffStore.staffIdByOpenid(await wechatOpenid(wechatCode));
  const staff = staffId ? await staffStore.getStaff(staffId) : undefined;
  if (!staff) return refuse('forbidden', 'STAFF_NOT_BOUND', '该微信尚未绑定员工身份，请输入绑定码');
  assertActive(staff);
  return session(staff, now);
}

export async function bindStaffWechat(bindingCode: string, wechatCode: string, now: Date): Promise<SignedInStaff> {
  return session(await staffStore.bindWechat(bindingCode, await wechatOpenid(wechatCode), now), now);
}
