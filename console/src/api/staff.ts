// 客户经理管理's routes (/v1/console/staff*), typed from the contract (`import type` only): the
// staff list, a creation, work phone change or deactivation submitted for a second administrator, and a binding code
// issued at once (shown once).
import type * as z from 'zod/mini';
import type { ConsoleStaffList, ConsoleStaffQuery, NewStaff as NewStaffSchema, StaffBindingCode } from '@contract/console-staff-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

export type StaffPage = z.infer<typeof ConsoleStaffList>;
export type StaffMember = StaffPage['staff'][number];
export type NewStaff = z.infer<typeof NewStaffSchema>;
export type IssuedBindingCode = z.infer<typeof StaffBindingCode>;

export type StaffFilters = Pick<z.infer<typeof ConsoleStaffQuery>, 'q' | 'branchId' | 'role' | 'status'>;

export function fetchStaff(limit: number, cursor: string | undefined, filters: StaffFilters = {}): Promise<StaffPage> {
  const query: Record<string, string> = { limit: String(limit) };
  if (cursor) query.cursor = cursor;
  for (const [name, value] of Object.entries(filters)) if (value) query[name] = value;
  return consoleRequest({ method: 'GET', path: '/v1/console/staff', query });
}

export const submitStaffCreation = (staff: NewStaff, effectiveAt?: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: '/v1/console/staff/changes', body: effectiveAt ? { staff, effectiveAt } : { staff } });

export const submitStaffDeactivation = (staffId: string, reason: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/deactivation-changes`, body: { reason } });

export const submitStaffWorkPhone = (staffId: string, workPhone: string): Promise<ChangeRequest> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/work-phone-changes`, body: { workPhone } });

export const issueBindingCode = (staffId: string): Promise<IssuedBindingCode> =>
  consoleRequest({ method: 'POST', path: `/v1/console/staff/${encodeURIComponent(staffId)}/binding-code` });
