// The ranker of one recommendation slot: Thompson sampling over conversions per (segment, item),
// with a minimum exploration share, a holdout group that sees the editorial order, and a switch
// that turns personalisation off (PIPL Art. 24). Every decision carries the probability the policy
// had of choosing what it chose (its propensity) and a log record, so a new policy can be
// evaluated offline from the impressions (./offline.ts).
//
// How a decision is made, all seeded, so the same inputs always give the same answer:
//   1. personalisation off → the editorial order (input order), stats unused, propensity 1;
//   2. the customer in the holdout (a stable hash of customerId under a salt) → the editorial order;
//   3. otherwise an RNG seeded by (customerId, slot, day) — sticky, a reload the same day shows
//      the same item while the stats are unchanged — explores with `explorationShare`
//      (uniform over the eligible items), else plays Thompson sampling.
// Thompson sampling here plays one of `propensityDraws` posterior draws shared by a stats version:
// draw d gives each item a Beta(1 + conversions, 1 + non-conversions) sample and its winner is
// the eligible item with the largest; the customer's sticky RNG picks d. The Monte Carlo share of
// draws an item wins estimates TS's propensity, and because the policy plays exactly those draws
// it is also the exact probability this policy had: propensity = ε/K + (1 − ε)·wins/N.
import { hash32, hashShare, SeededRng } from './random.js';
import { MAX_CANDIDATES_PER_SLOT } from './suitability.js';

export const POLICIES = ['THOMPSON', 'EXPLORE', 'HOLDOUT', 'EDITORIAL'] as const;
export type Policy = (typeof POLICIES)[number];

export const MAX_PROPENSITY_DRAWS = 1_000;
export const MAX_SHARE = 0.5;
export const MAX_FEATURES = 16;
export const MAX_ID_LENGTH = 64;

export interface ArmStats {
  impressions: number;
  conversions: number;
}

/** The counts the ranker learns from, as of one update (the cadence is the caller's). */
export interface StatsSnapshot {
  /** Changes with every update; seeds the posterior draws, so draws are shared until the next. */
  version: number;
  /** segment → itemId → counts; an arm not listed has none (Beta(1, 1)). */
  arms: Readonly<Record<string, Readonly<Record<string, ArmStats>>>>;
}

export interface RankerConfig {
  /** Share of impressions (of those not held out) chosen uniformly at random. */
  explorationShare: number;
  /** Share of customers who always see the editorial order (the control for lift). */
  holdoutShare: number;
  /** Posterior draws per (slot, segment, stats version): the Monte Carlo propensity's resolution. */
  propensityDraws: number;
  /** A new salt assigns a new holdout group; keep it fixed while measuring. */
  holdoutSalt: string;
}

export const DEFAULT_RANKER_CONFIG: RankerConfig = { explorationShare: 0.05, holdoutShare: 0.05, propensityDraws: 200, holdoutSalt: 'holdout-2026' };

export type Features = Readonly<Record<string, string | number | boolean>>;

export interface DecisionRequest {
  customerId: string;
  slot: string;
  /** Business date: the sticky key's day. */
  day: string;
  segment: string;
  /** The customer attributes the segment was derived from, logged as the context. */
  features?: Features;
  /** Eligible item ids in editorial order: the suitability filter's output. */
  eligible: readonly string[];
  /** false: the customer turned personalisation off. */
  personalised: boolean;
}

/** What is logged for an impression (plus the caller's customer id and, later, the outcome). */
export interface DecisionLog {
  /** Personalisation off: no segment and no features, as none were used. */
  context: { segment: string | null; slot: string; day: string; features: Features };
  eligible: string[];
  action: string;
  propensity: number;
  policy: Policy;
  statsVersion: number | null;
}

export interface Decision {
  itemId: string;
  /** Every eligible item, the chosen one first (a multi-card slot shows them in this order). */
  order: string[];
  propensity: number;
  /** The policy's probability of choosing each eligible item; sums to 1. */
  propensities: Record<string, number>;
  policy: Policy;
  log: DecisionLog;
}

export const isInHoldout = (customerId: string, config: Pick<RankerConfig, 'holdoutShare' | 'holdoutSalt'>): boolean =>
  hashShare('holdout', config.holdoutSalt, customerId) < config.holdoutShare;

function checkConfig(config: RankerConfig): void {
  const share = (value: number) => Number.isFinite(value) && value >= 0 && value <= MAX_SHARE;
  if (!share(config.explorationShare) || !share(config.holdoutShare)) throw new RangeError(`exploration and holdout shares must be in [0, ${MAX_SHARE}]`);
  if (!Number.isInteger(config.propensityDraws) || config.propensityDraws < 1 || config.propensityDraws > MAX_PROPENSITY_DRAWS) {
    throw new RangeError(`propensityDraws must be an integer in [1, ${MAX_PROPENSITY_DRAWS}]`);
  }
}

function checkRequest(request: DecisionRequest): void {
  for (const id of [request.customerId, request.slot, request.day, request.segment]) {
    if (id.length === 0 || id.length > MAX_ID_LENGTH) throw new RangeError(`ids must be 1..${MAX_ID_LENGTH} characters`);
  }
  if (request.eligible.length > MAX_CANDIDATES_PER_SLOT) throw new RangeError(`at most ${MAX_CANDIDATES_PER_SLOT} eligible items per slot`);
  if (new Set(request.eligible).size !== request.eligible.length) throw new RangeError('eligible items must be unique');
  if (request.features && Object.keys(request.features).length > MAX_FEATURES) throw new RangeError(`at most ${MAX_FEATURES} features`);
}

function armOf(stats: StatsSnapshot, segment: string, itemId: string): ArmStats {
  const arm = stats.arms[segment]?.[itemId];
  if (!arm) return { impressions: 0, conversions: 0 };
  if (!Number.isInteger(arm.impressions) || !Number.isInteger(arm.conversions) || arm.conversions < 0 || arm.conversions > arm.impressions) {
    throw new RangeError(`arm ${segment}/${itemId} has impossible counts`);
  }
  return arm;
}

/** Posterior samples per (slot, segment, stats version, item), kept between decisions of the same
 *  version (a Lambda keeps one per container). Bounded: cleared when full. A decision is the same
 *  with or without it. */
export class PosteriorDrawCache {
  private readonly samples = new Map<string, Float64Array>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: string, compute: () => Float64Array): Float64Array {
    let found = this.samples.get(key);
    if (!found) {
      if (this.samples.size >= this.maxEntries) this.samples.clear();
      found = compute();
      this.samples.set(key, found);
    }
    return found;
  }
}

/** N posterior samples of one arm, seeded by (slot, segment, version, item): the same for every
 *  customer until the stats change, independent of which other items are eligible. */
function posteriorSamples(stats: StatsSnapshot, slot: string, segment: string, itemId: string, draws: number, cache?: PosteriorDrawCache): Float64Array {
  const key = [slot, segment, String(stats.version), itemId, String(draws)].join('\u001f');
  const compute = () => {
    const arm = armOf(stats, segment, itemId);
    const rng = new SeededRng(hash32(`posterior\u001f${key}`));
    const out = new Float64Array(draws);
    for (let d = 0; d < draws; d++) out[d] = rng.beta(1 + arm.conversions, 1 + arm.impressions - arm.conversions);
    return out;
  };
  return cache ? cache.get(key, compute) : compute();
}

function editorial(request: DecisionRequest, policy: 'HOLDOUT' | 'EDITORIAL', statsVersion: number | null): Decision {
  const [first, ...rest] = request.eligible;
  const propensities = Object.fromEntries(request.eligible.map((id) => [id, id === first ? 1 : 0]));
  const personal = policy === 'HOLDOUT';
  return {
    itemId: first!,
    order: [first!, ...rest],
    propensity: 1,
    propensities,
    policy,
    log: {
      context: { segment: personal ? request.segment : null, slot: request.slot, day: request.day, features: personal ? { ...request.features } : {} },
      eligible: [...request.eligible],
      action: first!,
      propensity: 1,
      policy,
      statsVersion,
    },
  };
}

/** One slot's decision for one impression; null when nothing is eligible. */
export function decide(request: DecisionRequest, stats: StatsSnapshot, config: RankerConfig = DEFAULT_RANKER_CONFIG, cache?: PosteriorDrawCache): Decision | null {
  checkConfig(config);
  checkRequest(request);
  const items = request.eligible;
  if (items.length === 0) return null;
  if (!request.personalised) return editorial(request, 'EDITORIAL', null);
  if (isInHoldout(request.customerId, config)) return editorial(request, 'HOLDOUT', stats.version);

  const count = items.length;
  const draws = config.propensityDraws;
  const samples = items.map((id) => posteriorSamples(stats, request.slot, request.segment, id, draws, cache));
  /** Index of draw d's winner among the eligible items (ties: editorial order). */
  const winnerOf = (d: number) => {
    let best = 0;
    for (let i = 1; i < count; i++) if (samples[i]![d]! > samples[best]![d]!) best = i;
    return best;
  };
  const wins = new Array<number>(count).fill(0);
  for (let d = 0; d < draws; d++) wins[winnerOf(d)]! += 1;
  const epsilon = config.explorationShare;
  const propensityOf = (i: number) => epsilon / count + ((1 - epsilon) * wins[i]!) / draws;

  const sticky = new SeededRng(hash32(['pick', request.customerId, request.slot, request.day].join('\u001f')));
  let chosen: number;
  let policy: Policy;
  let order: number[];
  if (sticky.next() < epsilon) {
    chosen = sticky.below(count);
    policy = 'EXPLORE';
    order = [chosen, ...items.map((_, i) => i).filter((i) => i !== chosen)];
  } else {
    const d = sticky.below(draws);
    chosen = winnerOf(d);
    policy = 'THOMPSON';
    // The rest by the same draw's samples, so a multi-card slot is one coherent posterior draw.
    order = items.map((_, i) => i).sort((a, b) => samples[b]![d]! - samples[a]![d]! || a - b);
  }
  const propensities = Object.fromEntries(items.map((id, i) => [id, propensityOf(i)]));
  const itemId = items[chosen]!;
  const propensity = propensityOf(chosen);
  return {
    itemId,
    order: order.map((i) => items[i]!),
    propensity,
    propensities,
    policy,
    log: {
      context: { segment: request.segment, slot: request.slot, day: request.day, features: { ...request.features } },
      eligible: [...items],
      action: itemId,
      propensity,
      policy,
      statsVersion: stats.version,
    },
  };
}
