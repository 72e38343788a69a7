// Offline evaluation: what a different policy would have earned, estimated from the impressions the
// ranker logged (context, action, propensity, outcome) by inverse propensity scoring:
//   IPS   = (1/n) Σ r·π(a|x)/μ(a|x)          unbiased when μ > 0 wherever π > 0;
//   SNIPS = Σ r·π(a|x)/μ(a|x) / Σ π(a|x)/μ(a|x)  self-normalised: slightly biased, lower variance.
// Both are returned; callers state which they report.
//
// Impressions logged by a deterministic policy (HOLDOUT, EDITORIAL: propensity 1 for the editorial
// first item, 0 for the rest) give no support to other actions, so by default they are left out:
// the holdout is a hash-random sample of customers, so the rest still represent the population;
// customers who turned personalisation off chose to, so the estimate is for those who did not.
import type { DecisionLog, Policy } from './ranker.js';

/** Most records one estimate reads; a longer log is evaluated in windows. */
export const MAX_EVALUATED_RECORDS = 10_000_000;

export interface LoggedImpression extends Pick<DecisionLog, 'context' | 'eligible' | 'action' | 'propensity' | 'policy'> {
  /** The outcome: 1 converted, 0 not (or any bounded value, e.g. fen moved). */
  reward: number;
}

/** The target policy: its probability of each eligible action in a context (missing = 0). */
export type TargetPolicy = (context: DecisionLog['context'], eligible: readonly string[]) => Readonly<Record<string, number>>;

export interface IpsEstimate {
  ips: number;
  snips: number;
  /** Records used, and those left out as deterministically logged. */
  used: number;
  skipped: number;
  /** (Σw)² / Σw²: how many records the estimate is effectively worth. */
  effectiveSampleSize: number;
  maxWeight: number;
}

const STOCHASTIC: readonly Policy[] = ['THOMPSON', 'EXPLORE'];

export function estimateIps(records: Iterable<LoggedImpression>, target: TargetPolicy, options: { includeDeterministic?: boolean } = {}): IpsEstimate {
  let used = 0;
  let skipped = 0;
  let weightedReward = 0;
  let weightSum = 0;
  let weightSquares = 0;
  let maxWeight = 0;
  for (const record of records) {
    if (used + skipped >= MAX_EVALUATED_RECORDS) throw new RangeError(`at most ${MAX_EVALUATED_RECORDS} records per estimate`);
    if (!options.includeDeterministic && !STOCHASTIC.includes(record.policy)) {
      skipped++;
      continue;
    }
    if (!(record.propensity > 0 && record.propensity <= 1)) throw new RangeError(`propensity must be in (0, 1], got ${record.propensity}`);
    const probability = target(record.context, record.eligible)[record.action] ?? 0;
    const weight = probability / record.propensity;
    used++;
    weightedReward += weight * record.reward;
    weightSum += weight;
    weightSquares += weight * weight;
    if (weight > maxWeight) maxWeight = weight;
  }
  return {
    ips: used > 0 ? weightedReward / used : Number.NaN,
    snips: weightSum > 0 ? weightedReward / weightSum : Number.NaN,
    used,
    skipped,
    effectiveSampleSize: weightSquares > 0 ? (weightSum * weightSum) / weightSquares : 0,
    maxWeight,
  };
}
