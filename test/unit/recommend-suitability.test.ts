// The recommendation slots' suitability filter (domain/recommend/suitability.ts): over random
// customers and catalogues nothing unsuitable reaches a slot (judged here by an oracle written
// independently of the domain's helpers), nothing suitable is lost, each drop says why, and the
// reasons (为什么推荐) come from the context's facts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BILL_CATEGORIES } from '../../functions/domain/bills/biller.js';
import { addDays } from '../../functions/domain/loan/dates.js';
import { MERCHANT_CATEGORIES } from '../../functions/domain/open/merchant.js';
import { decide, DEFAULT_RANKER_CONFIG } from '../../functions/domain/recommend/ranker.js';
import {
  ARTICLE_TOPICS,
  type Candidate,
  type DropReason,
  filterCandidates,
  MAX_CANDIDATES_EXAMINED,
  MAX_CANDIDATES_PER_SLOT,
  type SuitabilityContext,
  wealthCandidateOf,
} from '../../functions/domain/recommend/suitability.js';
import { RISK_LEVELS, WEALTH_PRODUCT_TYPES } from '../../functions/domain/wealth/product.js';
import { CUSTOMER_RISK_LEVELS } from '../../functions/domain/wealth/risk.js';

const TODAY = '2026-12-07';
const LOAN_PRODUCTS = ['consumer-credit', 'micro-business', 'car-loan'];

/** The oracle: the rules restated on raw fields (levels by their digit, dates as text). */
function unsuitable(candidate: Candidate, context: SuitabilityContext): boolean {
  if (candidate.newCustomersOnly && !context.isNewCustomer) return true;
  if (candidate.kind === 'WEALTH') {
    const assessment = context.riskAssessment;
    return (
      candidate.offering === 'PRIVATE' ||
      assessment === null ||
      assessment.validThrough < context.today ||
      Number(candidate.riskLevel.slice(1)) > Number(assessment.level.slice(1))
    );
  }
  if (candidate.kind === 'LOAN') {
    const apr = candidate.aprBps;
    const coolingDown = context.loanReapplyAfter !== null && context.loanReapplyAfter > context.today;
    return apr == null || !Number.isInteger(apr) || apr <= 0 || apr > 2400 || coolingDown || context.activeLoanProductIds.includes(candidate.productId);
  }
  return false;
}

/** The codes each kind's rules may give (newCustomersOnly is checked first, for every kind). */
const RULE_REASONS: Record<Candidate['kind'], DropReason[]> = {
  WEALTH: ['PRIVATE_PLACEMENT', 'RISK_ASSESSMENT_REQUIRED', 'RISK_ASSESSMENT_EXPIRED', 'RISK_LEVEL_TOO_LOW'],
  LOAN: ['LOAN_APR_MISSING', 'LOAN_APR_INVALID', 'LOAN_COOLDOWN', 'LOAN_ALREADY_HELD'],
  BILLER: [],
  MERCHANT: [],
  ARTICLE: [],
};

const contextArb: fc.Arbitrary<SuitabilityContext> = fc.record({
  today: fc.constant(TODAY),
  riskAssessment: fc.option(
    fc.record({ level: fc.constantFrom(...CUSTOMER_RISK_LEVELS), validThrough: fc.integer({ min: -400, max: 400 }).map((days) => addDays(TODAY, days)) }),
    { nil: null },
  ),
  loanReapplyAfter: fc.option(fc.integer({ min: -60, max: 60 }).map((days) => addDays(TODAY, days)), { nil: null }),
  activeLoanProductIds: fc.subarray(LOAN_PRODUCTS),
  heldWealthProductIds: fc.subarray(['mmf-1', 'fixed-90', 'bond-1']),
  isNewCustomer: fc.boolean(),
  frequentBillCategories: fc.subarray([...BILL_CATEGORIES]),
  communityName: fc.option(fc.constantFrom('幸福里', '梧桐苑'), { nil: null }),
  personalised: fc.boolean(),
});

const base = { itemId: fc.nat({ max: 90 }).map((n) => `item-${n}`), title: fc.constant('标题'), newCustomersOnly: fc.boolean() };
const candidateArb: fc.Arbitrary<Candidate> = fc.oneof(
  fc.record({
    ...base,
    kind: fc.constant('WEALTH' as const),
    productId: fc.constantFrom('mmf-1', 'fixed-90', 'bond-1', 'pe-1'),
    productType: fc.constantFrom(...WEALTH_PRODUCT_TYPES),
    riskLevel: fc.constantFrom(...RISK_LEVELS),
    offering: fc.constantFrom('PUBLIC' as const, 'PRIVATE' as const),
  }),
  fc.record({
    ...base,
    kind: fc.constant('LOAN' as const),
    productId: fc.constantFrom(...LOAN_PRODUCTS),
    loanKind: fc.constantFrom('CONSUMER_CREDIT' as const, 'MICRO_BUSINESS' as const),
    aprBps: fc.oneof(fc.integer({ min: 1, max: 2400 }), fc.constantFrom(undefined, null, 0, -5, 2401, 3600, 720.5, Number.NaN)),
  }),
  fc.record({ ...base, kind: fc.constant('BILLER' as const), billerId: fc.constant('b-1'), category: fc.constantFrom(...BILL_CATEGORIES) }),
  fc.record({ ...base, kind: fc.constant('MERCHANT' as const), merchantId: fc.constant('m-1'), category: fc.constantFrom(...MERCHANT_CATEGORIES), communityName: fc.constantFrom('幸福里', '梧桐苑') }),
  fc.record({ ...base, kind: fc.constant('ARTICLE' as const), articleId: fc.constant('a-1'), topic: fc.constantFrom(...ARTICLE_TOPICS) }),
);

describe('suitability filter (property)', () => {
  test('nothing unsuitable is kept or reaches the slot; nothing suitable is lost; every drop has a reason', () => {
    fc.assert(
      fc.property(contextArb, fc.array(candidateArb, { maxLength: 80 }), fc.nat(), (context, catalogue, seed) => {
        const { eligible, dropped } = filterCandidates(catalogue, context);
        assert.equal(eligible.length + dropped.length, catalogue.length);
        for (const { candidate, whyShown } of eligible) {
          assert.ok(!unsuitable(candidate, context), `${candidate.kind} ${JSON.stringify(candidate)} kept for ${JSON.stringify(context)}`);
          assert.ok(whyShown.length > 0 && whyShown.length <= 60, whyShown);
        }
        // Walk the catalogue: each candidate kept or dropped, in order, for the reason the oracle expects.
        const seen = new Set<string>();
        let kept = 0;
        let nextDrop = 0;
        catalogue.forEach((candidate, index) => {
          const duplicate = seen.has(candidate.itemId);
          seen.add(candidate.itemId);
          let expected: DropReason[] | null;
          if (index >= MAX_CANDIDATES_EXAMINED) expected = ['CANDIDATE_LIMIT'];
          else if (duplicate) expected = ['DUPLICATE_ITEM'];
          else if (unsuitable(candidate, context)) expected = candidate.newCustomersOnly && !context.isNewCustomer ? ['NEW_CUSTOMERS_ONLY'] : RULE_REASONS[candidate.kind];
          else if (kept >= MAX_CANDIDATES_PER_SLOT) expected = ['CANDIDATE_LIMIT'];
          else expected = null;
          if (expected === null) assert.equal(eligible[kept++]!.candidate, candidate, `suitable ${candidate.itemId} lost`);
          else {
            const drop = dropped[nextDrop++]!;
            assert.equal(drop.itemId, candidate.itemId);
            assert.ok(expected.includes(drop.reason), `${candidate.itemId}: ${drop.reason}, expected one of ${expected.join(' ')}`);
          }
        });
        assert.equal(kept, eligible.length);
        // Into the slot: whatever the ranker picks, from whatever stats, is one of these.
        const ids = eligible.map((e) => e.candidate.itemId);
        const decision = decide(
          { customerId: `c${seed}`, slot: 'home-1', day: TODAY, segment: 'any', eligible: ids, personalised: context.personalised },
          { version: seed % 7, arms: { any: Object.fromEntries(ids.map((id, i) => [id, { impressions: 100, conversions: (i * 37 + seed) % 100 }])) } },
          { ...DEFAULT_RANKER_CONFIG, propensityDraws: 20 },
        );
        if (ids.length === 0) assert.equal(decision, null);
        else {
          const shown = catalogue.find((c) => c.itemId === decision!.itemId)!;
          assert.ok(!unsuitable(shown, context));
          assert.deepEqual([...decision!.order].sort(), [...ids].sort());
        }
      }),
      { numRuns: 400 },
    );
  });

  test('each rule drops with its own code', () => {
    const context: SuitabilityContext = {
      today: TODAY,
      riskAssessment: { level: 'C3', validThrough: addDays(TODAY, 30) },
      loanReapplyAfter: null,
      activeLoanProductIds: ['micro-business'],
      heldWealthProductIds: [],
      isNewCustomer: false,
      frequentBillCategories: [],
      communityName: null,
      personalised: true,
    };
    const wealth = (itemId: string, riskLevel: 'R3' | 'R4', offering: 'PUBLIC' | 'PRIVATE') => ({ ...wealthCandidateOf({ productId: itemId, name: itemId, type: 'BOND_FUND', riskLevel, offering }), itemId });
    const loan = (itemId: string, productId: string, aprBps: number | null) => ({ kind: 'LOAN' as const, itemId, title: itemId, productId, loanKind: 'CONSUMER_CREDIT' as const, aprBps });
    const catalogue: Candidate[] = [
      wealth('w-ok', 'R3', 'PUBLIC'),
      wealth('w-high', 'R4', 'PUBLIC'),
      wealth('w-private', 'R3', 'PRIVATE'),
      loan('l-ok', 'consumer-credit', 720),
      loan('l-no-apr', 'consumer-credit', null),
      loan('l-usury', 'consumer-credit', 3600),
      loan('l-held', 'micro-business', 650),
      { ...wealth('w-new', 'R3', 'PUBLIC'), newCustomersOnly: true },
      wealth('w-ok', 'R3', 'PUBLIC'),
    ];
    /** The first drop of each id (the repeated w-ok's DUPLICATE_ITEM comes after the first's). */
    const reasons = (ctx: SuitabilityContext) => {
      const byId: Record<string, DropReason> = {};
      for (const d of filterCandidates(catalogue, ctx).dropped) byId[d.itemId] ??= d.reason;
      return byId;
    };
    assert.deepEqual(reasons(context), {
      'w-high': 'RISK_LEVEL_TOO_LOW',
      'w-private': 'PRIVATE_PLACEMENT',
      'l-no-apr': 'LOAN_APR_MISSING',
      'l-usury': 'LOAN_APR_INVALID',
      'l-held': 'LOAN_ALREADY_HELD',
      'w-new': 'NEW_CUSTOMERS_ONLY',
      'w-ok': 'DUPLICATE_ITEM',
    });
    assert.equal(filterCandidates(catalogue, context).eligible.filter((e) => e.candidate.itemId === 'w-ok').length, 1);
    const cooling = reasons({ ...context, loanReapplyAfter: addDays(TODAY, 1), riskAssessment: { level: 'C5', validThrough: addDays(TODAY, -1) } });
    assert.equal(cooling['l-ok'], 'LOAN_COOLDOWN');
    assert.equal(cooling['w-ok'], 'RISK_ASSESSMENT_EXPIRED');
    // The cooldown ends on reapplyAfter itself (loan-applications refuses while reapplyAfter > today).
    const kept = (ctx: SuitabilityContext) => filterCandidates(catalogue, ctx).eligible.map((e) => e.candidate.itemId);
    assert.ok(kept({ ...context, loanReapplyAfter: TODAY }).includes('l-ok'));
    assert.equal(reasons({ ...context, riskAssessment: null })['w-ok'], 'RISK_ASSESSMENT_REQUIRED');
    // The assessment is valid through its last day.
    assert.ok(kept({ ...context, riskAssessment: { level: 'C3', validThrough: TODAY } }).includes('w-ok'));
    assert.ok(!kept({ ...context, riskAssessment: { level: 'C3', validThrough: addDays(TODAY, -1) } }).includes('w-ok'));
  });

  test('at most MAX_CANDIDATES_PER_SLOT kept and MAX_CANDIDATES_EXAMINED examined, in editorial order', () => {
    const article = (n: number): Candidate => ({ kind: 'ARTICLE', itemId: `a-${n}`, title: 't', articleId: `a-${n}`, topic: 'SERVICE_NOTICE' });
    const { eligible, dropped } = filterCandidates(Array.from({ length: MAX_CANDIDATES_EXAMINED + 10 }, (_, n) => article(n)), {
      today: TODAY,
      riskAssessment: null,
      loanReapplyAfter: null,
      activeLoanProductIds: [],
      heldWealthProductIds: [],
      isNewCustomer: true,
      frequentBillCategories: [],
      communityName: null,
      personalised: true,
    });
    assert.deepEqual(
      eligible.map((e) => e.candidate.itemId),
      Array.from({ length: MAX_CANDIDATES_PER_SLOT }, (_, n) => `a-${n}`),
    );
    assert.equal(dropped.length, MAX_CANDIDATES_EXAMINED + 10 - MAX_CANDIDATES_PER_SLOT);
    assert.ok(dropped.every((d) => d.reason === 'CANDIDATE_LIMIT'));
  });
});

describe('为什么推荐', () => {
  const context: SuitabilityContext = {
    today: TODAY,
    riskAssessment: { level: 'C3', validThrough: addDays(TODAY, 100) },
    loanReapplyAfter: null,
    activeLoanProductIds: [],
    heldWealthProductIds: ['mmf-1'],
    isNewCustomer: true,
    frequentBillCategories: ['ELECTRICITY', 'PHONE'],
    communityName: '幸福里',
    personalised: true,
  };
  const catalogue: Candidate[] = [
    wealthCandidateOf({ productId: 'fixed-90', name: '90天定开', type: 'FIXED_TERM', riskLevel: 'R2', offering: 'PUBLIC' }),
    wealthCandidateOf({ productId: 'mmf-1', name: '近邻宝', type: 'MONEY_MARKET', riskLevel: 'R1', offering: 'PUBLIC' }),
    { kind: 'LOAN', itemId: 'loan', title: '近邻消费贷', productId: 'consumer-credit', loanKind: 'CONSUMER_CREDIT', aprBps: 720, newCustomersOnly: true },
    { kind: 'BILLER', itemId: 'elec', title: '电费', billerId: 'b1', category: 'ELECTRICITY' },
    { kind: 'BILLER', itemId: 'phone', title: '话费', billerId: 'b2', category: 'PHONE' },
    { kind: 'BILLER', itemId: 'water', title: '水费', billerId: 'b3', category: 'WATER' },
    { kind: 'MERCHANT', itemId: 'shop', title: '邻里鲜', merchantId: 'm1', category: 'GROCERY', communityName: '幸福里' },
    { kind: 'ARTICLE', itemId: 'fraud', title: '防骗', articleId: 'x', topic: 'FRAUD_WARNING' },
  ];
  const why = (ctx: SuitabilityContext) => filterCandidates(catalogue, ctx).eligible.map((e) => e.whyShown);

  test('from the facts: risk level, habits, community, the loan\'s annualized rate', () => {
    assert.deepEqual(why(context), [
      '与您的风险等级（C3 平衡型）相符',
      '您已持有，可追加购买；与您的风险等级（C3 平衡型）相符',
      '新客专享，您目前可申请，年化利率 7.20%',
      '您常缴电费',
      '您常充话费',
      '便民缴费：水费',
      '您所在社区（幸福里）的商户',
      '防范电信网络诈骗，人人必读',
    ]);
  });

  test('personalisation off: no habits or community in the words; suitability facts stay', () => {
    assert.deepEqual(why({ ...context, personalised: false }), [
      '与您的风险等级（C3 平衡型）相符',
      '与您的风险等级（C3 平衡型）相符',
      '新客专享，您目前可申请，年化利率 7.20%',
      '便民缴费：电费',
      '便民缴费：话费充值',
      '便民缴费：水费',
      '社区商户：生鲜超市',
      '防范电信网络诈骗，人人必读',
    ]);
  });
});
