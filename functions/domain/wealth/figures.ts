// The figures the wealth screens lead with, worked out on the server from integers: a customer's
// total assets with the money in transit (each fen once), a product's headline (what people compare
// products by: a money-market fund's 7-day annualized yield, a fixed-term product's performance
// benchmark, a fund's 1-year return), and the chart's series over a period.
import { formatRateBps } from '../format.js';
import { addMonthsClamped } from '../loan/dates.js';
import { valueFen } from './units.js';

// ---- total assets -------------------------------------------------------------------------------

export interface HoldingMoney {
  /** All units at the latest NAV, those in normal redemptions included (they are still held). */
  marketValueFen: number;
  /** The part of the market value in normal redemptions: on its way to the e-account. */
  pendingRedemptionFen: number;
  /** Paid into custody, its units not yet confirmed: not in the market value. */
  pendingPurchaseFen: number;
}

/** One product's money. A purchase's fen leave the e-account at once but units come with the
 *  confirmation, so until then they count as in transit; redeeming units stay in the units (and
 *  so the market value) until their close pays them, so they are broken out of it, not added. */
export function holdingMoney(args: { unitsCenti: number; frozenUnitsCenti: number; navCentiFen: number | null; pendingPurchaseFen: number }): HoldingMoney {
  const { navCentiFen } = args;
  return {
    marketValueFen: navCentiFen === null ? 0 : valueFen(args.unitsCenti, navCentiFen),
    pendingRedemptionFen: navCentiFen === null ? 0 : valueFen(args.frozenUnitsCenti, navCentiFen),
    pendingPurchaseFen: args.pendingPurchaseFen,
  };
}

export interface TotalAssets {
  /** Market value + pending purchases: every fen the customer has in wealth products, once. */
  totalAssetsFen: number;
  /** The market value not being redeemed. */
  heldValueFen: number;
  /** Pending purchases + pending redemptions; heldValueFen + inTransitFen = totalAssetsFen. */
  inTransitFen: number;
  pendingPurchaseFen: number;
  pendingRedemptionFen: number;
}

export function totalAssets(lines: readonly HoldingMoney[]): TotalAssets {
  const sum = (pick: (line: HoldingMoney) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const marketValueFen = sum((line) => line.marketValueFen);
  const pendingPurchaseFen = sum((line) => line.pendingPurchaseFen);
  const pendingRedemptionFen = sum((line) => line.pendingRedemptionFen);
  return {
    totalAssetsFen: marketValueFen + pendingPurchaseFen,
    heldValueFen: marketValueFen - pendingRedemptionFen,
    inTransitFen: pendingPurchaseFen + pendingRedemptionFen,
    pendingPurchaseFen,
    pendingRedemptionFen,
  };
}

// ---- rates and returns --------------------------------------------------------------------------

/** A rate or return that may be negative: "+1.23%", "-0.45%", "0.00%". */
export function formatSignedBps(bps: number): string {
  if (bps === 0) return formatRateBps(0);
  return `${bps > 0 ? '+' : '-'}${formatRateBps(Math.abs(bps))}`;
}

/** The return from one NAV to another in bps (rounded half up); NAVs are per-unit, so the return
 *  assumes income stays in the NAV, as the funds sold here do. */
export const navReturnBps = (fromNavCentiFen: number, toNavCentiFen: number): number => Math.round(((toNavCentiFen - fromNavCentiFen) * 10_000) / fromNavCentiFen);

// ---- headline -----------------------------------------------------------------------------------

export type HeadlineKind = 'SEVEN_DAY_YIELD' | 'BENCHMARK' | 'ONE_YEAR_RETURN' | 'SINCE_INCEPTION_RETURN';
export const HEADLINE_LABELS: Record<HeadlineKind, string> = {
  SEVEN_DAY_YIELD: '七日年化',
  BENCHMARK: '业绩比较基准',
  ONE_YEAR_RETURN: '近1年收益率',
  SINCE_INCEPTION_RETURN: '成立以来收益率',
};

export interface Headline {
  kind: HeadlineKind;
  label: string;
  /** Null when there is not yet enough history to say. */
  rateBps: number | null;
  display: string;
  /** The date the figure is as of; null for a stated benchmark. */
  date: string | null;
}

/** What the headline is worked out from, as the service reads it. */
export type HeadlineFacts =
  /** A money-market fund: the 7-day annualized yield its manager published with its latest
   *  income (the fund's own figure, as every bank shows it — not one worked out here, which could
   *  differ from the published one by the fund's formula and rounding). */
  | { type: 'MONEY_MARKET'; latest: { date: string; sevenDayYieldBps: number | null } | undefined }
  | { type: 'FIXED_TERM'; benchmarkBps: number | null }
  /** A fund: its latest NAV, and the one a year before that (or, younger than a year, its first). */
  | { type: 'BOND_FUND' | 'MIXED_FUND'; latest: NavOn | undefined; yearBefore: NavOn | undefined; first: NavOn | undefined };

export interface NavOn {
  date: string;
  navCentiFen: number;
}

const headlineOf = (kind: HeadlineKind, rateBps: number | null, date: string | null, format: (bps: number) => string): Headline => ({
  kind,
  label: HEADLINE_LABELS[kind],
  rateBps,
  display: rateBps === null ? '—' : format(rateBps),
  date: rateBps === null ? null : date,
});

/** The date a year before `date` (29 February → 28 February). */
export const yearBefore = (date: string): string => addMonthsClamped(date, -12);

export function headline(facts: HeadlineFacts): Headline {
  switch (facts.type) {
    case 'MONEY_MARKET':
      return headlineOf('SEVEN_DAY_YIELD', facts.latest?.sevenDayYieldBps ?? null, facts.latest?.date ?? null, formatRateBps);
    case 'FIXED_TERM':
      return headlineOf('BENCHMARK', facts.benchmarkBps, null, formatRateBps);
    default: {
      const { latest } = facts;
      if (facts.yearBefore) return headlineOf('ONE_YEAR_RETURN', latest ? navReturnBps(facts.yearBefore.navCentiFen, latest.navCentiFen) : null, latest?.date ?? null, formatSignedBps);
      const since = latest && facts.first && facts.first.date < latest.date ? navReturnBps(facts.first.navCentiFen, latest.navCentiFen) : null;
      return headlineOf('SINCE_INCEPTION_RETURN', since, latest?.date ?? null, formatSignedBps);
    }
  }
}

// ---- chart --------------------------------------------------------------------------------------

export const CHART_PERIODS = ['1M', '3M', '1Y', 'ALL'] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];
export const CHART_PERIOD_LABELS: Record<ChartPeriod, string> = { '1M': '近1月', '3M': '近3月', '1Y': '近1年', ALL: '成立以来' };
/** The most points a chart gets: enough for a phone's width, few enough to send. */
export const MAX_CHART_POINTS = 60;

/** The first date of the period ending `today`; null for since inception. */
export function periodStart(period: ChartPeriod, today: string): string | null {
  switch (period) {
    case '1M':
      return addMonthsClamped(today, -1);
    case '3M':
      return addMonthsClamped(today, -3);
    case '1Y':
      return yearBefore(today);
    default:
      return null;
  }
}

/** At most `max` points spread evenly over the series, its first and last always among them. */
export function samplePoints<T>(points: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (points.length <= max) return [...points];
  return Array.from({ length: max }, (_, index) => points[Math.round((index * (points.length - 1)) / (max - 1))]!);
}

export interface ChartPoint {
  date: string;
  value: number;
  display: string;
  /** Height on the chart, 0 (the axis' bottom) to 1,000 (its top). */
  yPermille: number;
}

export interface ChartAxis {
  /** Labels up the value axis, bottom first, with their heights (0–1,000). */
  ticks: { display: string; yPermille: number }[];
}

/** The chart of `values` (oldest first): the axis spans the period's low to high with a margin,
 *  three labelled ticks; a flat series sits in the middle. */
export function chartOf(values: readonly { date: string; value: number }[], format: (value: number) => string): { points: ChartPoint[]; axis: ChartAxis } {
  if (values.length === 0) return { points: [], axis: { ticks: [] } };
  const low = Math.min(...values.map((point) => point.value));
  const high = Math.max(...values.map((point) => point.value));
  const margin = Math.max(1, Math.ceil((high - low) / 10));
  const bottom = low - margin;
  const top = high + margin;
  const yOf = (value: number) => Math.round(((value - bottom) * 1_000) / (top - bottom));
  const middle = Math.round((low + high) / 2);
  const tickValues = low === high ? [low] : [low, middle, high];
  return {
    points: values.map((point) => ({ ...point, display: format(point.value), yPermille: yOf(point.value) })),
    axis: { ticks: tickValues.map((value) => ({ display: format(value), yPermille: yOf(value) })) },
  };
}
