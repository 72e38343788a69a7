// Managing the console's operators (运营人员管理), as rules without I/O. An administrator drafts a
// new operator, a change of roles or a deactivation; another administrator approves it
// (maker-checker, services/change-requests.ts). Direct actions — unlock, reset the authenticator,
// issue an activation code — are audited. Browser-safe: the console reads the labels from here.
import { refuse } from './errors.js';
import { OPERATOR_PASSWORD_MAX_LENGTH, OPERATOR_PASSWORD_MIN_LENGTH, OPERATOR_ROLES, type OperatorRole, type OperatorStatus } from './operator-roles.js';

export const OPERATOR_STATUS_LABELS: Record<OperatorStatus, string> = {
  PENDING_ACTIVATION: '待激活',
  ACTIVE: '在职',
  DEACTIVATED: '已停用',
};

/**
 * A new operator (or one whose authenticator was reset) sets their own password and enrols their
 * own authenticator with a one-time activation code, so no administrator ever knows an
 * operator's credentials. The code is shown once to the administrator who asks for it, to be
 * handed over in person; it lives long enough for a weekend and dies at first use.
 */
export const ACTIVATION_CODE_HOURS = 72;
/** Groups of four base32 characters: 16 characters, 80 random bits. */
export const ACTIVATION_CODE_PATTERN = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;
/** Between showing the new authenticator secret and the operator's first code from it. */
export const ACTIVATION_ENROLMENT_MINUTES = 10;

/** Four eyes on operator changes needs two administrators: no change may leave fewer. */
export const MIN_ACTIVE_ADMINS = 2;
export const DEACTIVATION_REASON_MIN_LENGTH = 4;
export const DEACTIVATION_REASON_MAX_LENGTH = 200;
export const OPERATOR_DISPLAY_NAME_MAX_LENGTH = 40;

/** Segregation of duties: whoever manages access and whoever audits hold no other role. */
const EXCLUSIVE_ROLES: readonly OperatorRole[] = ['ADMIN', 'AUDITOR'];

/** Refuses a role set an operator may not hold: none, unknown ones, or an exclusive role with another. */
export function checkRoles(roles: readonly OperatorRole[]): OperatorRole[] {
  const distinct = OPERATOR_ROLES.filter((role) => roles.includes(role));
  if (distinct.length === 0 || distinct.length !== new Set(roles).size) refuse('invalid', 'OPERATOR_ROLES_INVALID', '请至少选择一个有效角色');
  const exclusive = EXCLUSIVE_ROLES.find((role) => distinct.includes(role));
  if (exclusive && distinct.length > 1) refuse('invalid', 'OPERATOR_ROLES_CONFLICT', exclusive === 'ADMIN' ? '管理员不得兼任其他角色' : '审计不得兼任其他角色');
  return distinct;
}

/** An administrator never changes their own access (roles, deactivation, unlock, authenticator). */
export function checkNotSelf(actorOperatorId: string, targetOperatorId: string): void {
  if (actorOperatorId === targetOperatorId) refuse('forbidden', 'OPERATOR_SELF', '不能变更本人的账户，请由另一名管理员操作');
}

/** Would the operators' admins drop below the minimum if `leaving` of them stopped being one? */
export function checkAdminsRemain(activeAdmins: number, leaving: number): void {
  if (activeAdmins - leaving < MIN_ACTIVE_ADMINS) refuse('conflict', 'ADMINS_TOO_FEW', `至少需保留 ${MIN_ACTIVE_ADMINS} 名在职管理员（新建与变更运营人员需另一名管理员复核）`);
}

/** The password an operator chooses at activation: the sign-in's length, letters and digits, and
 *  not their login. */
export function checkNewPassword(password: string, login: string): void {
  const long = password.length >= OPERATOR_PASSWORD_MIN_LENGTH && password.length <= OPERATOR_PASSWORD_MAX_LENGTH;
  if (!long || !/[A-Za-z]/.test(password) || !/\d/.test(password) || password.toLowerCase().includes(login)) {
    refuse('invalid', 'PASSWORD_TOO_WEAK', `密码须为 ${OPERATOR_PASSWORD_MIN_LENGTH}–${OPERATOR_PASSWORD_MAX_LENGTH} 位，同时包含字母和数字，且不含登录名`);
  }
}

/** Entity ids of the maker-checker lock: an operator, or a login not yet created (hex, since a
 *  login's dots are not allowed in an entity id). */
export const operatorEntityId = (operatorId: string) => `operator:${operatorId}`;
export const operatorLoginEntityId = (login: string) => `operator-login:${Array.from(login, (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('')}`;
