// Offline evaluation (domain/recommend/offline.ts): on synthetic logs with known truths, IPS and
// self-normalised IPS recover a target policy's value; they need the right propensities (the same
// log with wrong ones misses); deterministic (holdout, editorial) impressions are left out; and the
// ranker's own logs evaluate a policy it never played deterministically.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateIps, type LoggedImpression, type TargetPolicy } from '../../functions/domain/recommend/offline.js';
import { SeededRng } from '../../functions/domain/recommend/random.js';
import { decide, DEFAULT_RANKER_CONFIG, PosteriorDrawCache, type StatsSnapshot } from '../../functions/domain/recommend/ranker.js';

const ITEMS = ['A', 'B', 'C'];
/** Logging policy per segment (known, stochastic) and true conversion rates. */
const LOGGING: Record<string, number[]> = { young: [0.6, 0.3, 0.1], old: [0.1, 0.2, 0.7] };
const RATES: Record<string, number[]> = { young: [0.02, 0.08, 0.05], old: [0.06, 0.01, 0.03] };

function syntheticLog(n: number, seed: number, loggedPropensity: (segment: string, index: number) => number): LoggedImpression[] {
  const rng = new SeededRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const segment = i % 2 === 0 ? 'young' : 'old';
    let u = rng.next();
    const index = LOGGING[segment]!.findIndex((p) => (u -= p) < 0);
    const action = ITEMS[index === -1 ? 2 : index]!;
    const reward = rng.next() < RATES[segment]![ITEMS.indexOf(action)]! ? 1 : 0;
    return { context: { segment, slot: 's', day: '2026-12-07', features: {} }, eligible: ITEMS, action, propensity: loggedPropensity(segment, ITEMS.indexOf(action)), policy: 'THOMPSON', reward };
  });
}

/** Young → B, old → A: true value (0.08 + 0.06) / 2 = 0.07. */
const BEST: TargetPolicy = (context) => ({ [context.segment === 'young' ? 'B' : 'A']: 1 });
/** A stochastic target: uniform; true value = mean of all rates. */
const UNIFORM: TargetPolicy = (_context, eligible) => Object.fromEntries(eligible.map((id) => [id, 1 / eligible.length]));
const UNIFORM_TRUTH = (RATES.young!.reduce((a, b) => a + b) / 3 + RATES.old!.reduce((a, b) => a + b) / 3) / 2;

describe('inverse propensity scoring', () => {
  const log = syntheticLog(200_000, 7, (segment, index) => LOGGING[segment]![index]!);

  test('recovers a deterministic and a stochastic policy\'s known value (IPS and SNIPS within 5 %)', () => {
    for (const [target, truth] of [
      [BEST, 0.07],
      [UNIFORM, UNIFORM_TRUTH],
    ] as const) {
      const estimate = estimateIps(log, target);
      assert.equal(estimate.used, log.length);
      assert.ok(Math.abs(estimate.ips / truth - 1) < 0.05, `IPS ${estimate.ips} vs ${truth}`);
      assert.ok(Math.abs(estimate.snips / truth - 1) < 0.05, `SNIPS ${estimate.snips} vs ${truth}`);
    }
  });

  test('the same log with wrong propensities (assumed uniform) misses the truth', () => {
    const wrong = estimateIps(syntheticLog(200_000, 7, () => 1 / 3), BEST);
    assert.ok(Math.abs(wrong.ips / 0.07 - 1) > 0.2, `IPS with wrong propensities ${wrong.ips}`);
  });

  test('deterministic impressions are left out unless asked for; a propensity outside (0, 1] is refused', () => {
    const mixed: LoggedImpression[] = [
      ...log.slice(0, 1_000),
      ...Array.from({ length: 500 }, () => ({ ...log[0]!, action: 'A', propensity: 1, policy: 'HOLDOUT' as const, reward: 0 })),
    ];
    const estimate = estimateIps(mixed, BEST);
    assert.equal(estimate.used, 1_000);
    assert.equal(estimate.skipped, 500);
    assert.equal(estimateIps(mixed, BEST, { includeDeterministic: true }).used, 1_500);
    assert.throws(() => estimateIps([{ ...log[0]!, propensity: 0 }], BEST), RangeError);
    assert.throws(() => estimateIps([{ ...log[0]!, propensity: 1.5 }], BEST), RangeError);
  });
});

describe('the ranker\'s own logs', () => {
  test('evaluate "always the segment\'s best item" from Thompson sampling\'s impressions', () => {
    // Fixed stats: TS favours C for "new" and A for "old"; the target plays B and C.
    const stats: StatsSnapshot = {
      version: 3,
      arms: {
        new: { A: { impressions: 400, conversions: 12 }, B: { impressions: 400, conversions: 14 }, C: { impressions: 400, conversions: 18 } },
        old: { A: { impressions: 400, conversions: 20 }, B: { impressions: 400, conversions: 8 }, C: { impressions: 400, conversions: 16 } },
      },
    };
    const rates: Record<string, Record<string, number>> = { new: { A: 0.03, B: 0.06, C: 0.04 }, old: { A: 0.05, B: 0.02, C: 0.07 } };
    const target: TargetPolicy = (context) => ({ [context.segment === 'new' ? 'B' : 'C']: 1 });
    const truth = (0.06 + 0.07) / 2;
    const outcomes = new SeededRng(99);
    const cache = new PosteriorDrawCache();
    const logs: LoggedImpression[] = [];
    for (let n = 0; n < 60_000; n++) {
      const segment = n % 2 === 0 ? 'new' : 'old';
      const decision = decide({ customerId: `c${n}`, slot: 'home-1', day: '2026-12-07', segment, eligible: ['A', 'B', 'C'], personalised: true }, stats, DEFAULT_RANKER_CONFIG, cache)!;
      logs.push({ ...decision.log, reward: outcomes.next() < rates[segment]![decision.itemId]! ? 1 : 0 });
    }
    const estimate = estimateIps(logs, target);
    assert.ok(estimate.skipped > 0, 'holdout impressions were logged and left out');
    assert.ok(Math.abs(estimate.ips / truth - 1) < 0.1, `IPS ${estimate.ips} vs ${truth}`);
    assert.ok(Math.abs(estimate.snips / truth - 1) < 0.1, `SNIPS ${estimate.snips} vs ${truth}`);
    // What TS itself earned on these impressions is below what the target would have.
    const earned = logs.reduce((sum, record) => sum + record.reward, 0) / logs.length;
    assert.ok(earned < truth);
  });
});
