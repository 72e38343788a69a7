// Loan products as data, pricing (LPR + spread, capped), the public calculator, licence codes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Refusal } from '../../functions/domain/errors.js';
import { isValidCreditCode } from '../../functions/domain/loan/business-licence.js';
import { calculatorQuote } from '../../functions/domain/loan/calculator.js';
import { bestGrade, ONE_YEAR_LPR_BPS, priceLoan } from '../../functions/domain/loan/pricing.js';
import {
  CONSUMER_CREDIT_PRODUCT,
  type LoanProduct,
  loanProductSchema,
  MICRO_BUSINESS_PRODUCT,
  RISK_GRADES,
  SEED_LOAN_PRODUCTS,
} from '../../functions/domain/loan/product.js';

const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof Refusal, String(error));
  assert.equal(error.code, code);
  assert.match(error.userMessage, /[\u4e00-\u9fff]/);
  return true;
};

describe('product schema and seeds', () => {
  test('the seeds are what the issue describes and pass the schema', () => {
    assert.equal(SEED_LOAN_PRODUCTS.length, 2);
    for (const product of SEED_LOAN_PRODUCTS) assert.deepEqual(loanProductSchema.parse(product), product);
    assert.deepEqual(
      [CONSUMER_CREDIT_PRODUCT.minAmountFen, CONSUMER_CREDIT_PRODUCT.maxAmountFen, CONSUMER_CREDIT_PRODUCT.termsMonths],
      [100_000, 20_000_000, [3, 6, 12, 24, 36]], // 1,000–200,000 yuan
    );
    assert.equal(MICRO_BUSINESS_PRODUCT.maxAmountFen, 100_000_000); // 1,000,000 yuan
    assert.equal(MICRO_BUSINESS_PRODUCT.requiresBusinessLicence, true);
    assert.equal(CONSUMER_CREDIT_PRODUCT.penaltyRateMarkupPercent, 50);
  });

  test('refuses products that break the rules', () => {
    const bad: Record<string, unknown>[] = [
      { minAmountFen: 30_000_000 }, // above max
      { minAmountFen: 50_000 }, // below 1,000 yuan
      { maxAmountFen: 200_000_000 }, // above 1,000,000 yuan
      { termsMonths: [12, 6] },
      { termsMonths: [6, 6] },
      { termsMonths: [121] },
      { termsMonths: [] },
      { methods: ['EQUAL_INSTALLMENT', 'EQUAL_INSTALLMENT'] },
      { methods: ['BALLOON'] },
      { spreadBpsByGrade: {} },
      { spreadBpsByGrade: { F: 100 } },
      { spreadBpsByGrade: { A: -1 } },
      { rateCapBps: 2401 },
      { rateCapBps: 0 },
      { penaltyRateMarkupPercent: 60 },
      { penaltyRateMarkupPercent: 20 },
      { purposes: ['HOUSE_PURCHASE'] },
      { purposes: ['SECURITIES_INVESTMENT'] },
      { productId: 'Consumer Credit' },
      { version: 0 },
      { minAmountFen: 100_000.5 },
      { surprise: true },
    ];
    for (const change of bad) {
      assert.equal(loanProductSchema.safeParse({ ...CONSUMER_CREDIT_PRODUCT, ...change }).success, false, JSON.stringify(change));
    }
  });

  test('a product may leave a grade out', () => {
    const { E: _e, ...spreads } = CONSUMER_CREDIT_PRODUCT.spreadBpsByGrade;
    assert.ok(loanProductSchema.safeParse({ ...CONSUMER_CREDIT_PRODUCT, spreadBpsByGrade: spreads }).success);
  });
});

describe('pricing', () => {
  test('LPR 3.00% + the consumer spreads: A 4.00%, B 5.00%, C 6.50%, D 8.50%, E 11.00%', () => {
    assert.equal(ONE_YEAR_LPR_BPS, 300);
    const rates = RISK_GRADES.map((grade) => priceLoan(CONSUMER_CREDIT_PRODUCT, grade, ONE_YEAR_LPR_BPS).annualRateBps);
    assert.deepEqual(rates, [400, 500, 650, 850, 1100]);
    assert.deepEqual(priceLoan(CONSUMER_CREDIT_PRODUCT, 'C', 300), { lprBps: 300, spreadBps: 350, annualRateBps: 650, capped: false });
  });

  test("the product's cap wins when LPR rises", () => {
    // LPR 12.00% + E spread 8.00% = 20.00% > the consumer cap of 18.00%.
    assert.deepEqual(priceLoan(CONSUMER_CREDIT_PRODUCT, 'E', 1200), { lprBps: 1200, spreadBps: 800, annualRateBps: 1800, capped: true });
    assert.equal(priceLoan(CONSUMER_CREDIT_PRODUCT, 'A', 1200).capped, false);
  });

  test('never above 24%, even for a product that skipped the schema', () => {
    const unchecked = { ...CONSUMER_CREDIT_PRODUCT, rateCapBps: 3600 } as LoanProduct;
    assert.equal(priceLoan(unchecked, 'E', 2400).annualRateBps, 2400);
    assert.throws(() => priceLoan(CONSUMER_CREDIT_PRODUCT, 'A', 2401), /lprBps/);
    assert.throws(() => priceLoan(CONSUMER_CREDIT_PRODUCT, 'A', 3.5), /lprBps/);
  });

  test('a grade the product does not price is refused', () => {
    const noE = { ...CONSUMER_CREDIT_PRODUCT, spreadBpsByGrade: { A: 100, B: 200 } };
    assert.throws(() => priceLoan(noE, 'E', 300), refusedWith('GRADE_NOT_OFFERED'));
  });

  test('"as low as" is priced at the best grade the product lends to', () => {
    assert.equal(bestGrade(CONSUMER_CREDIT_PRODUCT), 'A');
    assert.equal(bestGrade({ ...CONSUMER_CREDIT_PRODUCT, spreadBpsByGrade: { C: 350, B: 200, E: 800 } }), 'B');
    assert.throws(() => bestGrade({ ...CONSUMER_CREDIT_PRODUCT, spreadBpsByGrade: {} }), /prices no grade/);
  });
});

describe('calculator', () => {
  test('shows the schedule with the nominal and the IRR annualized rate', () => {
    const quote = calculatorQuote(CONSUMER_CREDIT_PRODUCT, {
      amountFen: 1_000_000,
      termMonths: 12,
      method: 'EQUAL_INSTALLMENT',
      grade: 'B',
      lprBps: 300,
      drawdownDate: '2025-06-20',
    });
    assert.equal(quote.annualRateBps, 500);
    assert.equal(quote.annualRateDisplay, '5.00%');
    assert.equal(quote.annualizedRateBps, 500);
    assert.equal(quote.annualizedRateDisplay, '5.00%');
    assert.equal(quote.schedule.installments.length, 12);
    assert.equal(quote.schedule.totals.principalFen, 1_000_000);
  });

  test('refuses what the product does not offer, with the reason the customer can act on', () => {
    const request = { amountFen: 1_000_000, termMonths: 12, method: 'EQUAL_INSTALLMENT', grade: 'A', lprBps: 300, drawdownDate: '2025-06-20' } as const;
    assert.throws(() => calculatorQuote(CONSUMER_CREDIT_PRODUCT, { ...request, termMonths: 18 }), refusedWith('TERM_NOT_OFFERED'));
    assert.throws(() => calculatorQuote(CONSUMER_CREDIT_PRODUCT, { ...request, method: 'INTEREST_FIRST' }), refusedWith('METHOD_NOT_OFFERED'));
    assert.throws(() => calculatorQuote(CONSUMER_CREDIT_PRODUCT, { ...request, amountFen: 99_999 }), (error: unknown) => {
      refusedWith('AMOUNT_OUT_OF_RANGE')(error);
      assert.equal((error as Refusal).userMessage, '借款金额须在 1,000 元至 200,000 元之间');
      return true;
    });
  });
});

describe('business licence credit codes (GB 32100-2015)', () => {
  test('accepts real codes, in either case', () => {
    for (const code of ['91110108551385082Q', '9144030071526726XG', '91330100799655058B', '9144030071526726xg']) {
      assert.ok(isValidCreditCode(code), code);
    }
  });

  test('refuses a wrong check character, forbidden letters and wrong lengths', () => {
    for (const code of ['91110108551385082R', '9111010855138508IQ', '91110108551385082', '91110108551385082QQ', '']) {
      assert.equal(isValidCreditCode(code), false, code);
    }
  });
});
