// Routes of 客户经理管理: the bank's staff (relationship managers, branch leads) for administrators
// (staff.manage). Creating and deactivating staff are changes a second administrator approves
// (console-change-routes.ts); a binding code is issued at once, audited, and shown once.
import * as c from './console-staff-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleStaffRoutes = {
  consoleStaff: {
    method: 'GET',
    path: '/v1/console/staff',
    summary: 'Operator: every staff member by staff number (paged), each with the change waiting on it, and the creations waiting',
    auth: 'console',
    permission: 'staff.manage',
    idempotent: false,
    query: c.ConsoleStaffQuery,
    response: c.ConsoleStaffList,
  },
  consoleStaffCreateChange: {
    method: 'POST',
    path: '/v1/console/staff/changes',
    summary: 'Maker: submit a new staff member for a second administrator (409 STAFF_NO_IN_USE; 409 CHANGE_PENDING for a staff number already submitted)',
    auth: 'console',
    permission: 'staff.manage',
    idempotent: false,
    body: c.StaffCreateChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleStaffDeactivateChange: {
    method: 'POST',
    path: '/v1/console/staff/{staffId}/deactivation-changes',
    summary: 'Maker: submit the deactivation of a staff member, with the reason, for a second administrator (404 STAFF_NOT_FOUND; 422 STAFF_INACTIVE; 409 CHANGE_PENDING)',
    auth: 'console',
    permission: 'staff.manage',
    idempotent: false,
    params: c.StaffIdParams,
    body: c.StaffDeactivateChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleStaffWorkPhoneChange: {
    method: 'POST',
    path: '/v1/console/staff/{staffId}/work-phone-changes',
    summary: 'Maker: submit a new work phone (办公电话) for an active staff member, for a second administrator (400 WORK_PHONE_INVALID; 404 STAFF_NOT_FOUND; 422 STAFF_INACTIVE, WORK_PHONE_UNCHANGED; 409 CHANGE_PENDING)',
    auth: 'console',
    permission: 'staff.manage',
    idempotent: false,
    params: c.StaffIdParams,
    body: c.StaffWorkPhoneChangeRequest,
    response: c.ChangeRequestView,
  },
  consoleStaffBindingCode: {
    method: 'POST',
    path: '/v1/console/staff/{staffId}/binding-code',
    summary: 'Operator: a new one-time binding code, shown once (unbinds the WeChat identity bound so far; audited; 404 STAFF_NOT_FOUND; 422 STAFF_INACTIVE)',
    auth: 'console',
    permission: 'staff.manage',
    idempotent: false,
    params: c.StaffIdParams,
    response: c.StaffBindingCode,
  },
} as const satisfies Record<string, RouteSpec>;
