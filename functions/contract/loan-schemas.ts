// The loans part of the API contract (see schemas.ts for the conventions).
import * as z from 'zod/mini';
import { DAY_COUNT_BASIS } from '../domain/loan/day-count.js';
import { DPD_BUCKETS, INDUSTRIES, LOAN_PURPOSES, PREPAYMENT_ADJUSTMENTS, REPAYMENT_METHODS, RISK_GRADES } from '../domain/loan/product.js';
import { AmountFen, IsoTime, Reference } from './schemas.js';
import { Prepayment } from './prepayment-schema.js';
import { SecondFactor } from './second-factor-schemas.js';
import { lazySchema } from '../domain/lazy-schema.js';

const IsoDate = /* @__PURE__ */ lazySchema(() => z.iso.date().check(z.meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' })));
const ProductId = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^[a-z][a-z0-9-]{2,39}$/)));
const TermMonths = /* @__PURE__ */ lazySchema(() => z.int().check(z.minimum(1), z.maximum(120)));
const Method = /* @__PURE__ */ lazySchema(() => z.enum(REPAYMENT_METHODS));

/** Every rate travels with its IRR annualized twin (PBoC announcement [2021] No. 3). */
const Rates = /* @__PURE__ */ lazySchema(() => ({
  annualRateBps: z.int().check(z.meta({ description: 'Nominal annual rate in basis points (LPR + spread)' })),
  annualRateDisplay: z.string(),
  annualizedRateBps: z.int().check(z.meta({ description: 'Annualized rate by the IRR method, basis points' })),
  annualizedRateDisplay: z.string().check(z.meta({ description: 'e.g. "7.21%": show at least as prominently as the nominal rate' })),
}));

export const LoanIdParams = /* @__PURE__ */ lazySchema(() => z.strictObject({ loanId: z.string().check(z.regex(/^L[A-Za-z0-9_-]{10,40}$/)) }));

export const LoanProductView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      version: z.int(),
      name: z.string(),
      kind: z.string(),
      minAmountFen: z.int(),
      maxAmountFen: z.int(),
      termsMonths: z.array(z.int()),
      methods: z.array(z.object({ method: Method, label: z.string() })),
      purposes: z.array(z.object({ purpose: z.enum(LOAN_PURPOSES), label: z.string() })),
      requiresBusinessLicence: z.boolean(),
      coolingOffDays: z.int(),
      disclosureVersion: z.string(),
      /** The best grade's price: "as low as". */
      rateFromBps: z.int(),
      rateFromDisplay: z.string(),
    })
    .check(z.meta({ id: 'LoanProductView' })),
);

export const LoanApplicationTerms = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      bureauConsentTextVersion: z.string(),
      bureauConsentText: z.string(),
      creditCodePattern: z.string().check(z.meta({ description: 'Regular expression source of the unified social credit code the server accepts (its check character is verified on the server)' })),
    })
    .check(z.meta({ id: 'LoanApplicationTerms' })),
);

export const LoanProductList = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ items: z.array(LoanProductView), lprBps: z.int(), lprDisplay: z.string(), applicationTerms: LoanApplicationTerms })
    .check(z.meta({ id: 'LoanProductList' })),
);

export const CalculatorRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ productId: ProductId, amountFen: AmountFen, termMonths: TermMonths, method: Method })
    .check(z.meta({ id: 'CalculatorRequest' })),
);

export const ScheduleLine = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      period: z.int(),
      dueDate: IsoDate,
      principalFen: z.int(),
      interestFen: z.int(),
      paymentFen: z.int(),
      closingPrincipalFen: z.int(),
    })
    .check(z.meta({ id: 'ScheduleLine' })),
);

export const CalculatorResponse = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      amountFen: z.int(),
      termMonths: z.int(),
      method: Method,
      grade: z.enum(RISK_GRADES).check(z.meta({ description: 'The grade this quote is priced at (the best one)' })),
      ...Rates,
      totalInterestFen: z.int(),
      totalPaymentFen: z.int(),
      installments: z.array(ScheduleLine),
    })
    .check(z.meta({ id: 'CalculatorResponse' })),
);

export const LoanApplicationRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: ProductId,
      amountFen: AmountFen,
      termMonths: TermMonths,
      method: Method,
      purpose: z.enum(LOAN_PURPOSES),
      monthlyIncomeFen: z.int().check(z.minimum(0), z.maximum(1_000_000_000)),
      employer: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      industry: z.enum(INDUSTRIES),
      businessLicence: z.optional(
        z.strictObject({
          creditCode: z.string().check(z.length(18)),
          businessName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
        }),
      ),
      bureauConsent: z
        .strictObject({ agreed: z.literal(true), textVersion: z.string().check(z.minLength(1), z.maxLength(40)) })
        .check(z.meta({ description: 'Consent to the credit-bureau query; its text version and time are stored' })),
    })
    .check(z.meta({ id: 'LoanApplicationRequest' })),
);

export const DecisionReason = /* @__PURE__ */ lazySchema(() => z.object({ code: z.string(), message: z.string() }).check(z.meta({ id: 'DecisionReason' })));

export const LoanDecisionView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      applicationId: z.string(),
      outcome: z.enum(['APPROVED', 'DECLINED']),
      productId: ProductId,
      decidedOn: IsoDate,
      ruleVersion: z.string(),
      grade: z.nullable(z.enum(RISK_GRADES)),
      creditLimitFen: z.nullable(z.int()),
      annualRateBps: z.nullable(z.int()),
      annualRateDisplay: z.nullable(z.string()),
      annualizedRateBps: z.nullable(z.int()),
      annualizedRateDisplay: z.nullable(z.string()),
      lineExpiresOn: z.nullable(IsoDate),
      reasons: z.array(DecisionReason),
      reapplyAfter: z.nullable(IsoDate),
    })
    .check(z.meta({ id: 'LoanDecisionView' })),
);

export const CreditLineView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      productId: ProductId,
      productName: z.string(),
      grade: z.enum(RISK_GRADES),
      creditLimitFen: z.int(),
      availableFen: z.int(),
      annualRateBps: z.int(),
      annualRateDisplay: z.string(),
      lineExpiresOn: IsoDate,
    })
    .check(z.meta({ id: 'CreditLineView' })),
);

export const CreditLineList = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(CreditLineView) }).check(z.meta({ id: 'CreditLineList' })));

export const LoanContractView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ textVersion: z.string(), title: z.string(), clauses: z.array(z.string()) })
    .check(z.meta({ id: 'LoanContractView', description: 'The loan contract text in force; a drawdown agrees to it by its version' })),
);

export const DrawdownRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      productId: ProductId,
      amountFen: AmountFen,
      termMonths: TermMonths,
      method: Method,
      contractConsent: z
        .strictObject({ agreed: z.literal(true), textVersion: z.string().check(z.minLength(1), z.maxLength(40)) })
        .check(z.meta({ description: 'The loan contract (GET /v1/loan-contract) read and agreed to; its version is stored with the loan' })),
      secondFactor: SecondFactor,
    })
    .check(z.meta({ id: 'DrawdownRequest' })),
);

export const InstallmentView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      period: z.int(),
      dueDate: IsoDate,
      principalFen: z.int(),
      interestFen: z.int(),
      penaltyFen: z.int(),
      dueFen: z.int().check(z.meta({ description: 'principal + interest + penalty of this period' })),
      paidFen: z.int(),
      status: z.enum(['PAID', 'OVERDUE', 'DUE', 'UPCOMING']),
    })
    .check(z.meta({ id: 'InstallmentView' })),
);

export const LoanView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      loanId: z.string(),
      contractNo: z.string(),
      drawdownJournalId: z.string().check(z.meta({ description: 'The ledger journal that paid the loan out (放款流水号)' })),
      drawdownReference: Reference.check(z.meta({ description: "The drawdown journal's 参考号, as its history entry shows it" })),
      productId: ProductId,
      productName: z.string(),
      status: z.enum(['ACTIVE', 'PAID_OFF']),
      principalFen: z.int(),
      outstandingPrincipalFen: z.int(),
      ...Rates,
      method: Method,
      methodLabel: z.string(),
      termMonths: z.int().check(z.meta({ description: 'Periods in the schedule as it stands: the term drawn, changed by 缩短期限 and deferrals' })),
      drawdownDate: IsoDate,
      maturityDate: IsoDate,
      nextDue: z.nullable(z.object({ dueDate: IsoDate, amountFen: z.int() })),
      dueNowFen: z.int().check(
        z.meta({ description: 'What a repayment without an amount pays today: the rows due by today (0 before the first due date: money paid then is a prepayment)' }),
      ),
      overdue: z.object({ daysPastDue: z.int(), bucket: z.enum(DPD_BUCKETS), overdueTotalFen: z.int() }),
      deferralsUsed: z.int(),
      installments: z.array(InstallmentView),
      prepayments: z.array(
        z.object({
          on: IsoDate,
          principalFen: z.int(),
          interestFen: z.int(),
          interestDays: z.int(),
          adjustment: z.enum(PREPAYMENT_ADJUSTMENTS),
          adjustmentLabel: z.string(),
          annualizedRateBps: z.int().check(z.meta({ description: 'IRR annualized rate of the schedule this prepayment left' })),
          annualizedRateDisplay: z.string(),
        }),
      ),
      contract: z.object({
        productVersion: z.int(),
        disclosureVersion: z.string(),
        penaltyRateMarkupPercent: z.int(),
        coolingOffDays: z.int(),
        signedAt: IsoTime,
        textVersion: z.nullable(z.string()).check(z.meta({ description: 'The loan contract text agreed to at signedAt (null for loans drawn before it was published)' })),
      }),
    })
    .check(z.meta({ id: 'LoanView' })),
);

export const LoanList = /* @__PURE__ */ lazySchema(() => z.object({ items: z.array(LoanView), businessDate: IsoDate }).check(z.meta({ id: 'LoanList' })));

export const RepayRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      amountFen: z.optional(AmountFen).check(z.meta({ description: 'Of what is due by today; omit (and omit prepayment) to pay everything due' })),
      prepayment: z.optional(Prepayment).check(
        z.meta({ description: 'Repay principal before its due date: interest only for the days elapsed (ACT/360), none in the cooling-off days; not with amountFen' }),
      ),
      secondFactor: SecondFactor,
    })
    .check(z.meta({ id: 'RepayRequest' })),
);

export const PrepaymentQuoteView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      loanId: z.string(),
      asOf: IsoDate,
      adjustment: z.enum(PREPAYMENT_ADJUSTMENTS),
      adjustmentLabel: z.string(),
      principalFen: z.int(),
      interestFen: z.int().check(z.meta({ description: 'Interest on the principal repaid, for interestDays on dayCountBasis; 0 in the cooling-off days' })),
      interestDays: z.int(),
      dayCountBasis: z.literal(DAY_COUNT_BASIS.name),
      coolingOff: z.boolean(),
      totalFen: z.int().check(z.meta({ description: 'What the prepayment takes from the e-account' })),
      outstandingAfterFen: z.int(),
      remainingPeriods: z.int(),
      nextPaymentFen: z.int(),
      newMaturityDate: IsoDate,
      remainingInterestFen: z.int().check(z.meta({ description: 'Interest of the new schedule' })),
      ...Rates,
      installments: z.array(InstallmentView).check(z.meta({ description: 'The whole schedule after the prepayment (rows already paid, then the new ones)' })),
    })
    .check(z.meta({ id: 'PrepaymentQuoteView' })),
);

export const RepaymentResult = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      journalId: z.string(),
      reference: Reference,
      paidFen: z.int(),
      principalFen: z.int(),
      interestFen: z.int(),
      penaltyFen: z.int(),
      balanceFen: z.int().check(z.meta({ description: 'E-account balance after the payment' })),
      loan: LoanView,
    })
    .check(z.meta({ id: 'RepaymentResult' })),
);

export const PayoffQuoteView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      loanId: z.string(),
      asOf: IsoDate,
      validUntil: IsoTime,
      totalFen: z.int(),
      principalFen: z.int(),
      interestFen: z.int(),
      penaltyFen: z.int(),
      accruedInterestDays: z.int(),
      dayCountBasis: z.literal(DAY_COUNT_BASIS.name),
      coolingOff: z.boolean(),
    })
    .check(z.meta({ id: 'PayoffQuoteView' })),
);

export const SecondFactorOnly = /* @__PURE__ */ lazySchema(() => z.strictObject({ secondFactor: SecondFactor }).check(z.meta({ id: 'SecondFactorOnly' })));

// Extended below without its meta: in zod/mini the meta is a check, and checks are copied by
// z.extend, so extending the registered schema would re-register 'DeferralRequest' on the copy.
const DeferralRequestShape = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    months: z.int().check(z.minimum(1), z.maximum(3)),
    reason: z.enum(['ILLNESS', 'INCOME_LOSS', 'DISASTER', 'OTHER']),
  }),
);

export const DeferralRequest = /* @__PURE__ */ lazySchema(() => DeferralRequestShape.check(z.meta({ id: 'DeferralRequest' })));

export const DeferralConfirmRequest = /* @__PURE__ */ lazySchema(() => z.extend(DeferralRequestShape, { secondFactor: SecondFactor }).check(z.meta({ id: 'DeferralConfirmRequest' })));

export const DeferralPlanView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      loanId: z.string(),
      deferredMonths: z.int(),
      addedInterestFen: z.int(),
      newMaturityDate: IsoDate,
      ...Rates,
      installments: z.array(InstallmentView),
    })
    .check(z.meta({ id: 'DeferralPlanView' })),
);

// ---- Operators -----------------------------------------------------------------------------


export type LoanProductView = z.infer<typeof LoanProductView>;
export type LoanProductList = z.infer<typeof LoanProductList>;
export type LoanApplicationTerms = z.infer<typeof LoanApplicationTerms>;
export type CalculatorRequest = z.infer<typeof CalculatorRequest>;
export type CalculatorResponse = z.infer<typeof CalculatorResponse>;
export type LoanApplicationRequest = z.infer<typeof LoanApplicationRequest>;
export type LoanDecisionView = z.infer<typeof LoanDecisionView>;
export type CreditLineView = z.infer<typeof CreditLineView>;
export type CreditLineList = z.infer<typeof CreditLineList>;
export type LoanContractView = z.infer<typeof LoanContractView>;
export type DrawdownRequest = z.infer<typeof DrawdownRequest>;
export type InstallmentView = z.infer<typeof InstallmentView>;
export type LoanView = z.infer<typeof LoanView>;
export type LoanList = z.infer<typeof LoanList>;
export type RepayRequest = z.infer<typeof RepayRequest>;
export type PrepaymentQuoteView = z.infer<typeof PrepaymentQuoteView>;
export type RepaymentResult = z.infer<typeof RepaymentResult>;
export type PayoffQuoteView = z.infer<typeof PayoffQuoteView>;
export type DeferralRequest = z.infer<typeof DeferralRequest>;
export type DeferralConfirmRequest = z.infer<typeof DeferralConfirmRequest>;
export type DeferralPlanView = z.infer<typeof DeferralPlanView>;
