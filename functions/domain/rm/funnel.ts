// The managers' funnel: from opening a link to money. Counts are per cohort — the devices that
// opened a manager's links in the period, and the customers first touched in the period — with
// each later stage counting the cohort's customers who have reached it (so a stage never counts
// someone its cohort does not hold). Money is what the manager's customers did in the period,
// from their first touch on. Rates are whole basis points, rounded half up, computed here so no
// screen ever computes one.
import type { CustomerEventKind } from '../customer-events.js';
import { addDays, assertIsoDate, daysBetween } from '../loan/dates.js';
import { businessDate } from '../time.js';
import { productKey, type ShareProduct } from './product.js';

export type FunnelStage = 'OPENED' | CustomerEventKind;

export const FUNNEL_STAGES: readonly { stage: FunnelStage; after: FunnelStage | null; label: string }[] = [
  { stage: 'OPENED', after: null, label: '打开链接' },
  { stage: 'SIGNED_UP', after: 'OPENED', label: '注册登录' },
  { stage: 'REAL_NAME_VERIFIED', after: 'SIGNED_UP', label: '实名认证' },
  { stage: 'ACCOUNT_OPENED', after: 'REAL_NAME_VERIFIED', label: '开通电子账户' },
  { stage: 'LOAN_APPLIED', after: 'ACCOUNT_OPENED', label: '申请贷款' },
  { stage: 'LOAN_APPROVED', after: 'LOAN_APPLIED', label: '贷款获批' },
  { stage: 'LOAN_DRAWN', after: 'LOAN_APPROVED', label: '贷款提款' },
  { stage: 'WEALTH_PURCHASED', after: 'ACCOUNT_OPENED', label: '购买理财' },
  { stage: 'BILL_PAID', after: 'ACCOUNT_OPENED', label: '生活缴费' },
];

/** Events whose amount is money the customer moved (a credit limit is not). */
export const MONEY_KINDS = ['LOAN_DRAWN', 'WEALTH_PURCHASED', 'BILL_PAID'] as const satisfies readonly CustomerEventKind[];
export type MoneyKind = (typeof MONEY_KINDS)[number];
export const isMoneyKind = (kind: CustomerEventKind): kind is MoneyKind => (MONEY_KINDS as readonly string[]).includes(kind);

export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

export interface Period {
  from: string;
  to: string;
}

/** The `days` days ending on `to` (a business date). */
export function periodEnding(to: string, days: number): Period {
  assertIsoDate(to, 'to');
  if (!Number.isInteger(days) || days < 1 || days > MAX_PERIOD_DAYS) throw new Error(`period days out of range: ${days}`);
  return { from: addDays(to, -(days - 1)), to };
}

/** A period the caller named; undefined when it runs backwards or is too long. */
export function checkedPeriod(from: string, to: string): Period | undefined {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to || daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return undefined;
  return { from, to };
}

/** The ISO-time range [start, end) of a period of China dates (UTC+8, no DST). */
export function periodTimes(period: Period): { start: string; end: string } {
  const start = new Date(`${period.from}T00:00:00+08:00`).toISOString();
  const end = new Date(`${addDays(period.to, 1)}T00:00:00+08:00`).toISOString();
  return { start, end };
}

export const inPeriod = (at: string, period: Period): boolean => {
  const date = businessDate(new Date(at));
  return date >= period.from && date <= period.to;
};

/** A device's opening of a link in the period. */
export interface Opening {
  deviceId: string;
  product: ShareProduct;
}

/** A customer of the manager whose first touch is in the period, with the stages reached. */
export interface CohortCustomer {
  customerId: string;
  entryProduct: ShareProduct;
  firstTouchAt: string;
  stages: Partial<Record<CustomerEventKind, string>>;
}

export interface MoneyEvent {
  customerId: string;
  kind: MoneyKind;
  amountFen: number;
  at: string;
  entryProduct: ShareProduct;
}

export interface FunnelRow {
  stage: FunnelStage;
  label: string;
  count: number;
  /** Of the stage before (null for the first stage, or when that stage counted nobody). */
  conversionBps: number | null;
  conversionDisplay: string;
  /** Of everyone who opened a link. */
  ofOpenedBps: number | null;
  ofOpenedDisplay: string;
}

export interface MoneyTotal {
  kind: MoneyKind;
  count: number;
  amountFen: number;
}

/** count / base in basis points, rounded half up; null when the base is 0. */
export function rateBps(count: number, base: number): number | null {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(base) || count < 0 || base < 0) throw new Error('counts must be whole');
  if (base === 0) return null;
  return Math.floor((count * 20_000 + base) / (2 * base));
}

export function formatBps(bps: number | null): string {
  if (bps === null) return '—';
  return `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, '0')}%`;
}

const matches = (filter: ShareProduct | null) => (product: ShareProduct) => filter === null || productKey(product) === productKey(filter);

export function funnel(openings: readonly Opening[], cohort: readonly CohortCustomer[], filter: ShareProduct | null): FunnelRow[] {
  const keep = matches(filter);
  const counts = new Map<FunnelStage, number>();
  counts.set('OPENED', new Set(openings.filter((o) => keep(o.product)).map((o) => o.deviceId)).size);
  const members = cohort.filter((c) => keep(c.entryProduct));
  for (const { stage } of FUNNEL_STAGES) {
    if (stage === 'OPENED') continue;
    counts.set(stage, members.filter((c) => c.stages[stage] !== undefined).length);
  }
  const opened = counts.get('OPENED')!;
  return FUNNEL_STAGES.map(({ stage, after, label }) => {
    const count = counts.get(stage)!;
    const conversionBps = after === null ? null : rateBps(count, counts.get(after)!);
    const ofOpenedBps = stage === 'OPENED' ? null : rateBps(count, opened);
    return { stage, label, count, conversionBps, conversionDisplay: formatBps(conversionBps), ofOpenedBps, ofOpenedDisplay: formatBps(ofOpenedBps) };
  });
}

export function moneyTotals(events: readonly MoneyEvent[], period: Period, filter: ShareProduct | null): MoneyTotal[] {
  const keep = matches(filter);
  return MONEY_KINDS.map((kind) => {
    const chosen = events.filter((e) => e.kind === kind && keep(e.entryProduct) && inPeriod(e.at, period));
    let amountFen = 0;
    for (const event of chosen) {
      if (!Number.isSafeInteger(event.amountFen) || event.amountFen < 0) throw new Error(`bad amount on ${kind} event`);
      amountFen += event.amountFen;
      if (!Number.isSafeInteger(amountFen)) throw new Error('money total overflows');
    }
    return { kind, count: chosen.length, amountFen };
  });
}

/** The furthest stage a customer reached, for the customer list (later stages win). */
export function furthestStage(stages: Partial<Record<CustomerEventKind, string>>): FunnelStage {
  let furthest: FunnelStage = 'OPENED';
  for (const { stage } of FUNNEL_STAGES) if (stage !== 'OPENED' && stages[stage] !== undefined) furthest = stage;
  return furthest;
}

export const stageLabel = (stage: FunnelStage): string => FUNNEL_STAGES.find((s) => s.stage === stage)!.label;

export interface LeaderboardEntry<T> {
  who: T;
  referred: number;
  accountsOpened: number;
  moneyFen: number;
}

/** Branch ranking: accounts opened, then money moved, then referred customers; ties keep the
 *  order given (callers give staff numbers in order). */
export function rankLeaderboard<T>(entries: readonly LeaderboardEntry<T>[]): (LeaderboardEntry<T> & { rank: number })[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((x, y) => y.entry.accountsOpened - x.entry.accountsOpened || y.entry.moneyFen - x.entry.moneyFen || y.entry.referred - x.entry.referred || x.index - y.index);
  let rank = 0;
  return sorted.map(({ entry }, position) => {
    const previous = position > 0 ? sorted[position - 1]!.entry : undefined;
    if (!previous || previous.accountsOpened !== entry.accountsOpened || previous.moneyFen !== entry.moneyFen || previous.referred !== entry.referred) rank = position + 1;
    return { ...entry, rank };
  });
}
