// The recommendation ranker (domain/recommend/ranker.ts) and its randomness (random.ts):
// personalisation off is exactly the editorial order; propensities are probabilities that match
// how often items are really chosen; the holdout is stable per customer and near its share;
// decisions are sticky per (customer, slot, day); Thompson sampling follows the evidence; the
// Beta sampler has the right moments; limits are enforced.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hashShare, SeededRng } from '../../functions/domain/recommend/random.js';
import {
  decide,
  DEFAULT_RANKER_CONFIG,
  type DecisionRequest,
  isInHoldout,
  MAX_PROPENSITY_DRAWS,
  PosteriorDrawCache,
  type RankerConfig,
  type StatsSnapshot,
} from '../../functions/domain/recommend/ranker.js';
import { MAX_CANDIDATES_PER_SLOT } from '../../functions/domain/recommend/suitability.js';

const NO_HOLDOUT: RankerConfig = { ...DEFAULT_RANKER_CONFIG, holdoutShare: 0 };
const request = (overrides: Partial<DecisionRequest> = {}): DecisionRequest => ({
  customerId: 'c1',
  slot: 'home-1',
  day: '2026-12-07',
  segment: 'salaried',
  features: { ageBand: '26-45' },
  eligible: ['A', 'B', 'C', 'D', 'E', 'F'],
  personalised: true,
  ...overrides,
});

const itemsArb = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 12 });
const statsFor = (segment: string, items: readonly string[], counts: readonly [number, number][], version = 1): StatsSnapshot => ({
  version,
  arms: { [segment]: Object.fromEntries(items.map((id, i) => [id, { impressions: counts[i % counts.length]![0], conversions: Math.min(counts[i % counts.length]![0], counts[i % counts.length]![1]) }])) },
});
const countsArb = fc.array(fc.tuple(fc.nat({ max: 5_000 }), fc.nat({ max: 600 })), { minLength: 1, maxLength: 12 });

describe('personalisation off (PIPL Art. 24)', () => {
  test('any stats, any customer: exactly the editorial order, no segment or features logged', () => {
    fc.assert(
      fc.property(itemsArb, countsArb, fc.string({ minLength: 1, maxLength: 20 }), (items, counts, customerId) => {
        const decision = decide(request({ customerId, eligible: items, personalised: false }), statsFor('salaried', items, counts), DEFAULT_RANKER_CONFIG)!;
        assert.deepEqual(decision.order, items);
        assert.equal(decision.itemId, items[0]);
        assert.equal(decision.policy, 'EDITORIAL');
        assert.equal(decision.propensity, 1);
        assert.deepEqual(decision.log.context, { segment: null, slot: 'home-1', day: '2026-12-07', features: {} });
      }),
    );
  });

  test('on, with evidence against the editorial first item, the order is not the editorial one', () => {
    const items = ['A', 'B', 'C'];
    const stats = statsFor('salaried', items, [
      [5_000, 10],
      [5_000, 400],
      [5_000, 20],
    ]);
    const firsts = Array.from({ length: 200 }, (_, n) => decide(request({ customerId: `c${n}`, eligible: items }), stats, NO_HOLDOUT)!.itemId);
    assert.ok(firsts.filter((id) => id === 'B').length > 180, 'B wins');
  });
});

describe('propensities', () => {
  test('every eligible item has one in (0, 1]; they sum to 1; the chosen one is logged', () => {
    fc.assert(
      fc.property(itemsArb, countsArb, fc.nat(), fc.integer({ min: 1, max: 300 }), (items, counts, n, draws) => {
        const decision = decide(request({ customerId: `c${n}`, eligible: items }), statsFor('salaried', items, counts, n % 5), { ...NO_HOLDOUT, propensityDraws: draws })!;
        assert.ok(decision.policy === 'THOMPSON' || decision.policy === 'EXPLORE');
        assert.deepEqual(Object.keys(decision.propensities).sort(), [...items].sort());
        for (const p of Object.values(decision.propensities)) assert.ok(p > 0 && p <= 1, String(p));
        const sum = Object.values(decision.propensities).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-9, String(sum));
        assert.equal(decision.propensity, decision.propensities[decision.itemId]);
        assert.equal(decision.order[0], decision.itemId);
        assert.deepEqual([...decision.order].sort(), [...items].sort());
        assert.equal(decision.log.propensity, decision.propensity);
        assert.equal(decision.log.action, decision.itemId);
        assert.deepEqual(decision.log.context.segment, 'salaried');
        // The exploration floor: no eligible item is ever below ε/K.
        for (const p of Object.values(decision.propensities)) assert.ok(p >= NO_HOLDOUT.explorationShare / items.length - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  test('match how often each item is really chosen across customers (same stats version)', () => {
    const items = ['A', 'B', 'C', 'D'];
    const stats = statsFor('new', items, [
      [300, 12],
      [300, 15],
      [300, 9],
      [300, 3],
    ]);
    const cache = new PosteriorDrawCache();
    const customers = 40_000;
    const chosen: Record<string, number> = {};
    let propensities: Record<string, number> = {};
    for (let n = 0; n < customers; n++) {
      const decision = decide(request({ customerId: `c${n}`, segment: 'new', eligible: items }), stats, NO_HOLDOUT, cache)!;
      chosen[decision.itemId] = (chosen[decision.itemId] ?? 0) + 1;
      propensities = decision.propensities;
    }
    for (const id of items) {
      const p = propensities[id]!;
      const sd = Math.sqrt((p * (1 - p)) / customers);
      assert.ok(Math.abs((chosen[id] ?? 0) / customers - p) < 4 * sd + 1e-9, `${id}: chosen ${(chosen[id] ?? 0) / customers}, propensity ${p}`);
    }
    // The posterior draws are shared, so the stated propensities are the same for everyone.
    const other = decide(request({ customerId: 'someone-else', segment: 'new', eligible: items }), stats, NO_HOLDOUT)!;
    assert.deepEqual(other.propensities, propensities);
  });
});

/** ln Γ(x) by Lanczos (g = 7, 9 terms): enough for the exact two-arm probability below. */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** P(X > Y) for X ~ Beta(a1, b1), Y ~ Beta(a2, b2), by integrating f_X · F_Y on a fine grid. */
function probabilityGreater(a1: number, b1: number, a2: number, b2: number): number {
  const steps = 200_000;
  const pdf = (x: number, a: number, b: number) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) + lnGamma(a + b) - lnGamma(a) - lnGamma(b));
  let cdfY = 0;
  let total = 0;
  for (let i = 1; i < steps; i++) {
    const x = i / steps;
    cdfY += pdf(x, a2, b2) / steps;
    total += (pdf(x, a1, b1) * cdfY) / steps;
  }
  return total;
}

describe('Thompson sampling follows the posterior', () => {
  test('two arms: the share of draws an arm wins is P(its Beta(1 + conversions, 1 + non-conversions) is larger)', () => {
    // A: 9 of 10 converted; B: 700 of 1,000. Exact P(A wins) ≈ 0.886.
    const stats: StatsSnapshot = { version: 1, arms: { s: { A: { impressions: 10, conversions: 9 }, B: { impressions: 1_000, conversions: 700 } } } };
    const exact = probabilityGreater(10, 2, 701, 301);
    assert.ok(Math.abs(exact - 0.886) < 0.005, String(exact));
    const draws = MAX_PROPENSITY_DRAWS;
    for (const version of [1, 2, 3]) {
      const decision = decide(request({ segment: 's', eligible: ['A', 'B'] }), { ...stats, version }, { ...NO_HOLDOUT, explorationShare: 0, propensityDraws: draws })!;
      const sd = Math.sqrt((exact * (1 - exact)) / draws);
      assert.ok(Math.abs(decision.propensities.A! - exact) < 4 * sd, `version ${version}: ${decision.propensities.A} vs ${exact}`);
    }
  });
});

describe('holdout', () => {
  test('stable per customer (any slot, day, stats or eligible set) and about the configured share', () => {
    const config = { ...DEFAULT_RANKER_CONFIG, holdoutShare: 0.1 };
    const customers = Array.from({ length: 20_000 }, (_, n) => `customer-${n}`);
    const held = customers.filter((id) => isInHoldout(id, config));
    assert.ok(Math.abs(held.length / customers.length - 0.1) < 0.01, `share ${held.length / customers.length}`);
    for (const id of customers.slice(0, 300)) {
      const policies = new Set(
        [
          request({ customerId: id }),
          request({ customerId: id, slot: 'wealth-1', day: '2026-12-08' }),
          request({ customerId: id, segment: 'retired', eligible: ['C', 'A'] }),
        ].map((r, i) => decide(r, statsFor(r.segment, r.eligible, [[100, i * 10]], i), config)!.policy === 'HOLDOUT'),
      );
      assert.equal(policies.size, 1, id);
      assert.equal([...policies][0], isInHoldout(id, config));
    }
    // A holdout decision shows the editorial order and says so in the log.
    const heldId = held[0]!;
    const decision = decide(request({ customerId: heldId }), statsFor('salaried', ['A', 'B'], [[100, 90]]), config)!;
    assert.equal(decision.policy, 'HOLDOUT');
    assert.deepEqual(decision.order, request().eligible);
    assert.equal(decision.log.policy, 'HOLDOUT');
    // Another salt, another group.
    const resalted = customers.filter((id) => isInHoldout(id, { ...config, holdoutSalt: 'other' }));
    assert.ok(resalted.filter((id) => held.includes(id)).length < held.length / 2);
  });
});

describe('sticky and deterministic', () => {
  test('the same (customer, slot, day) and stats give the same decision, with or without the cache; other days vary', () => {
    const stats = statsFor('salaried', request().eligible, [
      [50, 2],
      [50, 3],
      [50, 2],
    ]);
    const cache = new PosteriorDrawCache(3);
    let changedByDay = 0;
    for (let n = 0; n < 200; n++) {
      const first = decide(request({ customerId: `c${n}` }), stats, NO_HOLDOUT)!;
      assert.deepEqual(decide(request({ customerId: `c${n}` }), stats, NO_HOLDOUT, cache), first);
      if (decide(request({ customerId: `c${n}`, day: '2026-12-08' }), stats, NO_HOLDOUT)!.itemId !== first.itemId) changedByDay++;
    }
    assert.ok(changedByDay > 50, `changed by day: ${changedByDay}`);
  });
});

describe('Beta sampling and hashing', () => {
  test('Beta(α, β) samples have the right mean and variance (Marsaglia–Tsang gammas)', () => {
    for (const [alpha, beta] of [
      [1, 1],
      [2, 5],
      [31, 971],
      [600, 4_400],
    ] as const) {
      const rng = new SeededRng(alpha * 1_000 + beta);
      const n = 40_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = rng.beta(alpha, beta);
        assert.ok(x > 0 && x < 1);
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      const trueMean = alpha / (alpha + beta);
      const trueVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
      assert.ok(Math.abs(mean - trueMean) < 5 * Math.sqrt(trueVariance / n), `Beta(${alpha}, ${beta}) mean ${mean} vs ${trueMean}`);
      assert.ok(Math.abs(variance / trueVariance - 1) < 0.05, `Beta(${alpha}, ${beta}) variance ${variance} vs ${trueVariance}`);
    }
    assert.throws(() => new SeededRng(1).gamma(0.5), /shape/);
  });

  test('hash shares are uniform over ten bins', () => {
    const bins = new Array<number>(10).fill(0);
    for (let n = 0; n < 50_000; n++) bins[Math.floor(hashShare('x', `c${n}`) * 10)]! += 1;
    for (const count of bins) assert.ok(Math.abs(count - 5_000) < 300, String(bins));
  });
});

describe('limits', () => {
  test('refused: too many items, repeated items, too many draws, shares out of range, impossible counts', () => {
    const stats: StatsSnapshot = { version: 1, arms: {} };
    assert.throws(() => decide(request({ eligible: Array.from({ length: MAX_CANDIDATES_PER_SLOT + 1 }, (_, i) => `i${i}`) }), stats), RangeError);
    assert.throws(() => decide(request({ eligible: ['A', 'A'] }), stats), RangeError);
    assert.throws(() => decide(request(), stats, { ...DEFAULT_RANKER_CONFIG, propensityDraws: MAX_PROPENSITY_DRAWS + 1 }), RangeError);
    assert.throws(() => decide(request(), stats, { ...DEFAULT_RANKER_CONFIG, explorationShare: 0.9 }), RangeError);
    assert.throws(() => decide(request(), { version: 1, arms: { salaried: { A: { impressions: 3, conversions: 4 } } } }, NO_HOLDOUT), RangeError);
    assert.equal(decide(request({ eligible: [] }), stats), null);
  });
});
