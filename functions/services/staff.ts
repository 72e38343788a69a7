// Staff (relationship managers and branch leads): sign-in with WeChat and the one-time binding of
// a WeChat identity with a binding code; for operators, creating staff, listing a branch,
// reissuing a binding code and deactivating.
import { wechat } from '../adapters/wechat.js';
import { refuse } from '../domain/errors.js';
import { assertActive, type StaffMember } from '../domain/rm/staff.js';
import * as staffStore from '../store/staff.js';
import { issueStaffAccessToken } from './tokens.js';

export interface SignedInStaff {
  staff: staffStore.StaffRecord;
  accessToken: { token: string; expiresAt: string };
}

export interface StaffWithBindingCode {
  staff: staffStore.StaffRecord;
  bindingCode: staffStore.IssuedBindingCode;
}

async function session(staff: staffStore.StaffRecord, now: Date): Promise<SignedInStaff> {
  return { staff, accessToken: await issueStaffAccessToken(staff.staffId, now) };
}

async function wechatOpenid(wechatCode: string): Promise<string> {
  const found = await wechat().code2Session(wechatCode);
  return found?.openid ?? refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
}

async function existingStaff(staffId: string): Promise<staffStore.StaffRecord> {
  return (await staffStore.getStaff(staffId)) ?? refuse('not_found', 'STAFF_NOT_FOUND', '未找到该员工');
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

// ---- operators -------------------------------------------------------------------------------------

export async function createStaff(input: Omit<StaffMember, 'staffId' | 'status'>, now: Date): Promise<StaffWithBindingCode> {
  const bindingCode = staffStore.newBindingCode(now);
  return { staff: await staffStore.createStaff(input, bindingCode, now), bindingCode };
}

export async function branchStaff(branchId: string): Promise<staffStore.StaffRecord[]> {
  return (await staffStore.branchStaff(branchId)).members;
}

/** A new binding code; the WeChat identity bound so far is unbound (e.g. a new phone). */
export async function reissueBindingCode(staffId: string, now: Date): Promise<StaffWithBindingCode> {
  const staff = await existingStaff(staffId);
  if (staff.status !== 'ACTIVE') return refuse('unprocessable', 'STAFF_INACTIVE', '该员工已停用');
  const bindingCode = staffStore.newBindingCode(now);
  await staffStore.reissueBindingCode(staff, bindingCode);
  return { staff: await existingStaff(staffId), bindingCode };
}

export const deactivateStaff = (staffId: string, now: Date): Promise<staffStore.StaffRecord> => staffStore.deactivateStaff(staffId, now);
