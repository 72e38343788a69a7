// The dashboard (经营看板): the day close's DASHBOARD step writes one snapshot per business date
// from the indexes the close walks anyway (active loans, wealth holders, the date's settled bill
// payments, the staff directory, the funnel's day index) and the house balances; the console reads
// the snapshots, nothing else. So no money path does any work for the dashboard but one more item
// in the funnel events' own writes, and no console route reads more than one key range.
import { config } from '../config.js';
import { CATEGORY_LABELS, type BillCategory } from '../domain/bills/biller.js';
import type { FunnelEventKind } from '../domain/customer-events.js';
import {
  customerTotalFromHouse,
  DASHBOARD_TREND_DAYS,
  type DashboardSnapshot,
  FUNNEL_CATCH_UP_DAYS,
  LEADERBOARD_DAYS,
  type LeaderWho,
  type LoanBucket,
  nextFunnel,
  topManagers,
  type WealthProductAssets,
} from '../domain/dashboard/figures.js';
import type { ReportFailure } from '../domain/day-close.js';
import { HOUSE_ACCOUNTS } from '../domain/ledger.js';
import { addDays } from '../domain/loan/dates.js';
import { overdueStatus } from '../domain/loan/overdue.js';
import { DPD_BUCKETS, OVERDUE_BUCKET_LABELS } from '../domain/loan/product.js';
import { outstandingPrincipalFen } from '../domain/loan/state.js';
import { funnel, type LeaderboardEntry, moneyTotals, periodEnding, periodTimes } from '../domain/rm/funnel.js';
import { businessDate } from '../domain/time.js';
import { custodyAccountOf } from '../domain/wealth/journals.js';
import { valueFen } from '../domain/wealth/units.js';
import { billerRecords, settledOn } from '../store/bills.js';
import { balancesFen, funnelDayEntries, holdingUnitsCenti, latestSnapshots, markFunnelReached, putDashboardSnapshot } from '../store/dashboard.js';
import * as loans from '../store/loans.js';
import { managerActivity } from '../store/referrals.js';
import { staffDirectoryPage, type StaffRecord } from '../store/staff.js';
import { currentWealthProducts, latestPrice, productHolders } from '../store/wealth.js';

/** Reads sent at once while the close walks an index, so it never fans out unbounded. */
const CONCURRENT_READS = 25;
/** Managers whose activity is read at once (each is three queries). */
const CONCURRENT_MANAGERS = 10;
/** Staff the leaderboard ranks at most (the directory's pages of 100). */
const MAX_RANKED_STAFF = 2_000;
const DIRECTORY_PAGE = 100;
/** Holdings read per BatchGetItem round. */
const HOLDINGS_BATCH = 100;

/** Runs `work` on each value of `source`, `width` at a time; a failing value is reported, the
 *  others go on (the figure then leaves it out, and the run lists it). */
async function eachInBatches<T>(source: AsyncIterable<T>, width: number, work: (value: T) => Promise<void>, ref: (value: T) => string, reportFailure: ReportFailure): Promise<void> {
  let batch: T[] = [];
  const flush = async () => {
    await Promise.all(batch.map((value) => work(value).catch((error: unknown) => reportFailure(ref(value), error))));
    batch = [];
  };
  for await (const value of source) {
    batch.push(value);
    if (batch.length === width) await flush();
  }
  await flush();
}

/** The China dates from `from` through `to`. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length < FUNNEL_CATCH_UP_DAYS; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** First reaches of each stage in the funnel events since the last snapshot read them (a date the
 *  last close read is read again: events came after it, and a customer already counted is not). */
async function funnelSection(closedDate: string, previous: DashboardSnapshot | undefined, now: Date, reportFailure: ReportFailure) {
  const today = businessDate(now);
  const earliest = addDays(today, -(FUNNEL_CATCH_UP_DAYS - 1));
  const lastRead = previous?.funnelReadThrough;
  const dates = datesFrom(lastRead !== undefined && lastRead > earliest && lastRead <= today ? lastRead : earliest, today);
  const reached = new Map<FunnelEventKind, number>();
  await eachInBatches(
    funnelDayEntries(dates),
    CONCURRENT_READS,
    async ({ customerId, stage }) => {
      if (await markFunnelReached(customerId, stage, closedDate)) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    },
    ({ stage }) => `funnel:${stage}`,
    reportFailure,
  );
  return { funnel: nextFunnel(previous?.funnel, reached), funnelReadThrough: today };
}

/** Every house account shard's balance: the customers' e-accounts hold minus their total. */
async function eAccountsSection(wealthProductIds: readonly string[]) {
  const houses = [...Object.values(HOUSE_ACCOUNTS).filter((house) => house !== HOUSE_ACCOUNTS.WEALTH_CUSTODY), ...wealthProductIds.map(custodyAccountOf)];
  const shards = config().HOUSE_SHARDS;
  const shardIds = houses.flatMap((house) => Array.from({ length: shards }, (_, n) => `${house}~${String(n).padStart(2, '0')}`));
  return { totalBalanceFen: customerTotalFromHouse(await balancesFen(shardIds)) };
}

/** The active loans' unpaid principal by days-past-due bucket, as the next business date sees them
 *  (the overdue list's own view, after the close's auto-debits). */
async function loansSection(closedDate: string, reportFailure: ReportFailure) {
  const asOf = addDays(closedDate, 1);
  const buckets = new Map<(typeof DPD_BUCKETS)[number], { loans: number; outstandingPrincipalFen: number }>(DPD_BUCKETS.map((bucket) => [bucket, { loans: 0, outstandingPrincipalFen: 0 }]));
  await eachInBatches(
    loans.activeLoans(),
    CONCURRENT_READS,
    async ({ customerId, loanId }) => {
      const loan = await loans.getLoan(customerId, loanId);
      if (!loan || loan.status !== 'ACTIVE') return;
      const row = buckets.get(overdueStatus(loan.state, asOf).bucket)!;
      row.loans += 1;
      row.outstandingPrincipalFen += outstandingPrincipalFen(loan.state.installments);
    },
    ({ loanId }) => `loan:${loanId}`,
    reportFailure,
  );
  const rows: LoanBucket[] = DPD_BUCKETS.map((bucket) => ({ bucket, label: bucket === 'CURRENT' ? '正常' : OVERDUE_BUCKET_LABELS[bucket], ...buckets.get(bucket)! }));
  return {
    loans: rows.reduce((sum, row) => sum + row.loans, 0),
    outstandingPrincipalFen: rows.reduce((sum, row) => sum + row.outstandingPrincipalFen, 0),
    buckets: rows,
  };
}

async function* inChunks(source: AsyncIterable<string>, size: number): AsyncGenerator<string[]> {
  let chunk: string[] = [];
  for await (const value of source) {
    chunk.push(value);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Each product's holdings at its latest NAV on or before the date, holding by holding (floored to
 *  the fen as each customer's own view is). */
async function wealthSection(closedDate: string, products: readonly { productId: string; name: string }[], reportFailure: ReportFailure) {
  const rows: WealthProductAssets[] = [];
  for (const { productId, name } of products) {
    const row = { productId, name, holders: 0, marketValueFen: 0 };
    const price = await latestPrice(productId, closedDate);
    // One BatchGetItem of holdings at a time; a batch that fails is listed and left out.
    await eachInBatches(
      inChunks(productHolders(productId), HOLDINGS_BATCH),
      1,
      async (customerIds) => {
        for (const unitsCenti of await holdingUnitsCenti(productId, customerIds)) {
          if (unitsCenti === 0) continue;
          row.holders += 1;
          // Nobody holds units of a product that has never had a price.
          row.marketValueFen += price ? valueFen(unitsCenti, price.navCentiFen) : 0;
        }
      },
      () => `holdings:${productId}`,
      reportFailure,
    );
    rows.push(row);
  }
  rows.sort((a, b) => b.marketValueFen - a.marketValueFen || a.productId.localeCompare(b.productId));
  return { marketValueFen: rows.reduce((sum, row) => sum + row.marketValueFen, 0), products: rows };
}

/** The date's settled bill payments (those the reconciliation counts) by the biller's category. */
async function billsSection(closedDate: string, reportFailure: ReportFailure) {
  const categoryOf = new Map((await billerRecords()).map(({ biller }) => [biller.billerId, biller.category]));
  const totals = new Map<BillCategory, { payments: number; amountFen: number }>();
  for (const payment of await settledOn(closedDate)) {
    const category = categoryOf.get(payment.billerId);
    if (!category) {
      reportFailure(`bill:${payment.paymentId}`, new Error(`biller ${payment.billerId} is not in the catalogue`));
      continue;
    }
    const total = totals.get(category) ?? { payments: 0, amountFen: 0 };
    total.payments += 1;
    total.amountFen += payment.amountFen;
    totals.set(category, total);
  }
  const categories = [...totals].map(([category, total]) => ({ category, label: CATEGORY_LABELS[category], ...total })).sort((a, b) => b.amountFen - a.amountFen || a.category.localeCompare(b.category));
  return { payments: categories.reduce((sum, c) => sum + c.payments, 0), amountFen: categories.reduce((sum, c) => sum + c.amountFen, 0), categories };
}

/** The active staff, by staff number, the first MAX_RANKED_STAFF of the directory at most
 *  (`onTruncated` is told when there were more). */
async function* activeStaff(onTruncated: () => void): AsyncGenerator<StaffRecord> {
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await staffDirectoryPage(DIRECTORY_PAGE, cursor);
    for (const member of page.members) if (member.status === 'ACTIVE') yield member;
    read += page.members.length;
    cursor = page.nextCursor;
  } while (cursor !== undefined && read < MAX_RANKED_STAFF);
  if (cursor !== undefined) onTruncated();
}

/** Every active manager over the last LEADERBOARD_DAYS business dates through the closed one,
 *  ranked as a branch lead's board ranks a branch; the top is kept. */
async function leaderboardSection(closedDate: string, reportFailure: ReportFailure) {
  const period = periodEnding(closedDate, LEADERBOARD_DAYS);
  const { start, end } = periodTimes(period);
  const entries: LeaderboardEntry<LeaderWho>[] = [];
  let truncated = false;
  await eachInBatches(
    activeStaff(() => {
      truncated = true;
    }),
    CONCURRENT_MANAGERS,
    async (member) => {
      const activity = await managerActivity(member.staffId, start, end);
      truncated ||= activity.truncated;
      entries.push({
        who: { staffId: member.staffId, staffNo: member.staffNo, name: member.name, branchName: member.branchName },
        referred: activity.cohort.length,
        accountsOpened: funnel(activity.openings, activity.cohort, null).find((row) => row.stage === 'ACCOUNT_OPENED')!.count,
        moneyFen: moneyTotals(activity.money, period, null).reduce((sum, total) => sum + total.amountFen, 0),
      });
    },
    (member) => `staff:${member.staffNo}`,
    reportFailure,
  );
  // Batches finish in any order: rank in staff-number order so ties come out the same every time.
  entries.sort((a, b) => a.who.staffNo.localeCompare(b.who.staffNo));
  return { from: period.from, to: period.to, rows: topManagers(entries), truncated };
}

export interface DashboardStepCounts {
  loansCounted: number;
  wealthProductsCounted: number;
  billPaymentsCounted: number;
  managersRanked: number;
  funnelFirstReaches: number;
}

/** The day close's DASHBOARD step: the snapshot of `closedDate`, written again if the close is. */
export async function takeDashboardSnapshot(closedDate: string, now: Date, reportFailure: ReportFailure): Promise<DashboardStepCounts> {
  const previous = (await latestSnapshots(1, closedDate))[0];
  const products = (await currentWealthProducts()).map(({ productId, name }) => ({ productId, name }));
  const snapshot: DashboardSnapshot = {
    businessDate: closedDate,
    takenAt: now.toISOString(),
    ...(await funnelSection(closedDate, previous, now, reportFailure)),
    eAccounts: await eAccountsSection(products.map((p) => p.productId)),
    loans: await loansSection(closedDate, reportFailure),
    wealth: await wealthSection(closedDate, products, reportFailure),
    bills: await billsSection(closedDate, reportFailure),
    leaderboard: await leaderboardSection(closedDate, reportFailure),
  };
  await putDashboardSnapshot(snapshot);
  return {
    loansCounted: snapshot.loans.loans,
    wealthProductsCounted: snapshot.wealth.products.length,
    billPaymentsCounted: snapshot.bills.payments,
    managersRanked: snapshot.leaderboard.rows.length,
    funnelFirstReaches: snapshot.funnel.reduce((sum, row) => sum + row.newCustomers, 0),
  };
}

/** The console's dashboard: the snapshot of `date` (or the newest before it; the newest when no
 *  date), with the trend of the snapshots through it — one Query. */
export async function dashboard(date: string | undefined) {
  const snapshots = await latestSnapshots(DASHBOARD_TREND_DAYS, date === undefined ? undefined : addDays(date, 1));
  return {
    snapshot: snapshots[0] ?? null,
    trend: snapshots
      .map((s) => ({ businessDate: s.businessDate, eAccountsTotalFen: s.eAccounts.totalBalanceFen, loansOutstandingFen: s.loans.outstandingPrincipalFen, wealthMarketValueFen: s.wealth.marketValueFen, billAmountFen: s.bills.amountFen }))
      .reverse(),
  };
}
