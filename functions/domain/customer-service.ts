// The service desk's rules (客户服务): how a customer is found, what an agent may see of them, and
// the e-account's freeze. A freeze (冻结) stops money going out at once — the ledger refuses any
// debit of a FROZEN account (store/ledger.ts) — while money may still come in (只收不付: a
// refund, a returned bill payment or a top-up still lands); lifting it takes a second operator
// (maker-checker, kind ACCOUNT_UNFREEZE).
import { normalizePersonName } from './person-name.js';

/** An e-account is ACTIVE or FROZEN, or CLOSED for good (销户, domain/account-closure.ts). */
export const ACCOUNT_STATUSES = ['ACTIVE', 'FROZEN', 'CLOSED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = { ACTIVE: '正常', FROZEN: '已冻结', CLOSED: '已销户' };

/** Why a freeze is in force, as the account keeps it. */
export interface AccountFreeze {
  /** LOSS_REPORT: the customer's own 挂失 (domain/loss-report.ts), lifted only by the customer;
   *  absent: an operator's freeze. */
  kind?: 'LOSS_REPORT';
  reason: string;
  frozenAt: string;
  operatorId: string;
  login: string;
}

/** A reason typed by an agent (a reveal, a freeze, an unfreeze request): 4–200 characters. */
export const REASON_MIN_LENGTH = 4;
export const REASON_MAX_LENGTH = 200;

/** What an agent may see in full after typing a reason. */
export const REVEAL_FIELDS = ['phone', 'idNumber'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];
export const REVEAL_FIELD_LABELS: Record<RevealField, string> = { phone: '手机号', idNumber: '证件号' };

/** The most customers one search answers (a name may be shared). */
export const CUSTOMER_SEARCH_MAX_RESULTS = 20;
/** The most journal lines, bill payments… the 360 view shows of each. */
export const CUSTOMER_VIEW_RECENT_ITEMS = 20;

/** Staff never unlock a PIN: the customer proves who they are and sets a new one themselves. */
export const PIN_LOCK_HINT = '工作人员不能代客户解锁支付密码。请引导客户在近邻银行小程序「我的 → 忘记支付密码」中通过本人身份核验后重置。';

/** A name as the blind index keys it: full-width forms folded, spaces removed (王 小明 = 王小明),
 *  a look-alike dot read as the ID card's (阿沛・阿旺晋美 = 阿沛·阿旺晋美). */
export function searchableName(name: string): string {
  return normalizePersonName(name.normalize('NFKC').replace(/\s+/g, ''));
}

/** An account number as the blind index keys it: its digits (spaces and dashes as typed dropped). */
export function searchableAccountNumber(accountNumber: string): string {
  return accountNumber.replace(/[\s-]/g, '');
}

/** The entity a change request about an account names (maker-checker: one pending change each). */
export const accountEntityId = (accountId: string) => `account:${accountId}`;
