// 客户经理管理 in the operations console: the bank's staff for administrators; creations,
// work phone changes and deactivations submitted as maker-checker changes, a binding code issued at once and shown once
// (services/staff-console.ts).
import { consoleStaffRoutes as routes } from '../contract/console-staff-routes.js';
import { STAFF_PAGE_DEFAULT } from '../contract/console-staff-schemas.js';
import { STAFF_ROLE_LABELS } from '../domain/rm/staff.js';
import { consoleStaffPage, issueBindingCode, submitStaffCreation, submitStaffDeactivation, submitStaffWorkPhone } from '../services/staff-console.js';
import type { StaffRecord } from '../store/staff.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

function staffView(staff: StaffRecord) {
  return {
    staffId: staff.staffId,
    name: staff.name,
    staffNo: staff.staffNo,
    branchId: staff.branchId,
    branchName: staff.branchName,
    role: staff.role,
    roleLabel: STAFF_ROLE_LABELS[staff.role],
    status: staff.status,
    wechatBound: Boolean(staff.openid),
    workPhone: staff.workPhone ?? null,
    createdAt: staff.createdAt,
  };
}

const list = defineConsoleRoute('consoleStaff', routes.consoleStaff, async ({ query }) => {
  const { limit, cursor, ...filters } = query;
  const { rows, nextCursor, pendingCreations } = await consoleStaffPage(limit ?? STAFF_PAGE_DEFAULT, cursor, filters);
  return {
    staff: rows.map(({ staff, pendingChangeId }) => ({ ...staffView(staff), ...(pendingChangeId ? { pendingChangeId } : {}) })),
    ...(nextCursor ? { nextCursor } : {}),
    pendingCreations,
  };
});

const create = defineConsoleRoute('consoleStaffCreateChange', routes.consoleStaffCreateChange, ({ body, operator, now }) =>
  submitStaffCreation(body.staff, body.effectiveAt, operator, now),
);

const deactivate = defineConsoleRoute('consoleStaffDeactivateChange', routes.consoleStaffDeactivateChange, ({ params, body, operator, now }) =>
  submitStaffDeactivation(params.staffId, body.reason, body.effectiveAt, operator, now),
);

const workPhone = defineConsoleRoute('consoleStaffWorkPhoneChange', routes.consoleStaffWorkPhoneChange, ({ params, body, operator, now }) =>
  submitStaffWorkPhone(params.staffId, body.workPhone, body.effectiveAt, operator, now),
);

const bindingCode = defineConsoleRoute('consoleStaffBindingCode', routes.consoleStaffBindingCode, async ({ params, operator, now }) => {
  const { staff, bindingCode: code } = await issueBindingCode(params.staffId, operator, now);
  return { staff: staffView(staff), bindingCode: code.bindingCode, bindingCodeExpiresAt: code.expiresAt };
});

export const handler = lambda([list, create, deactivate, workPhone, bindingCode]);
