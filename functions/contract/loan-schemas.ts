// The loans part of the API contract (see schemas.ts for the conventions).
import * as z from 'zod';
import { LOAN_PURPOSES, REPAYMENT_METHODS, RISK_GRADES, loanProductSchema } from '../domain/loan/product.js';
import { INDUSTRIES } from '../domain/loan/decision.js';
import { DPD_BUCKETS } from '../domain/loan/overdue.js';
import { AmountFen, IsoTime, Pin } from './schemas.js';

const IsoDate = z.iso.date().meta({ description: 'Calendar date YYYY-MM-DD (business date, China)' });
const ProductId = z.string().regex(/^[a-z][a-z0-9-]{2,39}$/);
const TermMonths = z.int().min(1).max(120);
const Method = z.enum(REPAYMENT_METHODS);

/** Every rate travels with its IRR annualized twin (PBoC announcement [2021] No. 3). */
const Rates = {
  annualRateBps: z.int().meta({ description: 'Nominal annual rate in basis points (LPR + spread)' }),
  annualRateDisplay: z.string(),
  annualizedRateBps: z.int().meta({ description: 'Annualized rate by the IRR method, basis points' }),
  annualizedRateDisplay: z.string().meta({ description: 'e.g. "7.21%": show at least as prominently as the nominal rate' }),
};

export const LoanIdParams = z.object({ loanId: z.string().regex(/^L[A-Za-z0-9_-]{10,40}$/) }).strict();

export const LoanProductView = z
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
  .meta({ id: 'LoanProductView' });

export const LoanProductList = z
  .object({ items: z.array(LoanProductView), lprBps: z.int(), lprDisplay: z.string() })
  .meta({ id: 'LoanProductList' });

export const CalculatorRequest = z
  .object({ productId: ProductId, amountFen: AmountFen, termMonths: TermMonths, method: Method })
  .strict()
  .meta({ id: 'CalculatorRequest' });

export const ScheduleLine = z
  .object({
    period: z.int(),
    dueDate: IsoDate,
    principalFen: z.int(),
    interestFen: z.int(),
    paymentFen: z.int(),
    closingPrincipalFen: z.int(),
  })
  .meta({ id: 'ScheduleLine' });

export const CalculatorResponse = z
  .object({
    productId: ProductId,
    amountFen: z.int(),
    termMonths: z.int(),
    method: Method,
    grade: z.enum(RISK_GRADES).meta({ description: 'The grade this quote is priced at (the best one)' }),
    ...Rates,
    totalInterestFen: z.int(),
    totalPaymentFen: z.int(),
    installments: z.array(ScheduleLine),
  })
  .meta({ id: 'CalculatorResponse' });

export const LoanApplicationRequest = z
  .object({
    productId: ProductId,
    amountFen: AmountFen,
    termMonths: TermMonths,
    method: Method,
    purpose: z.enum(LOAN_PURPOSES),
    monthlyIncomeFen: z.int().min(0).max(1_000_000_000),
    employer: z.string().trim().min(1).max(100),
    industry: z.enum(INDUSTRIES),
    businessLicence: z
      .object({ creditCode: z.string().length(18), businessName: z.string().trim().min(1).max(100) })
      .strict()
      .optional(),
    bureauConsent: z
      .object({ agreed: z.literal(true), textVersion: z.string().min(1).max(40) })
      .strict()
      .meta({ description: 'Consent to the credit-bureau query; its text version and time are stored' }),
  })
  .strict()
  .meta({ id: 'LoanApplicationRequest' });

export const DecisionReason = z.object({ code: z.string(), message: z.string() }).meta({ id: 'DecisionReason' });

export const LoanDecisionView = z
  .object({
    applicationId: z.string(),
    outcome: z.enum(['APPROVED', 'DECLINED']),
    productId: ProductId,
    decidedOn: IsoDate,
    ruleVersion: z.string(),
    grade: z.enum(RISK_GRADES).nullable(),
    creditLimitFen: z.int().nullable(),
    annualRateBps: z.int().nullable(),
    annualRateDisplay: z.string().nullable(),
    annualizedRateBps: z.int().nullable(),
    annualizedRateDisplay: z.string().nullable(),
    lineExpiresOn: IsoDate.nullable(),
    reasons: z.array(DecisionReason),
    reapplyAfter: IsoDate.nullable(),
  })
  .meta({ id: 'LoanDecisionView' });

export const CreditLineView = z
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
  .meta({ id: 'CreditLineView' });

export const CreditLineList = z.object({ items: z.array(CreditLineView) }).meta({ id: 'CreditLineList' });

export const DrawdownRequest = z
  .object({ productId: ProductId, amountFen: AmountFen, termMonths: TermMonths, method: Method, pin: Pin })
  .strict()
  .meta({ id: 'DrawdownRequest' });

export const InstallmentView = z
  .object({
    period: z.int(),
    dueDate: IsoDate,
    principalFen: z.int(),
    interestFen: z.int(),
    penaltyFen: z.int(),
    dueFen: z.int().meta({ description: 'principal + interest + penalty of this period' }),
    paidFen: z.int(),
    status: z.enum(['PAID', 'OVERDUE', 'DUE', 'UPCOMING']),
  })
  .meta({ id: 'InstallmentView' });

export const LoanView = z
  .object({
    loanId: z.string(),
    contractNo: z.string(),
    drawdownJournalId: z.string().meta({ description: 'The ledger journal that paid the loan out (放款流水号)' }),
    productId: ProductId,
    productName: z.string(),
    status: z.enum(['ACTIVE', 'PAID_OFF']),
    principalFen: z.int(),
    outstandingPrincipalFen: z.int(),
    ...Rates,
    method: Method,
    methodLabel: z.string(),
    termMonths: z.int(),
    drawdownDate: IsoDate,
    maturityDate: IsoDate,
    nextDue: z.object({ dueDate: IsoDate, amountFen: z.int() }).nullable(),
    overdue: z.object({ daysPastDue: z.int(), bucket: z.enum(DPD_BUCKETS), overdueTotalFen: z.int() }),
    deferralsUsed: z.int(),
    installments: z.array(InstallmentView),
    contract: z.object({
      productVersion: z.int(),
      disclosureVersion: z.string(),
      penaltyRateMarkupPercent: z.int(),
      coolingOffDays: z.int(),
      signedAt: IsoTime,
    }),
  })
  .meta({ id: 'LoanView' });

export const LoanList = z.object({ items: z.array(LoanView), businessDate: IsoDate }).meta({ id: 'LoanList' });

export const RepayRequest = z
  .object({
    amountFen: AmountFen.optional().meta({ description: 'Omit to pay everything payable now (due rows + the current one)' }),
    pin: Pin,
  })
  .strict()
  .meta({ id: 'RepayRequest' });

export const RepaymentResult = z
  .object({
    journalId: z.string(),
    paidFen: z.int(),
    principalFen: z.int(),
    interestFen: z.int(),
    penaltyFen: z.int(),
    balanceFen: z.int().meta({ description: 'E-account balance after the payment' }),
    loan: LoanView,
  })
  .meta({ id: 'RepaymentResult' });

export const PayoffQuoteView = z
  .object({
    loanId: z.string(),
    asOf: IsoDate,
    validUntil: IsoTime,
    totalFen: z.int(),
    principalFen: z.int(),
    interestFen: z.int(),
    penaltyFen: z.int(),
    accruedInterestDays: z.int(),
    coolingOff: z.boolean(),
  })
  .meta({ id: 'PayoffQuoteView' });

export const PinOnly = z.object({ pin: Pin }).strict().meta({ id: 'PinOnly' });

export const DeferralRequest = z
  .object({
    months: z.int().min(1).max(3),
    reason: z.enum(['ILLNESS', 'INCOME_LOSS', 'DISASTER', 'OTHER']),
  })
  .strict()
  .meta({ id: 'DeferralRequest' });

export const DeferralConfirmRequest = DeferralRequest.extend({ pin: Pin }).strict().meta({ id: 'DeferralConfirmRequest' });

export const DeferralPlanView = z
  .object({
    loanId: z.string(),
    deferredMonths: z.int(),
    addedInterestFen: z.int(),
    newMaturityDate: IsoDate,
    ...Rates,
    installments: z.array(InstallmentView),
  })
  .meta({ id: 'DeferralPlanView' });

// ---- Operators -----------------------------------------------------------------------------

export const LprRequest = z.object({ oneYearLprBps: z.int().min(0).max(2400) }).strict().meta({ id: 'LprRequest' });
export const LprView = z.object({ oneYearLprBps: z.int(), display: z.string() }).meta({ id: 'LprView' });
export const PublishLoanProductRequest = loanProductSchema.meta({ id: 'LoanProduct' });

export type LoanProductView = z.infer<typeof LoanProductView>;
export type LoanProductList = z.infer<typeof LoanProductList>;
export type CalculatorRequest = z.infer<typeof CalculatorRequest>;
export type CalculatorResponse = z.infer<typeof CalculatorResponse>;
export type LoanApplicationRequest = z.infer<typeof LoanApplicationRequest>;
export type LoanDecisionView = z.infer<typeof LoanDecisionView>;
export type CreditLineView = z.infer<typeof CreditLineView>;
export type CreditLineList = z.infer<typeof CreditLineList>;
export type DrawdownRequest = z.infer<typeof DrawdownRequest>;
export type InstallmentView = z.infer<typeof InstallmentView>;
export type LoanView = z.infer<typeof LoanView>;
export type LoanList = z.infer<typeof LoanList>;
export type RepayRequest = z.infer<typeof RepayRequest>;
export type RepaymentResult = z.infer<typeof RepaymentResult>;
export type PayoffQuoteView = z.infer<typeof PayoffQuoteView>;
export type DeferralRequest = z.infer<typeof DeferralRequest>;
export type DeferralConfirmRequest = z.infer<typeof DeferralConfirmRequest>;
export type DeferralPlanView = z.infer<typeof DeferralPlanView>;
