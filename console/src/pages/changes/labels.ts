// What the console calls a change's kind, status and fields, in Chinese, and how a value in a
// before/after diff is written for people. Values are shown as the server sent them: amounts and
// rates only formatted (fen → 元, basis points → %), never recomputed.
import { formatRateBps, formatYuan } from '../../../../functions/domain/format';
import { METHOD_LABELS, PURPOSE_LABELS } from '../../../../functions/domain/loan/product';
import { CHANGE_KIND_LABELS, CHANGE_STATUS_LABELS } from '../../../../functions/domain/change-requests';
import type { ChangeStatus, LoanProduct, Permission } from '@/api/types';

export { CHANGE_KIND_LABELS };

/** How each status is marked (ProTable's and Badge's status colours). */
const STATUS_MARKS: Record<ChangeStatus, 'Processing' | 'Success' | 'Error' | 'Default' | 'Warning'> = {
  PENDING: 'Processing',
  APPROVED: 'Warning',
  EFFECTIVE: 'Success',
  REJECTED: 'Error',
  WITHDRAWN: 'Default',
};

export const CHANGE_STATUSES_SHOWN = Object.fromEntries(
  Object.entries(STATUS_MARKS).map(([status, mark]) => [status, { text: CHANGE_STATUS_LABELS[status as ChangeStatus], status: mark }]),
) as Record<ChangeStatus, { text: string; status: (typeof STATUS_MARKS)[ChangeStatus] }>;

/** The permission a checker needs for each kind (services/change-kinds.ts; the server checks it
 *  again whatever is shown). A kind not listed here is offered and left to the server. */
export const APPROVE_PERMISSION: Partial<Record<string, Permission>> = {
  LOAN_PRODUCT_VERSION: 'products.approve',
  LPR: 'products.approve',
  ACCOUNT_UNFREEZE: 'accounts.unfreeze.approve',
};

/** A loan product's fields, in the product form's order (its detail and the change diff). */
export const LOAN_PRODUCT_FIELDS: readonly (keyof LoanProduct)[] = [
  'productId',
  'name',
  'kind',
  'minAmountFen',
  'maxAmountFen',
  'termsMonths',
  'methods',
  'spreadBpsByGrade',
  'rateCapBps',
  'penaltyRateMarkupPercent',
  'coolingOffDays',
  'disclosureVersion',
  'purposes',
  'requiresBusinessLicence',
];

export const kindLabel = (kind: string): string => (CHANGE_KIND_LABELS as Record<string, string>)[kind] ?? kind;

export const LOAN_KIND_LABELS: Record<string, string> = {
  CONSUMER_CREDIT: '个人消费贷',
  MICRO_BUSINESS: '小微经营贷',
};

export const GRADE_LABEL = (grade: string) => `${grade} 级`;

/** Field labels by a change's dotted path (its first segments; a list's index is dropped). */
const FIELD_LABELS: Record<string, string> = {
  productId: '产品编号',
  name: '产品名称',
  kind: '产品类型',
  minAmountFen: '最低借款金额',
  maxAmountFen: '最高借款金额',
  termsMonths: '可选期限',
  methods: '还款方式',
  spreadBpsByGrade: '各级利差',
  rateCapBps: '利率上限',
  penaltyRateMarkupPercent: '罚息上浮比例',
  coolingOffDays: '冷静期',
  disclosureVersion: '信息披露版本',
  purposes: '借款用途',
  requiresBusinessLicence: '需营业执照',
  oneYearLprBps: '一年期 LPR',
  status: '状态',
  reason: '原因',
};

export function fieldLabel(path: string): string {
  const [head, next] = path.split('.');
  if (head === 'spreadBpsByGrade' && next) return `${GRADE_LABEL(next)}利差`;
  return FIELD_LABELS[head ?? ''] ?? path;
}

const isFen = (path: string) => /Fen$/.test(path);
const isBps = (path: string) => /Bps$/.test(path) || /^spreadBpsByGrade\.[A-E]$/.test(path);

/** A diff value as people read it: 元 for fen, % for basis points, Chinese for enums. */
export function formatValue(path: string, value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  const last = path.split('.')[0] ?? path;
  if (typeof value === 'number' && isFen(path)) return `¥${formatYuan(value)}`;
  if (typeof value === 'number' && isBps(path)) return `${value} 基点（${formatRateBps(value)}）`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (last === 'penaltyRateMarkupPercent' && typeof value === 'number') return `${value}%`;
  if (last === 'coolingOffDays' && typeof value === 'number') return `${value} 天`;
  if (last === 'termsMonths') return Array.isArray(value) ? value.map((term) => `${term} 个月`).join('、') : `${String(value)} 个月`;
  if (last === 'kind' && typeof value === 'string') return LOAN_KIND_LABELS[value] ?? value;
  if (last === 'methods') return listOf(value, METHOD_LABELS);
  if (last === 'purposes') return listOf(value, PURPOSE_LABELS);
  if (last === 'spreadBpsByGrade' && typeof value === 'object') {
    return Object.entries(value as Record<string, number>)
      .map(([grade, bps]) => `${GRADE_LABEL(grade)} ${bps} 基点`)
      .join('；');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function listOf(value: unknown, labels: Record<string, string>): string {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => labels[String(item)] ?? String(item)).join('、');
}
