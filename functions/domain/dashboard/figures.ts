// The bank's dashboard (经营看板): one snapshot per closed business date, written by the day close
// from the indexes it walks anyway, so no console route ever reads more than the snapshots. Pure:
// the shapes, the funnel's stages and the sums, shared by the close, the contract and the tests.
import type { BillCategory } from '../bills/biller.js';
import { FUNNEL_EVENT_KINDS, type FunnelEventKind } from '../customer-events.js';
import type { DpdBucket } from '../loan/product.js';
import { sumFen } from '../money.js';
import { formatBps, type LeaderboardEntry, rankLeaderboard, rateBps, stageLabel } from '../rm/funnel.js';

/** The bank-wide funnel's stages (domain/customer-events.ts): each counts the customers who
 *  have ever reached it. */
export const DASHBOARD_FUNNEL_STAGES = FUNNEL_EVENT_KINDS;
export type DashboardFunnelStage = FunnelEventKind;

/** Managers kept on the snapshot's leaderboard, and the days it ranks. */
export const LEADERBOARD_SIZE = 10;
export const LEADERBOARD_DAYS = 30;
/** Snapshots a dashboard answer carries for its trend lines (one per closed date). */
export const DASHBOARD_TREND_DAYS = 30;
/** A close reads the funnel's day index back at most this many days (the index's TTL is longer). */
export const FUNNEL_CATCH_UP_DAYS = 7;

export interface FunnelCount {
  stage: DashboardFunnelStage;
  /** Customers who have reached the stage, by the close of the date. */
  customers: number;
  /** Of them, first reached in the dates this close read. */
  newCustomers: number;
}

export interface FunnelRow extends FunnelCount {
  label: string;
  /** Of the customers signed up, in basis points (rounded half up). */
  ofSignedUpBps: number | null;
  ofSignedUpDisplay: string;
}

export interface LoanBucket {
  bucket: DpdBucket;
  label: string;
  loans: number;
  outstandingPrincipalFen: number;
}

export interface WealthProductAssets {
  productId: string;
  name: string;
  holders: number;
  /** Units held × the latest NAV on or before the date. */
  marketValueFen: number;
}

export interface BillCategoryVolume {
  category: BillCategory;
  label: string;
  payments: number;
  amountFen: number;
}

export interface LeaderRow {
  rank: number;
  staffId: string;
  staffNo: string;
  name: string;
  branchName: string;
  referred: number;
  accountsOpened: number;
  moneyFen: number;
}

export interface DashboardSnapshot {
  businessDate: string;
  takenAt: string;
  funnel: FunnelRow[];
  /** The China dates whose funnel events this close has read, through this one. */
  funnelReadThrough: string;
  eAccounts: { totalBalanceFen: number };
  loans: { loans: number; outstandingPrincipalFen: number; buckets: LoanBucket[] };
  wealth: { marketValueFen: number; products: WealthProductAssets[] };
  bills: { payments: number; amountFen: number; categories: BillCategoryVolume[] };
  leaderboard: { from: string; to: string; rows: LeaderRow[]; truncated: boolean };
}

/** The customers' e-accounts are the only accounts that are not the house's, and every journal
 *  sums to zero: their total is minus the house accounts' total (ledger invariant). */
export const customerTotalFromHouse = (houseBalancesFen: readonly number[]): number => -sumFen([...houseBalancesFen]);

/** The close's first reaches added to the last snapshot's counts, each stage as a share of the
 *  customers signed up. */
export function nextFunnel(previous: readonly FunnelCount[] | undefined, reached: ReadonlyMap<DashboardFunnelStage, number>): FunnelRow[] {
  const counts = DASHBOARD_FUNNEL_STAGES.map((stage) => {
    const newCustomers = reached.get(stage) ?? 0;
    return { stage, customers: (previous?.find((row) => row.stage === stage)?.customers ?? 0) + newCustomers, newCustomers };
  });
  const signedUp = counts[0]!.customers;
  return counts.map((row) => {
    const ofSignedUpBps = rateBps(row.customers, signedUp);
    return { ...row, label: stageLabel(row.stage), ofSignedUpBps, ofSignedUpDisplay: formatBps(ofSignedUpBps) };
  });
}

/** The top of the ranking (accounts opened, then money, then referred). */
export type LeaderWho = Pick<LeaderRow, 'staffId' | 'staffNo' | 'name' | 'branchName'>;
export function topManagers(entries: readonly LeaderboardEntry<LeaderWho>[]): LeaderRow[] {
  return rankLeaderboard(entries)
    .slice(0, LEADERBOARD_SIZE)
    .map(({ who, rank, referred, accountsOpened, moneyFen }) => ({ rank, ...who, referred, accountsOpened, moneyFen }));
}
