// Maker-checker (四眼原则): a change to what customers are offered or what money does is submitted
// by one operator (the maker) and takes effect only once another operator (the checker) approves
// it, at the time the maker chose. These are the rules of that workflow, without I/O: the states
// and which move is allowed from which, who may decide, and what a change alters (the diff the
// checker reads). services/change-requests.ts runs them; each kind's effect is in services.
import { refuse } from './errors.js';

/** What a change alters. A kind is added with its handler (services/change-kinds.ts). */
export const CHANGE_KINDS = ['LOAN_PRODUCT_VERSION', 'LPR', 'ACCOUNT_UNFREEZE', 'OPERATOR_CREATE', 'OPERATOR_ROLES', 'OPERATOR_DEACTIVATE', 'BILLER', 'STAFF_CREATE', 'STAFF_DEACTIVATE', 'STAFF_WORK_PHONE', 'WEALTH_PRODUCT_VERSION', 'WEALTH_PRODUCT_STATUS', 'WEALTH_NAV', 'WEALTH_YIELD', 'COMPLAINT_CORRECTION', 'RISK_RULES', 'WATCH_LIST', 'PARTNER', 'MERCHANT_REVIEW', 'PARTNER_RESERVE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  LOAN_PRODUCT_VERSION: '贷款产品版本',
  LPR: '贷款市场报价利率（LPR）',
  ACCOUNT_UNFREEZE: '解冻电子账户',
  OPERATOR_CREATE: '新建运营人员',
  OPERATOR_ROLES: '调整运营人员角色',
  OPERATOR_DEACTIVATE: '停用运营人员',
  BILLER: '缴费机构',
  STAFF_CREATE: '新建客户经理',
  STAFF_DEACTIVATE: '停用客户经理',
  STAFF_WORK_PHONE: '修改客户经理办公电话',
  WEALTH_PRODUCT_VERSION: '理财产品版本',
  WEALTH_PRODUCT_STATUS: '理财产品开放/暂停申购',
  WEALTH_NAV: '理财产品净值',
  WEALTH_YIELD: '货币基金七日年化收益率',
  COMPLAINT_CORRECTION: '差错调整',
  RISK_RULES: '风控规则',
  WATCH_LIST: '监控名单',
  PARTNER: '开放平台合作方',
  MERCHANT_REVIEW: '商户进件审核',
  PARTNER_RESERVE: '合作方保证金入账',
};

/** PENDING → APPROVED → EFFECTIVE, or PENDING → REJECTED | WITHDRAWN; an approved change the rules
 *  refuse when it is applied (a NAV for a date closed meanwhile with another price) ends FAILED. */
export const CHANGE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EFFECTIVE', 'FAILED'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  PENDING: '待复核',
  APPROVED: '已通过，待生效',
  REJECTED: '已驳回',
  WITHDRAWN: '已撤回',
  EFFECTIVE: '已生效',
  FAILED: '未能生效',
};

export const DECISION_NOTE_MAX_LENGTH = 200;
export const ENTITY_LABEL_MAX_LENGTH = 60;
export const ENTITY_ID_PATTERN = /^[a-z][a-z0-9-]*(:[A-Za-z0-9_-]{1,64})?$/;
/** How far ahead a maker may schedule a change: beyond a year it is a plan, not a change. */
export const MAX_EFFECTIVE_DELAY_DAYS = 366;

export interface ChangeParty {
  operatorId: string;
  login: string;
  displayName: string;
}

export type JsonObject = Record<string, unknown>;

export interface ChangeRequest {
  changeId: string;
  kind: ChangeKind;
  /** One pending change per entity: `loan-product:<productId>`, `lpr`, `account:<accountId>`,
   *  `movement:<journalId>`. */
  entityId: string;
  /** What the checker reads, in Chinese: 贷款产品 近邻消费贷 v3. */
  entityLabel: string;
  status: ChangeStatus;
  /** The entity as it was when the change was submitted (null: a new entity). */
  before: JsonObject | null;
  /** The entity as the change makes it. */
  after: JsonObject;
  maker: ChangeParty;
  submittedAt: string;
  /** When it takes effect once approved (the maker's choice; the submission time by default). */
  effectiveAt: string;
  checker?: ChangeParty;
  decidedAt?: string;
  decisionNote?: string;
  appliedAt?: string;
  /** FAILED: when, and why in the rules' words (what the applier refused). */
  failedAt?: string;
  failure?: string;
}

export interface DiffLine {
  /** Dotted: `minAmountFen`, `spreadBpsByGrade.A`, `termsMonths.2`. */
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What differs between `before` and `after`, leaf by leaf, in a stable order (keys sorted, arrays
 *  by index); a member only one side has is `undefined` on the other. A null `before` (a new
 *  entity) lists every leaf of `after`. */
export function changeDiff(before: JsonObject | null, after: JsonObject): DiffLine[] {
  return diffAt('', before ?? {}, after);
}

const emptyLike = (value: unknown) => (Array.isArray(value) ? [] : isPlainObject(value) ? {} : undefined);

function diffAt(path: string, before: unknown, after: unknown): DiffLine[] {
  const left = before === undefined ? emptyLike(after) : before;
  const right = after === undefined ? emptyLike(before) : after;
  const nested = (Array.isArray(left) && Array.isArray(right)) || (isPlainObject(left) && isPlainObject(right));
  if (!nested) return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
  const names = Array.isArray(left)
    ? Array.from({ length: Math.max(left.length, (right as unknown[]).length) }, (_, i) => String(i))
    : [...new Set([...Object.keys(left as JsonObject), ...Object.keys(right as JsonObject)])].sort();
  return names.flatMap((name) =>
    diffAt(path ? `${path}.${name}` : name, (left as Record<string, unknown>)[name], (right as Record<string, unknown>)[name]),
  );
}

/** When a submitted change takes effect: the maker's time, or now when none or already past.
 *  Refused beyond MAX_EFFECTIVE_DELAY_DAYS or when not a time at all. */
export function effectiveTime(requested: string | undefined, now: Date): string {
  if (requested === undefined) return now.toISOString();
  const at = Date.parse(requested);
  if (Number.isNaN(at)) refuse('invalid', 'EFFECTIVE_AT_INVALID', '生效时间无效');
  if (at > now.getTime() + MAX_EFFECTIVE_DELAY_DAYS * 86_400_000) refuse('invalid', 'EFFECTIVE_AT_TOO_LATE', '生效时间不能晚于一年之后');
  return new Date(Math.max(at, now.getTime())).toISOString();
}

/** Checks a submission's own fields (the kind's module builds before/after). */
export function checkSubmission(change: { entityId: string; entityLabel: string; before: JsonObject | null; after: JsonObject }): void {
  if (!ENTITY_ID_PATTERN.test(change.entityId) || change.entityId.length > 100) throw new Error(`change entity id ${change.entityId} is not an entity id`);
  const label = change.entityLabel.trim();
  if (label.length === 0 || label.length > ENTITY_LABEL_MAX_LENGTH) throw new Error(`change entity label must be 1–${ENTITY_LABEL_MAX_LENGTH} characters`);
  if (changeDiff(change.before, change.after).length === 0) refuse('invalid', 'CHANGE_EMPTY', '变更内容与当前一致，无需提交');
}

export type Decision = 'approve' | 'reject';

/** May `checker` approve or reject `change`? Only a pending change, never by its maker — whatever
 *  the checker's roles (an administrator included) — and only with the kind's permission. A
 *  rejection says why. */
export function checkDecision(
  change: ChangeRequest,
  checker: { operatorId: string; permissions: readonly string[] },
  decision: Decision,
  note: string | undefined,
  permissionToApprove: string,
): void {
  if (change.maker.operatorId === checker.operatorId) refuse('forbidden', 'SAME_OPERATOR', '不能复核本人提交的变更');
  if (!checker.permissions.includes(permissionToApprove)) refuse('forbidden', 'FORBIDDEN', '无权执行该操作');
  if (change.status !== 'PENDING') refuse('conflict', 'CHANGE_NOT_PENDING', '该变更已处理，不能再复核');
  if (decision === 'reject' && !note?.trim()) refuse('invalid', 'DECISION_NOTE_REQUIRED', '驳回须填写理由');
}

/** Only the maker withdraws, and only while the change waits for a checker. */
export function checkWithdrawal(change: ChangeRequest, operatorId: string): void {
  if (change.maker.operatorId !== operatorId) refuse('forbidden', 'NOT_MAKER', '只能撤回本人提交的变更');
  if (change.status !== 'PENDING') refuse('conflict', 'CHANGE_NOT_PENDING', '该变更已处理，不能撤回');
}

/** An approved change whose time has come. */
export const isDue = (change: Pick<ChangeRequest, 'status' | 'effectiveAt'>, now: Date) => change.status === 'APPROVED' && change.effectiveAt <= now.toISOString();

/** Holds its entity's lock: one such change per entity at a time. */
export const holdsLock = (status: ChangeStatus) => status === 'PENDING' || status === 'APPROVED';
