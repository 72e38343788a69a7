// Loan products are data: operators publish new versions through the admin API, and every
// contract keeps the (productId, version) it was priced under. The schema is the gate.
import * as z from 'zod/mini';
import { formatYuan } from '../format.js';
import { lazySchema } from '../lazy-schema.js';

export const LOAN_KINDS = ['CONSUMER_CREDIT', 'MICRO_BUSINESS'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];

export const REPAYMENT_METHODS = ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];
export const METHOD_LABELS: Record<RepaymentMethod, string> = {
  EQUAL_INSTALLMENT: '等额本息',
  EQUAL_PRINCIPAL: '等额本金',
  INTEREST_FIRST: '先息后本',
};

/** After a partial prepayment: 减少月供 (as many periods, a lower payment) or 缩短期限 (the same
 *  payment, fewer periods) — domain/loan/prepayment.ts. */
export const PREPAYMENT_ADJUSTMENTS = ['REDUCE_PAYMENT', 'SHORTEN_TERM'] as const;
export type PrepaymentAdjustment = (typeof PREPAYMENT_ADJUSTMENTS)[number];
export const ADJUSTMENT_LABELS: Record<PrepaymentAdjustment, string> = {
  REDUCE_PAYMENT: '减少月供',
  SHORTEN_TERM: '缩短期限',
};

export const RISK_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type RiskGrade = (typeof RISK_GRADES)[number];

/** Lawful uses only: home purchase, securities/futures investment and the like (forbidden for
 *  consumer and micro loans by CBIRC rules) are simply not in the list. */
export const LOAN_PURPOSES = [
  'CONSUMPTION',
  'EDUCATION',
  'TRAVEL',
  'DECORATION',
  'MEDICAL',
  'BUSINESS_WORKING_CAPITAL',
  'BUSINESS_EQUIPMENT',
] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** Applicants' industries (the decision rules weigh them, domain/loan/decision.ts). */
export const INDUSTRIES = [
  'MANUFACTURING',
  'CONSTRUCTION',
  'WHOLESALE_RETAIL',
  'TRANSPORT_LOGISTICS',
  'HOSPITALITY_CATERING',
  'INFORMATION_TECHNOLOGY',
  'FINANCE',
  'EDUCATION',
  'HEALTHCARE',
  'PUBLIC_SECTOR',
  'AGRICULTURE',
  'OTHER',
] as const;

/** Days-past-due buckets of an overdue loan (domain/loan/overdue.ts). */
export const DPD_BUCKETS = ['CURRENT', 'DPD_1_30', 'DPD_31_60', 'DPD_61_90', 'DPD_90_PLUS'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];
/** The buckets the operators' overdue list shows: every bucket but CURRENT. */
export const OVERDUE_BUCKETS = DPD_BUCKETS.filter((bucket) => bucket !== 'CURRENT') as Exclude<DpdBucket, 'CURRENT'>[];
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];
export const OVERDUE_BUCKET_LABELS: Record<OverdueBucket, string> = {
  DPD_1_30: '逾期 1–30 天',
  DPD_31_60: '逾期 31–60 天',
  DPD_61_90: '逾期 61–90 天',
  DPD_90_PLUS: '逾期 90 天以上',
};
export const PURPOSE_LABELS: Record<LoanPurpose, string> = {
  CONSUMPTION: '日常消费',
  EDUCATION: '教育培训',
  TRAVEL: '旅游出行',
  DECORATION: '家居装修',
  MEDICAL: '医疗健康',
  BUSINESS_WORKING_CAPITAL: '经营周转',
  BUSINESS_EQUIPMENT: '经营设备购置',
};

/** Judicial protection ceiling: interest above 24% a year is not enforced (SPC 法发〔2017〕22号). */
export const JUDICIAL_RATE_CEILING_BPS = 2400;
export const MAX_PRODUCT_TERM_MONTHS = 120;
/** 1,000 yuan: below this, rounding to the fen distorts a schedule; larger than any real minimum. */
export const MIN_PRODUCT_AMOUNT_FEN = 100_000;
/** 1,000,000 yuan: the largest single money movement the bank allows. */
export const MAX_PRODUCT_AMOUNT_FEN = 100_000_000;

const uniqueList = <T>(items: readonly T[]) => new Set(items).size === items.length;
const bps = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(0), z.maximum(JUDICIAL_RATE_CEILING_BPS)));

export const loanProductSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)),
      version: z.int().check(z.minimum(1), z.maximum(10_000)),
      name: z.string().check(z.minLength(1), z.maxLength(40)),
      kind: z.enum(LOAN_KINDS),
      minAmountFen: z.int().check(z.minimum(MIN_PRODUCT_AMOUNT_FEN), z.maximum(MAX_PRODUCT_AMOUNT_FEN)),
      maxAmountFen: z.int().check(z.minimum(MIN_PRODUCT_AMOUNT_FEN), z.maximum(MAX_PRODUCT_AMOUNT_FEN)),
      termsMonths: z
        .array(z.int().check(z.minimum(1), z.maximum(MAX_PRODUCT_TERM_MONTHS)))
        .check(
          z.minLength(1),
          z.maxLength(12),
          z.refine((terms) => terms.every((term, i) => i === 0 || term > terms[i - 1]!), 'terms must be strictly ascending'),
        ),
      methods: z.array(z.enum(REPAYMENT_METHODS)).check(z.minLength(1), z.refine(uniqueList, 'methods must be unique')),
      /** A grade left out is a grade the product does not lend to. */
      spreadBpsByGrade: z
        .partialRecord(z.enum(RISK_GRADES), bps)
        .check(z.refine((spreads) => Object.keys(spreads).length > 0, 'at least one grade must be priced')),
      rateCapBps: bps.check(z.minimum(1)),
      /** Penalty rate = contract rate × (1 + markup%); PBoC 银发〔2003〕251号 sets 30–50%. */
      penaltyRateMarkupPercent: z.int().check(z.minimum(30), z.maximum(50)),
      /** Days after drawdown in which paying off costs no interest (0 = no cooling-off). */
      coolingOffDays: z.int().check(z.minimum(0), z.maximum(15)),
      disclosureVersion: z.string().check(z.minLength(1), z.maxLength(40)),
      purposes: z.array(z.enum(LOAN_PURPOSES)).check(z.minLength(1), z.refine(uniqueList, 'purposes must be unique')),
      requiresBusinessLicence: z.boolean(),
    })
    .check(z.refine((product) => product.minAmountFen <= product.maxAmountFen, 'minAmountFen must not exceed maxAmountFen')),
);

export type LoanProduct = z.infer<typeof loanProductSchema>;

export const CONSUMER_CREDIT_PRODUCT: LoanProduct = {
  productId: 'consumer-credit',
  version: 1,
  name: '近邻消费贷',
  kind: 'CONSUMER_CREDIT',
  minAmountFen: 100_000,
  maxAmountFen: 20_000_000,
  termsMonths: [3, 6, 12, 24, 36],
  methods: ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL'],
  spreadBpsByGrade: { A: 100, B: 200, C: 350, D: 550, E: 800 },
  rateCapBps: 1800,
  penaltyRateMarkupPercent: 50,
  coolingOffDays: 7,
  disclosureVersion: 'consumer-credit-2025-05',
  purposes: ['CONSUMPTION', 'EDUCATION', 'TRAVEL', 'DECORATION', 'MEDICAL'],
  requiresBusinessLicence: false,
};

export const MICRO_BUSINESS_PRODUCT: LoanProduct = {
  productId: 'micro-business',
  version: 1,
  name: '近邻经营贷',
  kind: 'MICRO_BUSINESS',
  minAmountFen: 1_000_000,
  maxAmountFen: 100_000_000,
  termsMonths: [3, 6, 12, 24, 36],
  methods: ['EQUAL_INSTALLMENT', 'EQUAL_PRINCIPAL', 'INTEREST_FIRST'],
  spreadBpsByGrade: { A: 50, B: 120, C: 250, D: 400, E: 600 },
  rateCapBps: 1500,
  penaltyRateMarkupPercent: 50,
  coolingOffDays: 3,
  disclosureVersion: 'micro-business-2025-05',
  purposes: ['BUSINESS_WORKING_CAPITAL', 'BUSINESS_EQUIPMENT'],
  requiresBusinessLicence: true,
};

export const SEED_LOAN_PRODUCTS: readonly LoanProduct[] = [CONSUMER_CREDIT_PRODUCT, MICRO_BUSINESS_PRODUCT];

export type ProductFitCode = 'AMOUNT_OUT_OF_RANGE' | 'TERM_NOT_OFFERED' | 'METHOD_NOT_OFFERED' | 'PURPOSE_NOT_ALLOWED';
export interface ProductFitReason {
  code: ProductFitCode;
  message: string;
}

/** What in a request the product does not offer, in a fixed order (empty when it all fits). */
export function productFitReasons(
  product: LoanProduct,
  request: { amountFen: number; termMonths: number; method: RepaymentMethod; purpose?: LoanPurpose },
): ProductFitReason[] {
  const reasons: ProductFitReason[] = [];
  if (request.amountFen < product.minAmountFen || request.amountFen > product.maxAmountFen) {
    reasons.push({
      code: 'AMOUNT_OUT_OF_RANGE',
      message: `借款金额须在 ${formatYuan(product.minAmountFen)} 元至 ${formatYuan(product.maxAmountFen)} 元之间`,
    });
  }
  if (!product.termsMonths.includes(request.termMonths)) {
    reasons.push({ code: 'TERM_NOT_OFFERED', message: `本产品可选期限为 ${product.termsMonths.join('、')} 个月` });
  }
  if (!product.methods.includes(request.method)) {
    const offered = product.methods.map((method) => METHOD_LABELS[method]).join('、');
    reasons.push({ code: 'METHOD_NOT_OFFERED', message: `本产品的还款方式为：${offered}` });
  }
  if (request.purpose !== undefined && !product.purposes.includes(request.purpose)) {
    reasons.push({ code: 'PURPOSE_NOT_ALLOWED', message: `本产品不能用于“${PURPOSE_LABELS[request.purpose]}”` });
  }
  return reasons;
}
