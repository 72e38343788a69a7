// Bank staff who serve customers: relationship managers (客户经理) and branch leads (支行负责人),
// created by operators. A staff member binds one WeChat identity with a one-time binding code
// the operator hands over; a lead sees the managers of their own branch, nobody sees another
// manager's customers.
import { refuse } from '../errors.js';

export const STAFF_ROLES = ['RELATIONSHIP_MANAGER', 'BRANCH_LEAD'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  RELATIONSHIP_MANAGER: '客户经理',
  BRANCH_LEAD: '支行负责人',
};

export interface StaffMember {
  staffId: string;
  name: string;
  staffNo: string;
  branchId: string;
  branchName: string;
  role: StaffRole;
  status: 'ACTIVE' | 'INACTIVE';
}

/** A staff member's staff number (工号) and branch id (the name follows domain/person-name.ts):
 *  the contract checks them, the console's form says the same inline. */
export const STAFF_NO_PATTERN = /^[A-Za-z0-9]{3,20}$/;
export const BRANCH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
export const BRANCH_NAME_MAX_LENGTH = 40;

/** Binding codes: 12 characters without look-alikes (no 0/O, 1/I/L), typed by the manager once. */
export const BINDING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const BINDING_CODE_LENGTH = 12;
export const BINDING_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/;
export const BINDING_CODE_HOURS = 72;

/** A binding code from random bytes (rejection sampling keeps characters equally likely). */
export function bindingCodeFrom(random: Uint8Array): string | undefined {
  const size = BINDING_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  for (const byte of random) {
    if (byte >= limit) continue;
    code += BINDING_CODE_ALPHABET[byte % size];
    if (code.length === BINDING_CODE_LENGTH) return code;
  }
  return undefined;
}

/** Refuses a staff member who may not act (deactivated). */
export function assertActive(staff: StaffMember): void {
  if (staff.status !== 'ACTIVE') refuse('unauthenticated', 'STAFF_INACTIVE', '员工身份已停用，请联系管理员');
}

export function assertBranchLead(staff: StaffMember): void {
  if (staff.role !== 'BRANCH_LEAD') refuse('forbidden', 'BRANCH_LEAD_ONLY', '仅支行负责人可查看');
}
