// Chinese labels for the loan enums the server sends as codes. Products carry their own method
// and purpose labels; these are the enums that are fixed in the contract.
import type {
  DeferralRequest,
  InstallmentView,
  LoanApplicationRequest,
  LoanView,
  PayoffQuoteView,
} from '@contract/loan-schemas';
import type { Prepayment } from '@contract/prepayment-schema';

export type Industry = LoanApplicationRequest['industry'];
export type InstallmentStatus = InstallmentView['status'];
export type DpdBucket = LoanView['overdue']['bucket'];
export type DeferralReason = DeferralRequest['reason'];
export type PrepaymentAdjustment = Prepayment['adjustment'];
export type DayCountBasis = PayoffQuoteView['dayCountBasis'];

/** How the server counts days of interest (its quotes name the basis). */
export const DAY_COUNT_LABELS: Record<DayCountBasis, string> = {
  'ACT/360': '实际天数/360',
};

/** What happens to the rest of the schedule after a prepayment: the customer's choice. */
export const PREPAYMENT_ADJUSTMENT_LABELS: Record<PrepaymentAdjustment, string> = {
  REDUCE_PAYMENT: '减少月供',
  SHORTEN_TERM: '缩短期限',
};

/** In the order the apply form lists them. */
export const INDUSTRY_LABELS: Record<Industry, string> = {
  MANUFACTURING: '制造业',
  CONSTRUCTION: '建筑业',
  WHOLESALE_RETAIL: '批发零售',
  TRANSPORT_LOGISTICS: '交通物流',
  HOSPITALITY_CATERING: '住宿餐饮',
  INFORMATION_TECHNOLOGY: '信息技术',
  FINANCE: '金融业',
  EDUCATION: '教育',
  HEALTHCARE: '医疗卫生',
  PUBLIC_SECTOR: '机关事业单位',
  AGRICULTURE: '农林牧渔',
  OTHER: '其他行业',
};

export const INSTALLMENT_STATUS_LABELS: Record<InstallmentStatus, string> = {
  PAID: '已还',
  OVERDUE: '已逾期',
  DUE: '待还',
  UPCOMING: '未到期',
};

export const DPD_BUCKET_LABELS: Record<DpdBucket, string> = {
  CURRENT: '正常',
  DPD_1_30: '逾期 1–30 天',
  DPD_31_60: '逾期 31–60 天',
  DPD_61_90: '逾期 61–90 天',
  DPD_90_PLUS: '逾期 90 天以上',
};

export const DEFERRAL_REASON_LABELS: Record<DeferralReason, string> = {
  ILLNESS: '本人或家人患病',
  INCOME_LOSS: '失业或收入中断',
  DISASTER: '自然灾害等意外',
  OTHER: '其他原因',
};

type LoanState = Pick<LoanView, 'status' | 'overdue'>;

/** What the customer sees as the loan's state: overdue matters more than "active". */
export function loanStatusLabel(loan: LoanState): string {
  if (loan.status === 'PAID_OFF') return '已结清';
  return loan.overdue.daysPastDue > 0 ? '已逾期' : '还款中';
}

export function loanStatusClass(loan: LoanState): string {
  if (loan.status === 'PAID_OFF') return 'badge badge--muted';
  return loan.overdue.daysPastDue > 0 ? 'badge badge--warn' : 'badge';
}

/** Typed keys of a label table, in its order. */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}
