// 客户经理管理's routes (/v1/console/staff*), typed from the contract (`import type` only): the
// staff list, a creation, work phone change or deactivation submitted for a second administrator, and a binding code
// issued at once (shown once).
import type * as z from 'zod/mini';
import type { ConsoleStaffList, NewStaff as NewStaffSchema, StaffBindingCode } from '@contract/console-staff-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

export type StaffPage = z.infer<typeof ConsoleStaffList>;
export type StaffMember = StaffPage['staff'][number];
export type NewStaff = z.infer<typeof NewStaffSchema>;
export type IssuedBindingCode = z.infer<typeof StaffBindingCode>;

export const fetchStaff = (limit: number, cursor?: string): Promise<StaffPage> =>
  consoleRequest({ method: 'GET', path: '/v1/console/staff', query: { limit: String(limit), ...(cursor ? { cursor } : {}) } });

export const submitStaffCreation = (staff: NewStaff, effectiveAt?: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: '/v1/console/staff/changes', body: effectiveAt ? { staff, effectiveAt } : { staff } });

export const submitStaffDeactivation = (staffId: string, reason: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/deactivation-changes`, body: { reason } });

export const submitStaffWorkPhone = (staffId: string, workPhone: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/work-phone-changes`, body: { workPhone } });

export const issueBindingCode = (staffId: string): Promise<IssuedBindingCode> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/binding-code` });
