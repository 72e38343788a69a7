// Bank staff who serve customers: relationship managers (客户经理) and branch leads (支行负责人),
// created by operators. A staff member binds one WeChat identity with a one-time binding code
// the operator hands over; a lead sees the managers of their own branch, nobody sees another
// manager's customers.
import { refuse } from '../errors.js';
import { maskPhone } from '../masking.js';

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
  /** 办公电话: the bank's business number the manager's customers may call; staff created before
   *  work phones were recorded have none. */
  workPhone?: string;
}

/** A staff member's staff number (工号) and branch id (the name follows domain/person-name.ts):
 *  the contract checks them, the console's form says the same inline. */
export const STAFF_NO_PATTERN = /^[A-Za-z0-9]{3,20}$/;
export const BRANCH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
export const BRANCH_NAME_MAX_LENGTH = 40;

/** A work phone (办公电话) is a mainland mobile (工作手机) or a landline with its area code
 *  (0571-88886666): what a customer's phone can dial as it is. */
const MOBILE_PHONE = /^1[3-9]\d{9}$/;
const LANDLINE_PHONE = /^0\d{2,3}-\d{7,8}$/;
/** What the form may send: the longest landline (0xxx-xxxxxxxx) with room for spaces. */
export const WORK_PHONE_INPUT_MAX_LENGTH = 20;

/** The number as it is checked and stored: surrounding and inner spaces dropped (138 0000 0000). */
export function normalizeWorkPhone(phone: string): string {
  return phone.replace(/\s+/g, '');
}

/** Why `phone` (already normalized) is not a work phone, in the operator's words; undefined when it is one. */
export function workPhoneProblem(phone: string): string | undefined {
  if (phone === '') return '请输入办公电话';
  if (MOBILE_PHONE.test(phone) || LANDLINE_PHONE.test(phone)) return undefined;
  if (/^\d+$/.test(phone) && phone.startsWith('1')) return '手机号须为 11 位，第二位为 3–9';
  if (phone.startsWith('0')) return '座机号须为区号-号码，如 0571-88886666';
  return '办公电话须为 11 位手机号或带区号的座机号（如 0571-88886666）';
}

export function assertWorkPhone(phone: string): void {
  const problem = workPhoneProblem(phone);
  if (problem) refuse('invalid', 'WORK_PHONE_INVALID', problem);
}

/** The work phone as a screen shows it: a mobile as 138****0000, a landline keeps its area code. */
export function maskWorkPhone(phone: string): string {
  const [areaCode, local] = phone.split('-');
  return local === undefined ? maskPhone(phone) : `${areaCode}-****${local.slice(-4)}`;
}

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
