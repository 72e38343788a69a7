// Item 9 — recommendations that learn (issue 20). The fixed truths: one slot, six items,
// three segments with true conversion rates per impression; 50,000 impressions spread evenly over
// the segments (round robin), each a different customer; 20 seeds. Compared on the same seeds:
//   - the production ranker (functions/domain/recommend/ranker.ts: Thompson sampling, 5 %
//     exploration floor, 5 % holdout on the editorial order, 200 posterior draws), its stats
//     updated every UPDATE_EVERY impressions — all of them, holdout included, are counted;
//   - uniform random over the six; the fixed editorial order A–F (always A, its first item);
//   - offline: IPS and self-normalised IPS (domain/recommend/offline.ts) from the Thompson run's
//     logs of the policy "always the best item of the segment", against its true value.
// In process and pure: outcomes are Bernoulli draws from the truths with a seeded generator.
import { estimateIps, type LoggedImpression } from '../functions/domain/recommend/offline.js';
import { type ArmStats, decide, DEFAULT_RANKER_CONFIG, type Policy, PosteriorDrawCache, type RankerConfig, type StatsSnapshot } from '../functions/domain/recommend/ranker.js';
import { addDays } from '../functions/domain/loan/dates.js';
import { Rng } from '../test/bank/rng.js';

export const RECOMMEND_SEED = 20261220;
export const SEEDS = Number(process.env.BENCH_RECOMMEND_SEEDS ?? 20);
export const IMPRESSIONS = 50_000;
export const UPDATE_EVERY = 500;
/** Impressions a simulated day (the sticky key's day advances). */
const IMPRESSIONS_PER_DAY = 5_000;
const FIRST_DAY = '2026-12-01';
const SLOT = 'home-recommend-1';
export const RANDOM_RATIO_TARGET = 1.5;
export const IPS_TOLERANCE = 0.1;

export const ITEMS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const ITEM_NAMES: Record<(typeof ITEMS)[number], string> = {
  A: 'money-market fund',
  B: '90-day fixed-term product',
  C: 'consumer loan',
  D: 'business loan',
  E: 'electricity bill',
  F: 'phone top-up',
};
export const SEGMENTS = ['new', 'salaried', 'retired'] as const;
type Segment = (typeof SEGMENTS)[number];
/** True conversion rate per impression, in percent (the table). */
export const TRUE_RATES_PERCENT: Record<Segment, Record<(typeof ITEMS)[number], number>> = {
  new: { A: 4, B: 1, C: 2, D: 0.5, E: 3, F: 6 },
  salaried: { A: 3, B: 2, C: 5, D: 1, E: 4, F: 3 },
  retired: { A: 2, B: 6, C: 0.5, D: 0.2, E: 5, F: 2 },
};
const rate = (segment: Segment, item: string) => TRUE_RATES_PERCENT[segment][item as (typeof ITEMS)[number]] / 100;
const bestOf = (segment: Segment) => ITEMS.reduce((best, item) => (rate(segment, item) > rate(segment, best) ? item : best));
const segmentAt = (i: number): Segment => SEGMENTS[i % SEGMENTS.length]!;

export interface SeedRun {
  seed: number;
  /** Conversions drawn (out of IMPRESSIONS). */
  thompson: number;
  random: number;
  fixed: number;
  /** Σ true rate of what the ranker chose: its conversions without the outcome noise. */
  thompsonExpected: number;
  policyCounts: Record<Policy, number>;
  /** Share of the last 10,000 non-holdout impressions that got the segment's best item. */
  bestShareLate: number;
  ips: number;
  snips: number;
  ipsUsed: number;
  ipsSkipped: number;
  effectiveSampleSize: number;
  maxWeight: number;
  decideMicrosMean: number;
}

export interface RecommendResults {
  seeds: number;
  impressions: number;
  updateEvery: number;
  config: RankerConfig;
  /** The best-per-segment policy's true conversion rate over these impressions. */
  bestPolicyTruth: number;
  /** Expected conversion rates (exact) of uniform random and of always A, for reference. */
  randomTruth: number;
  fixedTruth: number;
  runs: SeedRun[];
}

function runSeed(seed: number): SeedRun {
  const rng = new Rng(seed);
  const outcomes = { thompson: rng.fork('thompson'), random: rng.fork('random'), fixed: rng.fork('fixed') };
  const config: RankerConfig = { ...DEFAULT_RANKER_CONFIG, holdoutSalt: `bench-${seed}` };
  const cache = new PosteriorDrawCache();
  const counts: Record<string, Record<string, ArmStats>> = Object.fromEntries(SEGMENTS.map((s) => [s, Object.fromEntries(ITEMS.map((item) => [item, { impressions: 0, conversions: 0 }]))]));
  const snapshot = (version: number): StatsSnapshot => ({ version, arms: structuredClone(counts) });
  let stats = snapshot(0);
  const logs: LoggedImpression[] = [];
  const policyCounts: Record<Policy, number> = { THOMPSON: 0, EXPLORE: 0, HOLDOUT: 0, EDITORIAL: 0 };
  let thompson = 0;
  let thompsonExpected = 0;
  let random = 0;
  let fixed = 0;
  let late = 0;
  let lateBest = 0;
  let decideMs = 0;

  for (let i = 0; i < IMPRESSIONS; i++) {
    const segment = segmentAt(i);
    const t0 = performance.now();
    const decision = decide(
      { customerId: `s${seed}-c${i}`, slot: SLOT, day: addDays(FIRST_DAY, Math.floor(i / IMPRESSIONS_PER_DAY)), segment, features: { segment }, eligible: ITEMS, personalised: true },
      stats,
      config,
      cache,
    )!;
    decideMs += performance.now() - t0;
    const converted = outcomes.thompson.chance(rate(segment, decision.itemId)) ? 1 : 0;
    thompson += converted;
    thompsonExpected += rate(segment, decision.itemId);
    policyCounts[decision.policy]++;
    logs.push({ ...decision.log, reward: converted });
    const arm = counts[segment]![decision.itemId]!;
    arm.impressions++;
    arm.conversions += converted;
    if ((i + 1) % UPDATE_EVERY === 0) stats = snapshot(stats.version + 1);
    if (i >= IMPRESSIONS - 10_000 && decision.policy !== 'HOLDOUT') {
      late++;
      if (decision.itemId === bestOf(segment)) lateBest++;
    }

    if (outcomes.random.chance(rate(segment, outcomes.random.pick(ITEMS)))) random++;
    if (outcomes.fixed.chance(rate(segment, ITEMS[0]))) fixed++;
  }

  const estimate = estimateIps(logs, (context) => ({ [bestOf(context.segment as Segment)]: 1 }));
  return {
    seed,
    thompson,
    random,
    fixed,
    thompsonExpected,
    policyCounts,
    bestShareLate: lateBest / late,
    ips: estimate.ips,
    snips: estimate.snips,
    ipsUsed: estimate.used,
    ipsSkipped: estimate.skipped,
    effectiveSampleSize: estimate.effectiveSampleSize,
    maxWeight: estimate.maxWeight,
    decideMicrosMean: (decideMs * 1000) / IMPRESSIONS,
  };
}

export function runRecommendSimulation(log: (line: string) => void): RecommendResults {
  const mean = (f: (i: number) => number) => Array.from({ length: IMPRESSIONS }, (_, i) => f(i)).reduce((a, b) => a + b, 0) / IMPRESSIONS;
  const results: RecommendResults = {
    seeds: SEEDS,
    impressions: IMPRESSIONS,
    updateEvery: UPDATE_EVERY,
    config: DEFAULT_RANKER_CONFIG,
    bestPolicyTruth: mean((i) => rate(segmentAt(i), bestOf(segmentAt(i)))),
    randomTruth: mean((i) => ITEMS.reduce((sum, item) => sum + rate(segmentAt(i), item), 0) / ITEMS.length),
    fixedTruth: mean((i) => rate(segmentAt(i), ITEMS[0])),
    runs: [],
  };
  for (let s = 0; s < SEEDS; s++) {
    const run = runSeed(RECOMMEND_SEED + s);
    results.runs.push(run);
    log(`seed ${run.seed}: Thompson ${run.thompson}, random ${run.random}, fixed ${run.fixed}; IPS ${(run.ips * 100).toFixed(3)} % (SNIPS ${(run.snips * 100).toFixed(3)} %) vs ${(results.bestPolicyTruth * 100).toFixed(3)} %`);
  }
  return results;
}

/** Mean, sample standard deviation, fewest and most. */
export function summary(values: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}
