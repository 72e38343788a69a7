// Relationship managers built through the real API: two administrators create the staff record in
// the console (maker-checker) and issue its one-time binding code, the manager binds a (simulated)
// WeChat identity with it and gets a staff token.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { handler as simulator } from '../../functions/http/simulator.js';
import { handler as staffHandler } from '../../functions/http/staff.js';
import { handler as staffPosterHandler } from '../../functions/http/staff-poster.js';
import { localSecretsEnv } from '../../scripts/lib/serverless-config.js';
import { call, type CallOptions, type CallResult } from './bank.js';
import { createStaffByChange } from './changes.js';

export const operatorHeaders = () => ({ 'x-operator-key': process.env.JINLIN_OPERATOR_KEY ?? localSecretsEnv().JINLIN_OPERATOR_KEY! });

export interface Staff {
  staffId: string;
  staffNo: string;
  name: string;
  branchId: string;
  role: 'RELATIONSHIP_MANAGER' | 'BRANCH_LEAD';
  wechatUser: string;
  token: string;
}

let sequence = 0;
/** The work phone staff get unless a test names one. */
export const DEFAULT_WORK_PHONE = '13800138000';

export async function loginCode(user: string): Promise<string> {
  const res = await call(simulator, { method: 'POST', path: '/v1/sim/wechat/login-code', body: { user } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.code;
}

/** A staff member created in the console (two administrators, four eyes) with its one-time binding code. */
export async function createStaff(options: { name: string; branchId: string; role?: Staff['role']; branchName?: string; workPhone?: string }) {
  sequence += 1;
  const staffNo = `T${Date.now().toString(36)}${sequence}`.slice(0, 20);
  return createStaffByChange({
    name: options.name,
    staffNo,
    branchId: options.branchId,
    branchName: options.branchName ?? `${options.branchId}支行`,
    role: options.role ?? 'RELATIONSHIP_MANAGER',
    workPhone: options.workPhone ?? DEFAULT_WORK_PHONE,
  });
}

/** A staff member created in the console and bound to a fresh simulated WeChat user. */
export async function newStaff(options: { name: string; branchId: string; role?: Staff['role']; workPhone?: string }): Promise<Staff> {
  const created = await createStaff(options);
  const wechatUser = `staff-${randomUUID().slice(0, 12)}`;
  const bound = await call(staffHandler, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(wechatUser), bindingCode: created.bindingCode } });
  assert.equal(bound.status, 200, JSON.stringify(bound.body));
  return {
    staffId: created.staff.staffId,
    staffNo: created.staff.staffNo,
    name: options.name,
    branchId: options.branchId,
    role: options.role ?? 'RELATIONSHIP_MANAGER',
    wechatUser,
    token: bound.body.accessToken,
  };
}

/** A call to the staff handler (whatever its auth) as this staff member. */
/** A staff route, through the function serverless.yml deploys it to (posters have their own). */
export function asStaff(who: Staff | undefined, options: Omit<CallOptions, 'token'>): Promise<CallResult> {
  const handler = options.path.endsWith('/poster') ? staffPosterHandler : staffHandler;
  return call(handler, { ...options, ...(who ? { token: who.token } : {}) });
}

export async function shareLink(who: Staff, product: { type: string; id: string }, extra: Record<string, unknown> = {}) {
  const res = await asStaff(who, { method: 'POST', path: '/v1/staff/share-links', body: { product, ...extra } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { code: string; scene: string; sharePath: string; status: string; h5Url: string | null; title: string };
}

export const newDeviceId = () => `dev-${randomUUID().replaceAll('-', '')}`;

export function visit(code: string, deviceId: string) {
  return call(staffHandler, { method: 'POST', path: '/v1/referral-visits', body: { code, deviceId } });
}
