// STAFF_CREATE, STAFF_DEACTIVATE and STAFF_WORK_PHONE: the bank's staff (relationship managers, branch leads) are
// created and deactivated by one administrator and approved by another (staff.manage both).
// A creation's entity is its staff number (`staff-no:<staffNo>`: one pending creation per
// number) and its after carries the staff id chosen at submission, so applying twice finds its
// own record; it is created without a binding code — an administrator issues one afterwards in
// 客户经理管理, shown once to whoever hands it over. A deactivation (`staff:<staffId>`) stops the
// manager's sign-in and links at their next request. A work phone change (`staff:<staffId>` too)
// gives staff created before work phones were recorded the number their customers may call.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { STAFF_ROLES } from '../../domain/rm/staff.js';
import { deactivateStaff, insertStaff, setStaffWorkPhone, staffIdByStaffNo } from '../../store/staff.js';
import type { ChangeKindHandler } from './handler.js';
import { lazySchema } from '../../domain/lazy-schema.js';

export const staffNoEntityId = (staffNo: string) => `staff-no:${staffNo}`;
export const staffEntityId = (staffId: string) => `staff:${staffId}`;

export const StaffCreateAfter = /* @__PURE__ */ lazySchema(() =>
  z.object({
    staffId: z.string().check(z.regex(/^S[0-9a-f]{32}$/)),
    name: z.string(),
    staffNo: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    role: z.enum(STAFF_ROLES),
    // Creations submitted before work phones were recorded carry none.
    workPhone: z.optional(z.string()),
  }),
);

const StaffWorkPhoneAfter = /* @__PURE__ */ lazySchema(() => z.object({ staffId: z.string().check(z.regex(/^S[0-9a-f]{32}$/)), workPhone: z.string() }));

const StaffDeactivateAfter = /* @__PURE__ */ lazySchema(() => z.object({ staffId: z.string().check(z.regex(/^S[0-9a-f]{32}$/)), status: z.literal('INACTIVE') }));

export const staffCreateChange: ChangeKindHandler = {
  permissionToApprove: 'staff.manage',
  async apply(change: ChangeRequest, now: Date) {
    const staff = StaffCreateAfter.parse(change.after);
    if (await insertStaff(staff, undefined, now)) return;
    // The number is taken: by this change's earlier run (done), or by someone else since it was
    // submitted — then the change cannot take effect and stays approved, logged by the scheduler.
    if ((await staffIdByStaffNo(staff.staffNo)) !== staff.staffId) throw new Error(`change ${change.changeId}: staff number ${staff.staffNo} is taken`);
  },
};

export const staffDeactivateChange: ChangeKindHandler = {
  permissionToApprove: 'staff.manage',
  async apply(change: ChangeRequest, now: Date) {
    await deactivateStaff(StaffDeactivateAfter.parse(change.after).staffId, now);
  },
};

export const staffWorkPhoneChange: ChangeKindHandler = {
  permissionToApprove: 'staff.manage',
  async apply(change: ChangeRequest) {
    const { staffId, workPhone } = StaffWorkPhoneAfter.parse(change.after);
    await setStaffWorkPhone(staffId, workPhone);
  },
};
