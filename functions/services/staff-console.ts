// 客户经理管理 in the console: the bank's staff for administrators (staff.manage). Creating and
// deactivating a staff member are maker-checker changes (services/change-requests.ts; the effect in
// change-kinds/staff.ts), nothing here creates or deactivates by itself. A binding code is issued
// at once — the manager needs it to bind WeChat on a new phone — with its audit entry in the same
// transaction; the code is shown once and only its hash is kept.
import type { ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import { assertWorkPhone, STAFF_ROLE_LABELS } from '../domain/rm/staff.js';
import { allInOrder } from '../platform/all-in-order.js';
import * as staffStore from '../store/staff.js';
import { recordAuditWith } from './audit.js';
import { staffEntityId, staffNoEntityId } from './change-kinds/staff.js';
import { listChanges, pendingChangeIds, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

/** Creations still waiting the list shows (a bank creates a handful at a time). */
const PENDING_CREATIONS_SHOWN = 50;

export interface ConsoleStaffRow {
  staff: staffStore.StaffRecord;
  pendingChangeId?: string;
}

export interface NewStaffMember {
  name: string;
  staffNo: string;
  branchId: string;
  branchName: string;
  role: staffStore.StaffRecord['role'];
  workPhone: string;
}

async function existingStaff(staffId: string): Promise<staffStore.StaffRecord> {
  return (await staffStore.getStaff(staffId)) ?? refuse('not_found', 'STAFF_NOT_FOUND', '未找到该员工');
}

const assertStillActive = (staff: staffStore.StaffRecord) => {
  if (staff.status !== 'ACTIVE') refuse('unprocessable', 'STAFF_INACTIVE', '该员工已停用');
};

/** A page of the staff by staff number, narrowed by `filters`, each with the change waiting on
 *  it; on the first page, the creations waiting for a checker or for their time. */
export async function consoleStaffPage(limit: number, cursor: string | undefined, filters: staffStore.StaffFilters = {}) {
  const [page, pendingCreations] = await allInOrder([
    staffStore.staffDirectoryPage(limit, cursor, filters),
    cursor === undefined ? waitingCreations() : Promise.resolve([]),
  ]);
  const pending = await pendingChangeIds(page.members.map((member) => staffEntityId(member.staffId)));
  const rows: ConsoleStaffRow[] = page.members.map((staff) => {
    const pendingChangeId = pending.get(staffEntityId(staff.staffId));
    return { staff, ...(pendingChangeId ? { pendingChangeId } : {}) };
  });
  return { rows, nextCursor: page.nextCursor, pendingCreations };
}

async function waitingCreations(): Promise<ChangeRequest[]> {
  const [pending, approved] = await allInOrder([
    listChanges({ status: 'PENDING', kind: 'STAFF_CREATE', limit: PENDING_CREATIONS_SHOWN }),
    listChanges({ status: 'APPROVED', kind: 'STAFF_CREATE', limit: PENDING_CREATIONS_SHOWN }),
  ]);
  return [...pending.changes, ...approved.changes];
}

/** A new staff member, submitted for a second administrator. Its id is chosen now, so the checker
 *  reads the record exactly as it will be created. */
export async function submitStaffCreation(input: NewStaffMember, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  assertWorkPhone(input.workPhone);
  if (await staffStore.staffIdByStaffNo(input.staffNo)) refuse('conflict', 'STAFF_NO_IN_USE', '该工号已存在');
  const after = { staffId: staffStore.newStaffId(), ...input };
  return submitChange({
    kind: 'STAFF_CREATE',
    entityId: staffNoEntityId(input.staffNo),
    entityLabel: `新建${STAFF_ROLE_LABELS[input.role]} ${input.name}（${input.staffNo}）`,
    before: null,
    after,
    effectiveAt,
    maker,
    now,
  });
}

/** The deactivation of an active staff member, with its reason, submitted for a second administrator. */
export async function submitStaffDeactivation(staffId: string, reason: string, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const staff = await existingStaff(staffId);
  assertStillActive(staff);
  return submitChange({
    kind: 'STAFF_DEACTIVATE',
    entityId: staffEntityId(staffId),
    entityLabel: `停用${STAFF_ROLE_LABELS[staff.role]} ${staff.name}（${staff.staffNo}）`,
    before: { staffId, name: staff.name, staffNo: staff.staffNo, branchName: staff.branchName, status: 'ACTIVE' },
    after: { staffId, name: staff.name, staffNo: staff.staffNo, branchName: staff.branchName, status: 'INACTIVE', reason: reason.trim() },
    effectiveAt,
    maker,
    now,
  });
}

/** A new work phone for an active staff member (one created before work phones were recorded, or
 *  whose number changed), submitted for a second administrator. */
export async function submitStaffWorkPhone(staffId: string, workPhone: string, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  assertWorkPhone(workPhone);
  const staff = await existingStaff(staffId);
  assertStillActive(staff);
  if (staff.workPhone === workPhone) refuse('unprocessable', 'WORK_PHONE_UNCHANGED', '新的办公电话与当前相同');
  const who = { staffId, name: staff.name, staffNo: staff.staffNo };
  return submitChange({
    kind: 'STAFF_WORK_PHONE',
    entityId: staffEntityId(staffId),
    entityLabel: `修改${STAFF_ROLE_LABELS[staff.role]} ${staff.name}（${staff.staffNo}）的办公电话`,
    before: { ...who, workPhone: staff.workPhone ?? null },
    after: { ...who, workPhone },
    effectiveAt,
    maker,
    now,
  });
}

/** A new one-time binding code for an active staff member (the WeChat identity bound so far is
 *  unbound), written with its audit entry in one transaction. The code itself is in neither. */
export async function issueBindingCode(staffId: string, operator: ConsoleOperator, now: Date): Promise<{ staff: staffStore.StaffRecord; bindingCode: staffStore.IssuedBindingCode }> {
  const staff = await existingStaff(staffId);
  assertStillActive(staff);
  const bindingCode = staffStore.newBindingCode(now);
  const outcome = await recordAuditWith(
    {
      actor: { kind: 'operator', id: operator.operatorId },
      action: 'staff.binding-code',
      target: { kind: 'staff', id: staffId },
      before: { wechatBound: Boolean(staff.openid), bindingCodePending: Boolean(staff.bindingCodeHash) },
      after: { wechatBound: false, bindingCodePending: true, bindingCodeExpiresAt: bindingCode.expiresAt },
    },
    now,
    () => staffStore.bindingCodeItems(staff, bindingCode),
  );
  // Refused only by the staff record's condition: bound, reissued or deactivated meanwhile.
  if ('refusedChange' in outcome) refuse('conflict', 'STAFF_CHANGED', '员工信息已更新，请刷新后重试');
  return { staff: await existingStaff(staffId), bindingCode };
}
