// What the console calls a change's kind, status and fields, in Chinese, and how a value in a
// before/after diff is written for people. Values are shown as the server sent them: amounts and
// rates only formatted (fen → 元, basis points → %), never recomputed.
import { formatRateBps, formatYuan } from '../../../../functions/domain/format';
import { METHOD_LABELS, PURPOSE_LABELS } from '../../../../functions/domain/loan/product';
import { CHANGE_KIND_LABELS, CHANGE_STATUS_LABELS } from '../../../../functions/domain/change-requests';
import { ISSUER_TYPE_LABELS, PRODUCT_TYPE_LABELS, RISK_LEVEL_LABELS } from '../../../../functions/domain/wealth/product';
import { formatIncomePer10k } from '../../../../functions/domain/wealth/units';
import { CATEGORY_LABELS } from '../../../../functions/domain/bills/biller';
import { STAFF_ROLE_LABELS } from '../../../../functions/domain/rm/staff';
import type { Biller } from '@/api/billers';
import { describeAmount, describeFormat } from '../products/billers/describe';
import { OPERATOR_ROLE_LABELS } from '../../../../functions/domain/operator-roles';
import { OPERATOR_STATUS_LABELS } from '../../../../functions/domain/operator-admin';
import { RISK_FIELD_LABELS, RISK_FIELDS } from '../../../../functions/domain/risk-rules';
import type { ChangeStatus, LoanProduct, Permission, RiskRule } from '@/api/types';
import { ruleText } from '../risk/rule-words';
import { WATCH_LIST_LABELS, type WatchListEntry } from '../../../../functions/domain/name-screening';
import { HOLDER_CHECK_LABELS, MERCHANT_STATUS_LABELS } from '../../../../functions/domain/open/merchant';
import { PARTNER_SCOPE_LABELS } from '../../../../functions/domain/open/partner';

export { CHANGE_KIND_LABELS };

/** How each status is marked (ProTable's and Badge's status colours). */
const STATUS_MARKS: Record<ChangeStatus, 'Processing' | 'Success' | 'Error' | 'Default' | 'Warning'> = {
  PENDING: 'Processing',
  APPROVED: 'Warning',
  EFFECTIVE: 'Success',
  REJECTED: 'Error',
  WITHDRAWN: 'Default',
  FAILED: 'Error',
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
  BILLER: 'products.approve',
  STAFF_CREATE: 'staff.manage',
  STAFF_DEACTIVATE: 'staff.manage',
  STAFF_WORK_PHONE: 'staff.manage',
  OPERATOR_CREATE: 'operators.manage',
  OPERATOR_ROLES: 'operators.manage',
  OPERATOR_DEACTIVATE: 'operators.manage',
  WEALTH_PRODUCT_VERSION: 'products.approve',
  WEALTH_PRODUCT_STATUS: 'products.approve',
  WEALTH_NAV: 'products.approve',
  WEALTH_YIELD: 'products.approve',
  COMPLAINT_CORRECTION: 'corrections.approve',
  RISK_RULES: 'risk.rules.approve',
  WATCH_LIST: 'aml.watchlist.approve',
  PARTNER: 'partners.approve',
  MERCHANT_REVIEW: 'partners.approve',
  PARTNER_RESERVE: 'partners.approve',
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

/** A biller's or staff member's status in a diff. */
const ENTITY_STATUS_LABELS: Record<string, string> = { ACTIVE: '正常', SUSPENDED: '暂停服务', INACTIVE: '已停用' };
/** A partner's key's fields (PARTNER: keys.0.serialNo …). */
const PARTNER_KEY_LABELS: Record<string, string> = { serialNo: '序列号', publicKeyPem: '公钥（PEM）', addedAt: '登记时间' };

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
  billerId: '机构编号',
  category: '缴费类别',
  city: '城市',
  accountNumber: '户号规则',
  amountRule: '金额规则',
  gateway: '缴费渠道',
  staffId: '员工编号',
  staffNo: '工号',
  branchId: '支行代码',
  branchName: '支行名称',
  role: '岗位',
  workPhone: '办公电话',
  login: '登录名',
  displayName: '姓名',
  roles: '角色',
  operatorId: '操作员编号',
  type: '产品类型',
  issuerType: '发行机构类型',
  issuerName: '发行机构',
  offering: '募集方式',
  riskLevel: '风险等级',
  minPurchaseFen: '起购金额',
  stepFen: '递增金额',
  maxPurchaseFen: '单笔上限',
  subscriptionOpensOn: '募集开始日',
  subscriptionClosesOn: '募集结束日',
  termDays: '期限',
  maturityDate: '到期日',
  coolingOffHours: '冷静期',
  fees: '费率',
  description: '产品说明',
  navDate: '净值日期',
  navCentiFen: '单位净值',
  yieldDate: '收益日期',
  sevenDayYieldBps: '七日年化收益率',
  incomePer10kCentiFen: '万份收益',
};

/** A wealth product's annual fees by name (fees.managementBpsPerYear …). */
const FEE_LABELS: Record<string, string> = { managementBpsPerYear: '管理费', custodyBpsPerYear: '托管费', salesServiceBpsPerYear: '销售服务费' };
/** A wealth product's enums in a diff. */
const WEALTH_VALUE_LABELS: Record<string, Record<string, string>> = {
  type: PRODUCT_TYPE_LABELS,
  issuerType: ISSUER_TYPE_LABELS,
  riskLevel: RISK_LEVEL_LABELS,
  offering: { PUBLIC: '公募', PRIVATE: '私募' },
  status: { OPEN: '开放申购', CLOSED: '暂停申购' },
};

/** Where a kind calls a field otherwise (a biller's or a person's name is not a product's). */
const KIND_FIELD_LABELS: Partial<Record<string, Record<string, string>>> = {
  BILLER: { name: '机构名称' },
  STAFF_CREATE: { name: '姓名' },
  STAFF_DEACTIVATE: { name: '姓名' },
  STAFF_WORK_PHONE: { name: '姓名' },
  PARTNER: { name: '合作方名称', partnerId: '合作方编号', status: '接入状态', scopes: '接口权限', webhookUrls: '事件通知地址', feeRateBps: '商户手续费率', rateLimitPerMinute: '每分钟请求上限' },
  MERCHANT_REVIEW: { partnerId: '合作方编号', merchantId: '商户编号', status: '商户状态', reviewNote: '审核说明', holderCheck: '结算账户户名核验' },
  PARTNER_RESERVE: { partnerId: '合作方编号', amountFen: '入账金额', bankReference: '银行流水号', reserveBalanceFen: '保证金余额' },
  COMPLAINT_CORRECTION: {
    ticketId: '投诉工单',
    customerId: '客户编号',
    accountId: '入账账户编号',
    accountNumberMasked: '入账电子账户',
    movementJournalId: '争议交易流水号',
    movementReference: '争议交易参考号',
    movementLabel: '争议交易',
    disputedFen: '争议交易金额',
    amountFen: '本次调整金额',
    correctedBeforeFen: '此前已调整金额',
  },
};

/** The condition fields as the server labels them on the 风控规则 page. */
const RISK_FIELD_VIEWS = RISK_FIELDS.map((field) => ({ field, ...RISK_FIELD_LABELS[field] }));
/** A rule of a RISK_RULES change: the diff compares the rule set rule by rule (ChangeDetail). */
const RISK_RULE_PATH = /^ruleSet\.rules\.(\d+)$/;
export const RISK_RULES_VERSION_PATH = 'ruleSet.version';
/** An entry of a WATCH_LIST change, compared entry by entry as the rules are. */
const WATCH_LIST_ENTRY_PATH = /^watchList\.entries\.(\d+)$/;
export const WATCH_LIST_VERSION_PATH = 'watchList.version';

/** 涉恐名单「艾山·买买提」（来源） · T-0001. */
export const watchListEntryText = (entry: WatchListEntry) => `${WATCH_LIST_LABELS[entry.list]}「${entry.name}」（${entry.source}） · ${entry.entryId}`;

export function fieldLabel(path: string, kind?: string): string {
  const [head, next] = path.split('.');
  const ruleIndex = RISK_RULE_PATH.exec(path)?.[1];
  if (ruleIndex !== undefined) return `规则 ${Number(ruleIndex) + 1}`;
  if (path === RISK_RULES_VERSION_PATH) return '规则集版本';
  const entryIndex = WATCH_LIST_ENTRY_PATH.exec(path)?.[1];
  if (entryIndex !== undefined) return `条目 ${Number(entryIndex) + 1}`;
  if (path === WATCH_LIST_VERSION_PATH) return '名单版本';
  const own = kind === undefined ? undefined : KIND_FIELD_LABELS[kind]?.[head ?? ''];
  if (own) return own;
  if (head === 'spreadBpsByGrade' && next) return `${GRADE_LABEL(next)}利差`;
  const keyField = kind === 'PARTNER' ? /^keys\.(\d+)\.(\w+)$/.exec(path) : null;
  if (keyField) return `公钥 ${Number(keyField[1]) + 1} ${PARTNER_KEY_LABELS[keyField[2]!] ?? keyField[2]}`;
  if (head === 'fees' && next) return FEE_LABELS[next] ?? path;
  return FIELD_LABELS[head ?? ''] ?? path;
}

const isFen = (path: string) => /Fen$/.test(path);
const isBps = (path: string) => /Bps$/.test(path) || /^spreadBpsByGrade\.[A-E]$/.test(path);

/** A diff value as people read it: 元 for fen, % for basis points, Chinese for enums. */
export function formatValue(path: string, value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  if (RISK_RULE_PATH.test(path) && typeof value === 'object') return ruleText(RISK_FIELD_VIEWS, value as RiskRule);
  if (path === RISK_RULES_VERSION_PATH || path === WATCH_LIST_VERSION_PATH) return `第 ${String(value)} 版`;
  if (WATCH_LIST_ENTRY_PATH.test(path) && typeof value === 'object') return watchListEntryText(value as WatchListEntry);
  const last = path.split('.')[0] ?? path;
  // NAVs and 万份收益 are in hundredths of a fen (1.0234 元 = 10234).
  if (typeof value === 'number' && /CentiFen$/.test(path)) return `${formatIncomePer10k(value)} 元`;
  if (typeof value === 'number' && isFen(path)) return `¥${formatYuan(value)}`;
  if (typeof value === 'number' && /BpsPerYear$/.test(path)) return `${value} 基点（${formatRateBps(value)}）/年`;
  if (typeof value === 'string' && WEALTH_VALUE_LABELS[last]?.[value]) return WEALTH_VALUE_LABELS[last][value];
  if (last === 'coolingOffHours' && typeof value === 'number') return `${value} 小时`;
  if (last === 'termDays' && typeof value === 'number') return `${value} 天`;
  if (typeof value === 'number' && isBps(path)) return `${value} 基点（${formatRateBps(value)}）`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (last === 'penaltyRateMarkupPercent' && typeof value === 'number') return `${value}%`;
  if (last === 'coolingOffDays' && typeof value === 'number') return `${value} 天`;
  if (last === 'termsMonths') return Array.isArray(value) ? value.map((term) => `${term} 个月`).join('、') : `${String(value)} 个月`;
  if (last === 'kind' && typeof value === 'string') return LOAN_KIND_LABELS[value] ?? value;
  if (last === 'category' && typeof value === 'string') return (CATEGORY_LABELS as Record<string, string>)[value] ?? value;
  if (last === 'role' && typeof value === 'string') return (STAFF_ROLE_LABELS as Record<string, string>)[value] ?? value;
  if (last === 'status' && typeof value === 'string') return ENTITY_STATUS_LABELS[value] ?? (OPERATOR_STATUS_LABELS as Record<string, string>)[value] ?? (MERCHANT_STATUS_LABELS as Record<string, string>)[value] ?? value;
  if (last === 'holderCheck' && typeof value === 'string') return (HOLDER_CHECK_LABELS as Record<string, string>)[value] ?? value;
  if (last === 'scopes') return listOf(value, PARTNER_SCOPE_LABELS);
  if (last === 'roles') return listOf(value, OPERATOR_ROLE_LABELS);
  if (last === 'methods') return listOf(value, METHOD_LABELS);
  if (last === 'purposes') return listOf(value, PURPOSE_LABELS);
  if (last === 'spreadBpsByGrade' && typeof value === 'object') {
    return Object.entries(value as Record<string, number>)
      .map(([grade, bps]) => `${GRADE_LABEL(grade)} ${bps} 基点`)
      .join('；');
  }
  if (typeof value === 'object' && path === 'city') return `${(value as Biller['city']).name}（${(value as Biller['city']).code}）`;
  if (typeof value === 'object' && path === 'accountNumber') {
    const { label, hint, format } = value as Biller['accountNumber'];
    return `${label}：${describeFormat(format)}（提示：${hint}）`;
  }
  if (typeof value === 'object' && path === 'amountRule') return describeAmount(value as Biller['amountRule']);
  if (typeof value === 'object' && path === 'gateway') return `${(value as Biller['gateway']).channel} · ${(value as Biller['gateway']).billerCode}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function listOf(value: unknown, labels: Record<string, string>): string {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => labels[String(item)] ?? String(item)).join('、');
}
