// The automatic credit decision: each reason code reachable on its own, the approve path for
// every grade, and the same inputs always giving the same decision.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type BureauReport,
  bureauReportSchema,
  decide,
  type DeclineCode,
  type LoanApplication,
  loanApplicationSchema,
  type LoanDecision,
  RULE_VERSION,
} from '../../functions/domain/loan/decision.js';
import { CONSUMER_CREDIT_PRODUCT, LOAN_PURPOSES, type LoanProduct, MICRO_BUSINESS_PRODUCT, REPAYMENT_METHODS } from '../../functions/domain/loan/product.js';

const today = '2025-06-20';
const context = { lprBps: 300, today, ruleVersion: RULE_VERSION };

// 50,000 yuan over 12 months, 20,000 yuan a month of income, 35 years old, a clean report.
const application: LoanApplication = {
  amountFen: 5_000_000,
  termMonths: 12,
  method: 'EQUAL_INSTALLMENT',
  purpose: 'CONSUMPTION',
  monthlyIncomeFen: 2_000_000,
  employer: '近邻科技有限公司',
  industry: 'INFORMATION_TECHNOLOGY',
  birthDate: '1990-03-15',
};
const report: BureauReport = {
  score: 760,
  existingMonthlyDebtFen: 200_000,
  currentOverdueDays: 0,
  overdueCount24m: 0,
  blacklisted: false,
  queriesLast3m: 1,
};

const codesOf = (decision: LoanDecision) => decision.reasonCodes.map((reason) => reason.code);
const declinedOnlyFor = (code: DeclineCode, decision: LoanDecision) => {
  assert.equal(decision.outcome, 'DECLINED');
  assert.deepEqual(codesOf(decision), [code]);
  for (const reason of decision.reasonCodes) assert.match(reason.message, /[\u4e00-\u9fff]/);
};

describe('approve path', () => {
  test('grade A: 4.00%, limit capped by the product at 200,000 yuan, line for 12 months', () => {
    const decision = decide(application, report, CONSUMER_CREDIT_PRODUCT, context);
    assert.equal(decision.outcome, 'APPROVED');
    assert.ok(decision.outcome === 'APPROVED');
    assert.equal(decision.grade, 'A');
    assert.equal(decision.annualRateBps, 400);
    assert.equal(decision.annualizedRateBps, 400);
    assert.equal(decision.annualizedRateDisplay, '4.00%');
    // min(200,000 yuan product max, 20,000 × 20 months = 400,000 yuan)
    assert.equal(decision.creditLimitFen, 20_000_000);
    assert.equal(decision.lineExpiresOn, '2026-06-20');
    assert.deepEqual(decision.reasonCodes, []);
    assert.equal(decision.ruleVersion, RULE_VERSION);
    assert.deepEqual([decision.productId, decision.productVersion, decision.decidedOn], ['consumer-credit', 1, today]);
    // 50,000 yuan at 4%/12 over 12 months: 5,000,000 × r(1+r)^12/((1+r)^12 − 1) = 425,749.6… → 425,750;
    // (2,000 + 4,257.50) / 20,000 = 31.29% of income.
    assert.equal(decision.monthlyPaymentFen, 425_750);
    assert.equal(decision.debtToIncomeBps, 3129);
  });

  test('every grade by score band, priced LPR + spread, limited by income × months', () => {
    const cases = [
      { score: 850, grade: 'A', rate: 400, limit: 20_000_000 },
      { score: 750, grade: 'A', rate: 400, limit: 20_000_000 },
      { score: 749, grade: 'B', rate: 500, limit: 20_000_000 }, // 20,000 × 15 = 300,000 → 200,000
      { score: 700, grade: 'B', rate: 500, limit: 20_000_000 },
      { score: 699, grade: 'C', rate: 650, limit: 20_000_000 }, // 20,000 × 10 = 200,000
      { score: 649, grade: 'D', rate: 850, limit: 12_000_000 }, // 20,000 × 6
      { score: 599, grade: 'E', rate: 1100, limit: 6_000_000 }, // 20,000 × 3
      { score: 550, grade: 'E', rate: 1100, limit: 6_000_000 },
    ] as const;
    for (const { score, grade, rate, limit } of cases) {
      const decision = decide(application, { ...report, score }, CONSUMER_CREDIT_PRODUCT, context);
      assert.ok(decision.outcome === 'APPROVED', `score ${score}: ${JSON.stringify(decision)}`);
      assert.deepEqual([decision.grade, decision.annualRateBps, decision.annualizedRateBps, decision.creditLimitFen], [grade, rate, rate, limit]);
    }
  });

  test('limits are whole hundreds of yuan, rounded down', () => {
    // Grade D: 12,345.67 yuan × 6 = 74,074.02 yuan → 74,000 yuan.
    const decision = decide({ ...application, monthlyIncomeFen: 1_234_567 }, { ...report, score: 620, existingMonthlyDebtFen: 0 }, CONSUMER_CREDIT_PRODUCT, context);
    assert.ok(decision.outcome === 'APPROVED');
    assert.equal(decision.creditLimitFen, 7_400_000);
  });

  test('micro-business loan, interest first, with a valid licence', () => {
    const decision = decide(
      { ...application, purpose: 'BUSINESS_WORKING_CAPITAL', method: 'INTEREST_FIRST', businessLicence: { creditCode: '91110108551385082Q', businessName: '近邻小店' } },
      report,
      MICRO_BUSINESS_PRODUCT,
      context,
    );
    assert.ok(decision.outcome === 'APPROVED');
    assert.equal(decision.annualRateBps, 350);
    assert.equal(decision.annualizedRateBps, 350);
    // Debt-to-income counts the amortizing equivalent, not the 145.83 yuan of monthly interest.
    assert.ok(decision.monthlyPaymentFen > 400_000, String(decision.monthlyPaymentFen));
  });
});

describe('every decline reason is reachable on its own', () => {
  const noGradeE: LoanProduct = { ...CONSUMER_CREDIT_PRODUCT, spreadBpsByGrade: { A: 100, B: 200, C: 350, D: 550 } };
  const tenYears: LoanProduct = { ...CONSUMER_CREDIT_PRODUCT, termsMonths: [12, 120] };
  const micro = { ...application, purpose: 'BUSINESS_WORKING_CAPITAL' } as const;
  const cases: [DeclineCode, LoanApplication, BureauReport, LoanProduct][] = [
    ['AMOUNT_OUT_OF_RANGE', { ...application, amountFen: 99_900 }, report, CONSUMER_CREDIT_PRODUCT],
    ['AMOUNT_OUT_OF_RANGE', { ...application, amountFen: 20_000_100 }, report, CONSUMER_CREDIT_PRODUCT],
    ['TERM_NOT_OFFERED', { ...application, termMonths: 18 }, report, CONSUMER_CREDIT_PRODUCT],
    ['METHOD_NOT_OFFERED', { ...application, method: 'INTEREST_FIRST' }, report, CONSUMER_CREDIT_PRODUCT],
    ['PURPOSE_NOT_ALLOWED', { ...application, purpose: 'BUSINESS_EQUIPMENT' }, report, CONSUMER_CREDIT_PRODUCT],
    ['BUSINESS_LICENCE_REQUIRED', micro, report, MICRO_BUSINESS_PRODUCT],
    ['BUSINESS_LICENCE_REQUIRED', { ...micro, businessLicence: { creditCode: '91110108551385082R', businessName: '近邻小店' } }, report, MICRO_BUSINESS_PRODUCT],
    ['AGE_OUT_OF_RANGE', { ...application, birthDate: '2007-06-21' }, report, CONSUMER_CREDIT_PRODUCT], // 17, 18 tomorrow
    ['AGE_OUT_OF_RANGE', { ...application, birthDate: '1964-06-20' }, report, CONSUMER_CREDIT_PRODUCT], // 61 today
    ['AGE_AT_MATURITY_TOO_HIGH', { ...application, birthDate: '1966-01-01', termMonths: 120 }, report, tenYears], // 59 → 69
    ['BLACKLISTED', application, { ...report, blacklisted: true }, CONSUMER_CREDIT_PRODUCT],
    ['CURRENTLY_OVERDUE', application, { ...report, currentOverdueDays: 1 }, CONSUMER_CREDIT_PRODUCT],
    ['TOO_MANY_OVERDUES', application, { ...report, overdueCount24m: 4 }, CONSUMER_CREDIT_PRODUCT],
    ['TOO_MANY_CREDIT_QUERIES', application, { ...report, queriesLast3m: 7 }, CONSUMER_CREDIT_PRODUCT],
    ['SCORE_TOO_LOW', application, { ...report, score: 549 }, CONSUMER_CREDIT_PRODUCT],
    ['INCOME_TOO_LOW', { ...application, monthlyIncomeFen: 299_999 }, report, CONSUMER_CREDIT_PRODUCT],
    ['GRADE_NOT_OFFERED', application, { ...report, score: 560 }, noGradeE],
    // (2,000 + 4,257.50 existing + new) / 10,000 yuan = 62.58% > 55%; limit 10,000 × 20 = 200,000.
    ['DEBT_TO_INCOME_TOO_HIGH', { ...application, monthlyIncomeFen: 1_000_000 }, report, CONSUMER_CREDIT_PRODUCT],
    // Grade E: 15,000 × 3 = 45,000 yuan < 50,000 asked; DTI (0 + 4,419.2) / 15,000 is fine.
    ['AMOUNT_ABOVE_LIMIT', { ...application, monthlyIncomeFen: 1_500_000 }, { ...report, score: 570, existingMonthlyDebtFen: 0 }, CONSUMER_CREDIT_PRODUCT],
  ];
  cases.forEach(([code, app, bureau, product], index) => {
    test(`${code} (case ${index + 1})`, () => {
      declinedOnlyFor(code, decide(app, bureau, product, context));
    });
  });

  test('the boundaries: 18 today, 60 today, 3 overdues, 6 queries, 3,000 yuan income all pass', () => {
    for (const [app, bureau] of [
      [{ ...application, birthDate: '2007-06-20' }, report],
      [{ ...application, birthDate: '1965-06-21' }, report],
      [application, { ...report, overdueCount24m: 3, queriesLast3m: 6 }],
      [{ ...application, amountFen: 500_000, monthlyIncomeFen: 300_000 }, { ...report, existingMonthlyDebtFen: 0 }],
    ] as const) {
      assert.equal(decide(app, bureau, CONSUMER_CREDIT_PRODUCT, context).outcome, 'APPROVED', JSON.stringify(app));
    }
  });

  test('messages tell the customer the figures that matter', () => {
    const overLimit = decide({ ...application, monthlyIncomeFen: 1_500_000 }, { ...report, score: 570, existingMonthlyDebtFen: 0 }, CONSUMER_CREDIT_PRODUCT, context);
    assert.equal(overLimit.reasonCodes[0]!.message, '根据您的收入与信用等级，可借额度最高为 45,000 元');
    const dti = decide({ ...application, monthlyIncomeFen: 1_000_000 }, report, CONSUMER_CREDIT_PRODUCT, context);
    assert.match(dti.reasonCodes[0]!.message, /62\.58%.*55\.00%/);
    const belowMinimum = decide({ ...application, amountFen: 1_000_000, monthlyIncomeFen: 300_000, purpose: 'BUSINESS_WORKING_CAPITAL', businessLicence: { creditCode: '91110108551385082Q', businessName: '近邻小店' } }, { ...report, score: 560, existingMonthlyDebtFen: 0 }, MICRO_BUSINESS_PRODUCT, context);
    assert.deepEqual(codesOf(belowMinimum), ['AMOUNT_ABOVE_LIMIT']);
    assert.match(belowMinimum.reasonCodes[0]!.message, /9,000 元，低于本产品的最低借款金额/);
  });

  test('several failures are all reported, in the documented order', () => {
    const decision = decide({ ...application, termMonths: 18, birthDate: '2010-01-01' }, { ...report, blacklisted: true, score: 400, queriesLast3m: 9 }, CONSUMER_CREDIT_PRODUCT, context);
    assert.deepEqual(codesOf(decision), ['TERM_NOT_OFFERED', 'AGE_OUT_OF_RANGE', 'BLACKLISTED', 'TOO_MANY_CREDIT_QUERIES', 'SCORE_TOO_LOW']);
  });
});

describe('cooldown', () => {
  test('a credit decline waits 30 days; one the customer can fix by asking differently does not', () => {
    const blacklisted = decide(application, { ...report, blacklisted: true }, CONSUMER_CREDIT_PRODUCT, context);
    assert.ok(blacklisted.outcome === 'DECLINED');
    assert.equal(blacklisted.reapplyAfter, '2025-07-20');
    const overLimit = decide({ ...application, monthlyIncomeFen: 1_500_000 }, { ...report, score: 570, existingMonthlyDebtFen: 0 }, CONSUMER_CREDIT_PRODUCT, context);
    assert.ok(overLimit.outcome === 'DECLINED');
    assert.equal(overLimit.reapplyAfter, today);
    const both = decide({ ...application, termMonths: 18 }, { ...report, currentOverdueDays: 5 }, CONSUMER_CREDIT_PRODUCT, context);
    assert.ok(both.outcome === 'DECLINED');
    assert.equal(both.reapplyAfter, '2025-07-20');
  });
});

describe('determinism and replay', () => {
  test('the same inputs give a deep-equal decision', () => {
    assert.deepEqual(decide(application, report, CONSUMER_CREDIT_PRODUCT, context), decide(structuredClone(application), structuredClone(report), CONSUMER_CREDIT_PRODUCT, { ...context }));
  });

  test('another rule version is refused rather than silently decided by these rules', () => {
    assert.throws(() => decide(application, report, CONSUMER_CREDIT_PRODUCT, { ...context, ruleVersion: 'loan-rules-2024-01.1' }), /rule version/);
  });

  test('property: random inputs decide the same twice, and every outcome is consistent', () => {
    // Mostly-passing inputs, so that both outcomes come up often.
    const rarely = <T>(usual: T, unusual: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: unusual });
    const caseArb = fc.constantFrom(CONSUMER_CREDIT_PRODUCT, MICRO_BUSINESS_PRODUCT).chain((product) =>
      fc.record({
        product: fc.constant(product),
        application: fc.record({
          amountFen: rarely(product.minAmountFen, fc.integer({ min: 50_000, max: 30_000_000 })).chain((small) =>
            fc.oneof(fc.constant(small), fc.integer({ min: product.minAmountFen, max: product.maxAmountFen })),
          ),
          termMonths: rarely(12, fc.constantFrom(3, 6, 18, 24, 36)),
          method: rarely(product.methods[0]!, fc.constantFrom(...REPAYMENT_METHODS)),
          purpose: rarely(product.purposes[0]!, fc.constantFrom(...LOAN_PURPOSES)),
          monthlyIncomeFen: fc.integer({ min: 0, max: 10_000_000 }),
          employer: fc.constant('近邻科技'),
          industry: fc.constant('OTHER' as const),
          birthDate: fc.integer({ min: 15, max: 70 }).map((years) => `${2025 - years}-01-01`),
          businessLicence: rarely({ creditCode: '9144030071526726XG', businessName: '近邻小店' }, fc.constant({ creditCode: '9144030071526726XA', businessName: '近邻小店' })),
        }),
      }),
    );
    const reportArb = fc.record({
      score: fc.integer({ min: 500, max: 850 }),
      existingMonthlyDebtFen: fc.integer({ min: 0, max: 500_000 }),
      currentOverdueDays: rarely(0, fc.integer({ min: 1, max: 200 })),
      overdueCount24m: rarely(0, fc.integer({ min: 1, max: 5 })),
      blacklisted: rarely(false, fc.constant(true)),
      queriesLast3m: rarely(1, fc.integer({ min: 0, max: 9 })),
    });
    const seen = { APPROVED: 0, DECLINED: 0 };
    fc.assert(
      fc.property(caseArb, reportArb, ({ product, application: app }, bureau) => {
        assert.ok(loanApplicationSchema.safeParse(app).success && bureauReportSchema.safeParse(bureau).success);
        const first = decide(app, bureau, product, context);
        assert.deepEqual(decide(app, bureau, product, context), first);
        seen[first.outcome]++;
        if (first.outcome === 'APPROVED') {
          assert.deepEqual(first.reasonCodes, []);
          assert.ok(app.amountFen <= first.creditLimitFen && first.creditLimitFen <= product.maxAmountFen);
          assert.ok(first.debtToIncomeBps <= 5500);
          assert.ok(!bureau.blacklisted && bureau.currentOverdueDays === 0 && bureau.score >= 550);
          assert.ok(Math.abs(first.annualizedRateBps - first.annualRateBps) <= 1);
        } else {
          assert.ok(first.reasonCodes.length > 0);
          assert.ok(first.reapplyAfter >= today);
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(seen.APPROVED >= 10 && seen.DECLINED >= 10, JSON.stringify(seen));
  });
});

describe('input schemas', () => {
  test('the purpose enum has no forbidden uses; bad applications and reports are refused', () => {
    assert.ok(loanApplicationSchema.safeParse(application).success);
    for (const change of [{ purpose: 'HOUSE_PURCHASE' }, { purpose: 'SECURITIES_INVESTMENT' }, { amountFen: 1.5 }, { monthlyIncomeFen: -1 }, { birthDate: '1990-02-30' }, { employer: ' ' }, { extra: 1 }]) {
      assert.equal(loanApplicationSchema.safeParse({ ...application, ...change }).success, false, JSON.stringify(change));
    }
    for (const change of [{ score: 299 }, { score: 851 }, { currentOverdueDays: -1 }, { blacklisted: 'no' }]) {
      assert.equal(bureauReportSchema.safeParse({ ...report, ...change }).success, false, JSON.stringify(change));
    }
  });
});
