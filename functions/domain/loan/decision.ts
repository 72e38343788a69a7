// The automatic credit decision: rules over the application and the bureau report. It is a pure
// function of its inputs and RULE_VERSION, so a stored decision can be replayed and audited.
//
// Decline reason codes, in the order they are reported:
//   AMOUNT_OUT_OF_RANGE, TERM_NOT_OFFERED,   the request does not fit the product
//   METHOD_NOT_OFFERED, PURPOSE_NOT_ALLOWED
//   BUSINESS_LICENCE_REQUIRED               product needs a licence with a valid credit code
//   AGE_OUT_OF_RANGE                        age today outside 18–60
//   AGE_AT_MATURITY_TOO_HIGH                older than 65 on the last due date
//   BLACKLISTED                             on the bureau's blacklist
//   CURRENTLY_OVERDUE                       any debt overdue today
//   TOO_MANY_OVERDUES                       more than 3 overdue episodes in 24 months
//   TOO_MANY_CREDIT_QUERIES                 more than 6 bureau queries in 3 months (多头借贷)
//   SCORE_TOO_LOW                           bureau score under 550 (grade E's floor)
//   INCOME_TOO_LOW                          monthly income under 3,000 yuan
//   GRADE_NOT_OFFERED                       the product has no price for the score's grade
//   DEBT_TO_INCOME_TOO_HIGH                 (existing + new monthly payment) / income > 55%
//   AMOUNT_ABOVE_LIMIT                      amount above min(product max, income × multiple)
// Grades by score: A ≥ 750, B ≥ 700, C ≥ 650, D ≥ 600, E ≥ 550; the limit is 20/15/10/6/3
// months of income by grade. The last two codes need a price and an income, so they are judged
// only when the request fits the product, the grade is priced and the income is above the floor.
// DEBT_TO_INCOME counts the largest payment of the schedule; for interest first, the payment of
// the same loan as equal installment, since the final balloon must be serviced too.
//
// A request above the limit is declined, not approved at the limit: the customer agrees to the
// amount and schedule they saw, and the message states the limit so they can ask again at once.
// Declines the customer can fix by changing the request carry no cooldown.
import * as z from 'zod/mini';
import { ageOn } from '../idcard.js';
import { assertFen } from '../money.js';
import { Dec, roundHalfUp } from './arith.js';
import { assertRateBps } from '../bounds.js';
import { formatRateBps, formatYuan } from '../format.js';
import { scheduleAnnualizedRate } from './apr.js';
import { addDays, addMonthsClamped, assertIsoDate } from './dates.js';
import { isValidCreditCode } from './business-licence.js';
import {
  INDUSTRIES,
  JUDICIAL_RATE_CEILING_BPS,
  LOAN_PURPOSES,
  type LoanProduct,
  MAX_PRODUCT_AMOUNT_FEN,
  MAX_PRODUCT_TERM_MONTHS,
  type ProductFitCode,
  productFitReasons,
  REPAYMENT_METHODS,
  type RiskGrade,
} from './product.js';
import { priceLoan } from './pricing.js';
import { buildSchedule } from './schedule.js';
import { lazySchema } from '../lazy-schema.js';

export const RULE_VERSION = 'loan-rules-2025-06.1';

/** The thresholds of RULE_VERSION. Changing any of them means a new RULE_VERSION. */
export const RULES = {
  minAgeYears: 18,
  maxAgeYears: 60,
  maxAgeAtMaturityYears: 65,
  maxOverdueCount24m: 3,
  maxQueriesLast3m: 6,
  /** Lowest score of each grade, best grade first; below E's floor there is no grade. */
  gradeFloors: [
    ['A', 750],
    ['B', 700],
    ['C', 650],
    ['D', 600],
    ['E', 550],
  ] as const satisfies readonly (readonly [RiskGrade, number])[],
  minMonthlyIncomeFen: 300_000,
  maxDebtToIncomeBps: 5500,
  /** Credit limit in months of income. */
  limitIncomeMonthsByGrade: { A: 20, B: 15, C: 10, D: 6, E: 3 } satisfies Record<RiskGrade, number>,
  /** Limits are whole hundreds of yuan, rounded down. */
  limitStepFen: 10_000,
  declineCooldownDays: 30,
  lineMonths: 12,
} as const;

/** 10 million yuan a month: anything above is a typo, not an income. */
const MAX_MONTHLY_FEN = 1_000_000_000;

/** birthDate comes from the verified ID number, not from the form. */
export const loanApplicationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    amountFen: z.int().check(z.minimum(1), z.maximum(MAX_PRODUCT_AMOUNT_FEN)),
    termMonths: z.int().check(z.minimum(1), z.maximum(MAX_PRODUCT_TERM_MONTHS)),
    method: z.enum(REPAYMENT_METHODS),
    purpose: z.enum(LOAN_PURPOSES),
    monthlyIncomeFen: z.int().check(z.minimum(0), z.maximum(MAX_MONTHLY_FEN)),
    employer: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    industry: z.enum(INDUSTRIES),
    birthDate: z.iso.date(),
    businessLicence: z.optional(
      z.strictObject({
        creditCode: z.string().check(z.length(18)),
        businessName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      }),
    ),
  }),
);
export type LoanApplication = z.infer<typeof loanApplicationSchema>;

export const bureauReportSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    score: z.int().check(z.minimum(300), z.maximum(850)),
    existingMonthlyDebtFen: z.int().check(z.minimum(0), z.maximum(MAX_MONTHLY_FEN)),
    /** Days the worst debt is overdue today; 0 = nothing overdue. */
    currentOverdueDays: z.int().check(z.minimum(0), z.maximum(3650)),
    overdueCount24m: z.int().check(z.minimum(0), z.maximum(100)),
    blacklisted: z.boolean(),
    queriesLast3m: z.int().check(z.minimum(0), z.maximum(100)),
  }),
);
export type BureauReport = z.infer<typeof bureauReportSchema>;

export type DeclineCode =
  | ProductFitCode
  | 'BUSINESS_LICENCE_REQUIRED'
  | 'AGE_OUT_OF_RANGE'
  | 'AGE_AT_MATURITY_TOO_HIGH'
  | 'BLACKLISTED'
  | 'CURRENTLY_OVERDUE'
  | 'TOO_MANY_OVERDUES'
  | 'TOO_MANY_CREDIT_QUERIES'
  | 'SCORE_TOO_LOW'
  | 'INCOME_TOO_LOW'
  | 'GRADE_NOT_OFFERED'
  | 'DEBT_TO_INCOME_TOO_HIGH'
  | 'AMOUNT_ABOVE_LIMIT';

export interface DecisionReason {
  code: DeclineCode;
  message: string;
}

/** Reasons a different request (amount, term, method, purpose, documents) can cure at once. */
const CORRECTABLE: ReadonlySet<DeclineCode> = new Set<DeclineCode>([
  'AMOUNT_OUT_OF_RANGE',
  'TERM_NOT_OFFERED',
  'METHOD_NOT_OFFERED',
  'PURPOSE_NOT_ALLOWED',
  'BUSINESS_LICENCE_REQUIRED',
  'AGE_AT_MATURITY_TOO_HIGH',
  'DEBT_TO_INCOME_TOO_HIGH',
  'AMOUNT_ABOVE_LIMIT',
]);

interface DecisionBase {
  ruleVersion: string;
  productId: string;
  productVersion: number;
  decidedOn: string;
}

export interface ApprovedDecision extends DecisionBase {
  outcome: 'APPROVED';
  grade: RiskGrade;
  creditLimitFen: number;
  annualRateBps: number;
  annualRateDisplay: string;
  /** IRR-method annualized rate of the loan as requested. */
  annualizedRateBps: number;
  annualizedRateDisplay: string;
  lineExpiresOn: string;
  /** The payment the debt-to-income rule counted. */
  monthlyPaymentFen: number;
  debtToIncomeBps: number;
  reasonCodes: [];
}

export interface DeclinedDecision extends DecisionBase {
  outcome: 'DECLINED';
  reasonCodes: DecisionReason[];
  reapplyAfter: string;
}

export type LoanDecision = ApprovedDecision | DeclinedDecision;

export interface DecisionContext {
  lprBps: number;
  /** Business date, YYYY-MM-DD; also the assumed drawdown date of the requested loan. */
  today: string;
  ruleVersion: string;
}

export function gradeForScore(score: number): RiskGrade | null {
  for (const [grade, floor] of RULES.gradeFloors) if (score >= floor) return grade;
  return null;
}

export function decide(
  application: LoanApplication,
  report: BureauReport,
  product: LoanProduct,
  context: DecisionContext,
): LoanDecision {
  // Only the rules in this file exist; replaying another version would silently give other answers.
  if (context.ruleVersion !== RULE_VERSION) {
    throw new Error(`rule version ${context.ruleVersion} is not ${RULE_VERSION}`);
  }
  const { today } = context;
  assertIsoDate(today, 'today');
  assertRateBps(context.lprBps, 'lprBps', JUDICIAL_RATE_CEILING_BPS);
  assertFen(application.monthlyIncomeFen, 'monthlyIncomeFen');
  assertFen(report.existingMonthlyDebtFen, 'existingMonthlyDebtFen');

  const reasons: DecisionReason[] = [...productFitReasons(product, application)];
  const fitsProduct = reasons.length === 0;
  if (product.requiresBusinessLicence && !isValidCreditCode(application.businessLicence?.creditCode ?? '')) {
    reasons.push({ code: 'BUSINESS_LICENCE_REQUIRED', message: '本产品须提供有效的营业执照（统一社会信用代码）' });
  }
  const ageYears = ageOn(application.birthDate, today);
  if (ageYears < RULES.minAgeYears || ageYears > RULES.maxAgeYears) {
    reasons.push({ code: 'AGE_OUT_OF_RANGE', message: `申请人年龄须在 ${RULES.minAgeYears} 至 ${RULES.maxAgeYears} 周岁之间` });
  }
  if (ageOn(application.birthDate, addMonthsClamped(today, application.termMonths)) > RULES.maxAgeAtMaturityYears) {
    reasons.push({
      code: 'AGE_AT_MATURITY_TOO_HIGH',
      message: `借款到期时年龄不能超过 ${RULES.maxAgeAtMaturityYears} 周岁，请选择更短的期限`,
    });
  }
  if (report.blacklisted) {
    reasons.push({ code: 'BLACKLISTED', message: '您的征信记录存在严重不良信息，暂不符合申请条件' });
  }
  if (report.currentOverdueDays > 0) {
    reasons.push({ code: 'CURRENTLY_OVERDUE', message: '您有正在逾期的借款，请结清后再申请' });
  }
  if (report.overdueCount24m > RULES.maxOverdueCount24m) {
    reasons.push({ code: 'TOO_MANY_OVERDUES', message: `近 24 个月内逾期超过 ${RULES.maxOverdueCount24m} 次` });
  }
  if (report.queriesLast3m > RULES.maxQueriesLast3m) {
    reasons.push({
      code: 'TOO_MANY_CREDIT_QUERIES',
      message: `近 3 个月征信查询超过 ${RULES.maxQueriesLast3m} 次，请减少借款申请后再试`,
    });
  }
  const grade = gradeForScore(report.score);
  if (grade === null) reasons.push({ code: 'SCORE_TOO_LOW', message: '信用评分未达到本产品的要求' });
  const incomeOk = application.monthlyIncomeFen >= RULES.minMonthlyIncomeFen;
  if (!incomeOk) {
    reasons.push({ code: 'INCOME_TOO_LOW', message: `月收入须不低于 ${formatYuan(RULES.minMonthlyIncomeFen)} 元` });
  }
  const spreadOffered = grade !== null && product.spreadBpsByGrade[grade] !== undefined;
  if (grade !== null && !spreadOffered) {
    reasons.push({ code: 'GRADE_NOT_OFFERED', message: '您的信用等级暂不符合本产品的申请条件' });
  }

  const base: DecisionBase = { ruleVersion: RULE_VERSION, productId: product.productId, productVersion: product.version, decidedOn: today };
  if (!(fitsProduct && incomeOk && grade !== null && spreadOffered)) return declined(base, reasons);

  const { annualRateBps } = priceLoan(product, grade, context.lprBps);
  const loan = { principalFen: application.amountFen, annualRateBps, termMonths: application.termMonths, drawdownDate: today };
  const schedule = buildSchedule({ ...loan, method: application.method });
  const monthlyPaymentFen =
    application.method === 'INTEREST_FIRST'
      ? // The balloon must be serviced too: count the amortizing equivalent, not the interest alone.
        buildSchedule({ ...loan, method: 'EQUAL_INSTALLMENT' }).installments[0]!.paymentFen
      : Math.max(...schedule.installments.map((installment) => installment.paymentFen));
  const debtFen = report.existingMonthlyDebtFen + monthlyPaymentFen;
  const debtToIncomeBps = roundHalfUp(new Dec(debtFen).times(10_000).div(application.monthlyIncomeFen));
  if (debtToIncomeBps > RULES.maxDebtToIncomeBps) {
    reasons.push({
      code: 'DEBT_TO_INCOME_TOO_HIGH',
      message:
        `每月还款（含现有负债）将占月收入的 ${formatRateBps(debtToIncomeBps)}，` +
        `超过 ${formatRateBps(RULES.maxDebtToIncomeBps)} 的上限，可减少金额或延长期限`,
    });
  }
  const creditLimitFen = creditLimitFor(product, grade, application.monthlyIncomeFen);
  if (application.amountFen > creditLimitFen) {
    const belowMinimum = creditLimitFen < product.minAmountFen ? '，低于本产品的最低借款金额' : '';
    reasons.push({
      code: 'AMOUNT_ABOVE_LIMIT',
      message: `根据您的收入与信用等级，可借额度最高为 ${formatYuan(creditLimitFen)} 元${belowMinimum}`,
    });
  }
  if (reasons.length > 0) return declined(base, reasons);

  const { annualizedRateBps, annualizedRateDisplay } = scheduleAnnualizedRate(schedule);
  return {
    ...base,
    outcome: 'APPROVED',
    grade,
    creditLimitFen,
    annualRateBps,
    annualRateDisplay: formatRateBps(annualRateBps),
    annualizedRateBps,
    annualizedRateDisplay,
    lineExpiresOn: addMonthsClamped(today, RULES.lineMonths),
    monthlyPaymentFen,
    debtToIncomeBps,
    reasonCodes: [],
  };
}

/** min(product max, income × months for the grade), down to whole hundreds of yuan. */
export function creditLimitFor(product: LoanProduct, grade: RiskGrade, monthlyIncomeFen: number): number {
  const byIncomeFen = assertFen(monthlyIncomeFen * RULES.limitIncomeMonthsByGrade[grade], 'income-based limit');
  const limitFen = Math.min(product.maxAmountFen, byIncomeFen);
  return limitFen - (limitFen % RULES.limitStepFen);
}

function declined(base: DecisionBase, reasonCodes: DecisionReason[]): DeclinedDecision {
  const cooldown = reasonCodes.some((reason) => !CORRECTABLE.has(reason.code));
  return {
    ...base,
    outcome: 'DECLINED',
    reasonCodes,
    reapplyAfter: cooldown ? addDays(base.decidedOn, RULES.declineCooldownDays) : base.decidedOn,
  };
}
