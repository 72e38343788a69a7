// What a manager's work brought, per period of China dates: the funnel and money of their own
// dashboard, the customers they referred (masked), and for a branch lead the branch ranked.
import { config } from '../config.js';
import type { NamedProduct } from '../contract/rm-schemas.js';
import { refuse } from '../domain/errors.js';
import {
  checkedPeriod,
  DEFAULT_PERIOD_DAYS,
  funnel,
  type FunnelRow,
  type LeaderboardEntry,
  type FunnelStage,
  furthestStage,
  type MoneyTotal,
  moneyTotals,
  type Period,
  periodEnding,
  periodTimes,
  rankLeaderboard,
} from '../domain/rm/funnel.js';
import { productFromKey, productKey, type ShareProduct } from '../domain/rm/product.js';
import { assertBranchLead } from '../domain/rm/staff.js';
import { currentBusinessDate } from '../store/business-date.js';
import * as referrals from '../store/referrals.js';
import { branchStaff, type StaffRecord } from '../store/staff.js';
import { productName } from './rm-products.js';
import { loadStaff } from './staff-guards.js';

/** Managers whose activity is read at once, so a large branch never fans out into hundreds of
 *  queries at the same time. */
const LEADERBOARD_BATCH = 10;

async function periodOf(query: { days?: number; from?: string; to?: string }, now: Date): Promise<Period> {
  if (query.from !== undefined && query.to !== undefined) {
    return checkedPeriod(query.from, query.to) ?? refuse('invalid', 'PERIOD_INVALID', '统计区间无效（起止日期颠倒或超过 366 天）');
  }
  return periodEnding(await currentBusinessDate(now), query.days ?? DEFAULT_PERIOD_DAYS);
}

/** Each product once, with its name. */
async function named(products: ShareProduct[]): Promise<NamedProduct[]> {
  const unique = [...new Map(products.map((p) => [productKey(p), p])).values()];
  return Promise.all(unique.map(async (p) => ({ type: p.type, id: p.id, name: await productName(p) })));
}

export interface ManagerDashboard {
  staff: StaffRecord;
  period: Period;
  /** The entry product the figures are limited to, if any. */
  product: NamedProduct | null;
  /** Products customers came in through in the period. */
  products: NamedProduct[];
  funnel: FunnelRow[];
  money: MoneyTotal[];
  attributionWindowDays: number;
  /** More activity than one dashboard reads: the figures are a lower bound. */
  truncated: boolean;
}

/** `product` is a `TYPE:id` key the contract checked. */
export async function managerDashboard(
  staffId: string,
  query: { days?: number; from?: string; to?: string; product?: string },
  now: Date,
): Promise<ManagerDashboard> {
  const staff = await loadStaff(staffId);
  const period = await periodOf(query, now);
  const filter = query.product === undefined ? null : productFromKey(query.product);
  const { start, end } = periodTimes(period);
  const activity = await referrals.managerActivity(staffId, start, end);
  return {
    staff,
    period,
    product: filter ? { ...filter, name: await productName(filter) } : null,
    products: await named([...activity.openings.map((o) => o.product), ...activity.cohort.map((c) => c.entryProduct)]),
    funnel: funnel(activity.openings, activity.cohort, filter),
    money: moneyTotals(activity.money, period, filter),
    attributionWindowDays: config().RM_ATTRIBUTION_WINDOW_DAYS,
    truncated: activity.truncated,
  };
}

export interface ReferredCustomer {
  nameMasked: string | null;
  phoneMasked: string | null;
  entryProduct: NamedProduct;
  firstTouchAt: string;
  /** The furthest stage reached. */
  stage: FunnelStage;
}

/** The manager's customers, newest first touch first, masked. */
export async function referredCustomers(staffId: string, page: { limit: number; cursor: string | undefined }) {
  await loadStaff(staffId);
  const found = await referrals.staffCustomers(staffId, page.limit, page.cursor);
  const contacts = await referrals.maskedContacts(found.items.map((c) => c.customerId));
  const names = new Map((await named(found.items.map((c) => c.entryProduct))).map((p) => [productKey(p), p]));
  const items: ReferredCustomer[] = found.items.map((c) => ({
    nameMasked: contacts.get(c.customerId)?.nameMasked ?? null,
    phoneMasked: contacts.get(c.customerId)?.phoneMasked ?? null,
    entryProduct: names.get(productKey(c.entryProduct))!,
    firstTouchAt: c.firstTouchAt,
    stage: furthestStage(c.stages),
  }));
  return { items, nextCursor: found.nextCursor };
}

export interface BranchLeaderboard {
  lead: StaffRecord;
  period: Period;
  ranked: (LeaderboardEntry<{ staff: StaffRecord; opened: number }> & { rank: number })[];
  truncated: boolean;
}

/** The active managers of the lead's branch, ranked over the period ending today. */
export async function branchLeaderboard(staffId: string, days: number | undefined, now: Date): Promise<BranchLeaderboard> {
  const lead = await loadStaff(staffId);
  assertBranchLead(lead);
  const period = periodEnding(await currentBusinessDate(now), days ?? DEFAULT_PERIOD_DAYS);
  const { start, end } = periodTimes(period);
  const branch = await branchStaff(lead.branchId);
  const members = branch.members.filter((m) => m.status === 'ACTIVE');
  let truncated = branch.truncated;
  const entries: LeaderboardEntry<{ staff: StaffRecord; opened: number }>[] = [];
  for (let i = 0; i < members.length; i += LEADERBOARD_BATCH) {
    const batch = members.slice(i, i + LEADERBOARD_BATCH);
    const activities = await Promise.all(batch.map((m) => referrals.managerActivity(m.staffId, start, end)));
    for (const [index, activity] of activities.entries()) {
      truncated ||= activity.truncated;
      const rows = funnel(activity.openings, activity.cohort, null);
      entries.push({
        who: { staff: batch[index]!, opened: rows.find((r) => r.stage === 'OPENED')!.count },
        referred: activity.cohort.length,
        accountsOpened: rows.find((r) => r.stage === 'ACCOUNT_OPENED')!.count,
        moneyFen: moneyTotals(activity.money, period, null).reduce((sum, total) => sum + total.amountFen, 0),
      });
    }
  }
  return { lead, period, ranked: rankLeaderboard(entries), truncated };
}
