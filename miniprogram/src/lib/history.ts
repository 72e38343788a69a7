// How the account history reads: its filters, its month sections and what each entry's status
// says. Amounts and statuses are the server's; this only arranges and names them.
import type { HistoryItem, HistoryQuery } from '@contract/schemas';

type Direction = NonNullable<HistoryQuery['direction']>;
type Group = NonNullable<HistoryQuery['group']>;
export type EntryStatus = HistoryItem['status'];

export const DIRECTION_CHIPS: { value: Direction | undefined; label: string }[] = [
  { value: undefined, label: '全部' },
  { value: 'IN', label: '收入' },
  { value: 'OUT', label: '支出' },
];

export const GROUP_CHIPS: { value: Group | undefined; label: string }[] = [
  { value: undefined, label: '全部类型' },
  { value: 'TRANSFER', label: '转账' },
  { value: 'CARD', label: '充值提现' },
  { value: 'LOAN', label: '贷款' },
  { value: 'WEALTH', label: '理财' },
  { value: 'BILL', label: '缴费' },
  { value: 'CORRECTION', label: '差错调整' },
  { value: 'MERCHANT', label: '社区消费' },
];

/** The receipt's headline for each status. */
export const STATUS_MESSAGES: Record<EntryStatus, string> = {
  SUCCEEDED: '交易成功',
  PENDING: '处理中',
  FAILED: '交易失败，资金已退回',
  REFUNDED: '已退款',
  HELD: '延时到账中',
  CANCELLED: '已撤销，资金已退回',
};

/** The tag a list row carries when it did not simply succeed: its amount is struck through
 *  unless still pending. */
export const STATUS_TAGS: Record<EntryStatus, string | null> = {
  SUCCEEDED: null,
  PENDING: '处理中',
  FAILED: '已退回',
  REFUNDED: '已退款',
  HELD: '延时到账',
  CANCELLED: '已撤销',
};

/** Money that did not stay moved: drawn struck through and grey. */
export const isUndone = (status: EntryStatus): boolean => status === 'FAILED' || status === 'REFUNDED' || status === 'CANCELLED';

export interface MonthSection<T> {
  /** `2026年12月`, in the phone's time zone like every time it shows. */
  title: string;
  items: T[];
}

/** Newest-first entries in sections by calendar month, in the order given. */
export function byMonth<T extends { createdAt: string }>(items: readonly T[]): MonthSection<T>[] {
  const sections: MonthSection<T>[] = [];
  for (const item of items) {
    const date = new Date(item.createdAt);
    const title = Number.isNaN(date.getTime()) ? '更早' : `${date.getFullYear()}年${date.getMonth() + 1}月`;
    const last = sections[sections.length - 1];
    if (last?.title === title) last.items.push(item);
    else sections.push({ title, items: [item] });
  }
  return sections;
}
