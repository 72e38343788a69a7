// Shapes what the loan services answer into the contract's views. Every rate goes out with its
// IRR annualized twin.
import type {
  CalculatorResponse,
  CreditLineList,
  DeferralPlanView,
  InstallmentView,
  LoanDecisionView,
  LoanList,
  LoanProductList,
  LoanProductView,
  LoanView,
  PayoffQuoteView,
  PrepaymentQuoteView,
  RepaymentResult,
} from '../contract/loan-schemas.js';
import { journalReference } from '../domain/history.js';
import { DAY_COUNT_BASIS } from '../domain/loan/day-count.js';
import type { PrepaymentPlan } from '../domain/loan/prepayment.js';
import { formatRateBps } from '../domain/format.js';
import type { AnnualizedRate } from '../domain/loan/apr.js';
import type { LoanDecision } from '../domain/loan/decision.js';
import type { DeferralPlan } from '../domain/loan/deferral.js';
import { accruePenalty, overdueStatus } from '../domain/loan/overdue.js';
import { amountPayableFen } from '../domain/loan/repayment.js';
import type { PayoffQuote } from '../domain/loan/payoff.js';
import { bestGrade, priceLoan } from '../domain/loan/pricing.js';
import { ADJUSTMENT_LABELS, type LoanProduct, METHOD_LABELS, PURPOSE_LABELS, type RepaymentMethod, type RiskGrade } from '../domain/loan/product.js';
import type { Schedule } from '../domain/loan/schedule.js';
import { type InstallmentState, isSettled, outstandingPrincipalFen, unpaidOf } from '../domain/loan/state.js';
import type { ApplicationTerms } from '../services/loan-products.js';
import type { LoanOnDate, RepaymentOutcome } from '../services/loan-servicing.js';
import type { CreditLineRecord, LoanRecord } from '../store/loans.js';

export function productView(product: LoanProduct, lprBps: number): LoanProductView {
  const { annualRateBps } = priceLoan(product, bestGrade(product), lprBps);
  return {
    productId: product.productId,
    version: product.version,
    name: product.name,
    kind: product.kind,
    minAmountFen: product.minAmountFen,
    maxAmountFen: product.maxAmountFen,
    termsMonths: product.termsMonths,
    methods: product.methods.map((method) => ({ method, label: METHOD_LABELS[method] })),
    purposes: product.purposes.map((purpose) => ({ purpose, label: PURPOSE_LABELS[purpose] })),
    requiresBusinessLicence: product.requiresBusinessLicence,
    coolingOffDays: product.coolingOffDays,
    disclosureVersion: product.disclosureVersion,
    rateFromBps: annualRateBps,
    rateFromDisplay: formatRateBps(annualRateBps),
  };
}

export function installmentViews(installments: readonly InstallmentState[], today: string): InstallmentView[] {
  const current = installments.find((row) => !isSettled(row) && row.dueDate >= today);
  return installments.map((row) => {
    const status = isSettled(row) ? 'PAID' : row.dueDate < today ? 'OVERDUE' : row === current ? 'DUE' : 'UPCOMING';
    return {
      period: row.period,
      dueDate: row.dueDate,
      principalFen: row.principalFen,
      interestFen: row.interestFen,
      penaltyFen: row.penaltyFen,
      dueFen: row.principalFen + row.interestFen + row.penaltyFen,
      paidFen: row.principalPaidFen + row.interestPaidFen + row.penaltyPaidFen,
      status,
    };
  });
}

/** What a repayment without an amount would pay today (penalty through today, as the repayment
 *  accrues it; a business date set back by operators shows what was accrued). */
function dueNowFen(loan: LoanRecord, today: string): number {
  if (loan.status !== 'ACTIVE') return 0;
  const state = today >= loan.state.penaltyAccruedThrough ? accruePenalty(loan.state, today) : loan.state;
  return amountPayableFen(state.installments, today);
}

export function loanView(loan: LoanRecord, today: string): LoanView {
  const { state } = loan;
  const next = state.installments.find((row) => !isSettled(row) && row.dueDate >= today);
  const overdue = overdueStatus(state, today);
  const nextUnpaid = next ? unpaidOf(next) : undefined;
  return {
    loanId: loan.loanId,
    contractNo: loan.contractNo,
    drawdownJournalId: loan.drawdownJournalId,
    drawdownReference: journalReference(loan.drawdownJournalId),
    productId: loan.productId,
    productName: loan.productName,
    status: loan.status,
    principalFen: state.principalFen,
    outstandingPrincipalFen: outstandingPrincipalFen(state.installments),
    annualRateBps: state.annualRateBps,
    annualRateDisplay: formatRateBps(state.annualRateBps),
    annualizedRateBps: loan.annualizedRateBps,
    annualizedRateDisplay: loan.annualizedRateDisplay,
    method: state.method,
    methodLabel: METHOD_LABELS[state.method],
    termMonths: loan.termMonths,
    drawdownDate: state.drawdownDate,
    maturityDate: state.installments.at(-1)!.dueDate,
    nextDue:
      next && nextUnpaid
        ? { dueDate: next.dueDate, amountFen: nextUnpaid.principalFen + nextUnpaid.interestFen + nextUnpaid.penaltyFen }
        : null,
    dueNowFen: dueNowFen(loan, today),
    overdue: { daysPastDue: overdue.daysPastDue, bucket: overdue.bucket, overdueTotalFen: overdue.overdueTotalFen },
    deferralsUsed: state.deferralsUsed,
    installments: installmentViews(state.installments, today),
    prepayments: (state.prepayments ?? []).map((prepayment) => ({ ...prepayment, adjustmentLabel: ADJUSTMENT_LABELS[prepayment.adjustment] })),
    contract: {
      productVersion: loan.productVersion,
      disclosureVersion: loan.disclosureVersion,
      penaltyRateMarkupPercent: state.penaltyRateMarkupPercent,
      coolingOffDays: state.coolingOffDays,
      signedAt: loan.signedAt,
      textVersion: loan.contractTextVersion ?? null,
    },
  };
}

export function productListView(catalog: { products: LoanProduct[]; lprBps: number; applicationTerms: ApplicationTerms }): LoanProductList {
  const { products, lprBps, applicationTerms } = catalog;
  return {
    items: products.map((product) => productView(product, lprBps)),
    lprBps,
    lprDisplay: formatRateBps(lprBps),
    applicationTerms: {
      bureauConsentTextVersion: applicationTerms.bureauConsent.textVersion,
      bureauConsentText: applicationTerms.bureauConsent.text,
      creditCodePattern: applicationTerms.creditCodePattern,
    },
  };
}

/** A schedule quoted before signing: the public calculator's and a drawdown's on the customer's line. */
export function scheduleQuoteView(
  request: { productId: string; amountFen: number; termMonths: number; method: RepaymentMethod },
  priced: AnnualizedRate & { grade: RiskGrade; annualRateBps: number; schedule: Schedule },
): CalculatorResponse {
  return {
    productId: request.productId,
    amountFen: request.amountFen,
    termMonths: request.termMonths,
    method: request.method,
    grade: priced.grade,
    annualRateBps: priced.annualRateBps,
    annualRateDisplay: formatRateBps(priced.annualRateBps),
    annualizedRateBps: priced.annualizedRateBps,
    annualizedRateDisplay: priced.annualizedRateDisplay,
    totalInterestFen: priced.schedule.totals.interestFen,
    totalPaymentFen: priced.schedule.totals.paymentFen,
    installments: priced.schedule.installments,
  };
}

export function decisionView({ applicationId, decision }: { applicationId: string; decision: LoanDecision }): LoanDecisionView {
  const approved = decision.outcome === 'APPROVED' ? decision : undefined;
  return {
    applicationId,
    outcome: decision.outcome,
    productId: decision.productId,
    decidedOn: decision.decidedOn,
    ruleVersion: decision.ruleVersion,
    grade: approved?.grade ?? null,
    creditLimitFen: approved?.creditLimitFen ?? null,
    annualRateBps: approved?.annualRateBps ?? null,
    annualRateDisplay: approved?.annualRateDisplay ?? null,
    annualizedRateBps: approved?.annualizedRateBps ?? null,
    annualizedRateDisplay: approved?.annualizedRateDisplay ?? null,
    lineExpiresOn: approved?.lineExpiresOn ?? null,
    reasons: decision.outcome === 'DECLINED' ? decision.reasonCodes : [],
    reapplyAfter: decision.outcome === 'DECLINED' ? decision.reapplyAfter : null,
  };
}

export function creditLinesView(lines: { line: CreditLineRecord; productName: string }[]): CreditLineList {
  return {
    items: lines.map(({ line, productName }) => ({
      productId: line.productId,
      productName,
      grade: line.grade,
      creditLimitFen: line.creditLimitFen,
      availableFen: Math.max(0, line.availableFen),
      annualRateBps: line.annualRateBps,
      annualRateDisplay: formatRateBps(line.annualRateBps),
      lineExpiresOn: line.lineExpiresOn,
    })),
  };
}

export const loanOnDateView = ({ loan, today }: LoanOnDate): LoanView => loanView(loan, today);

export function loanListView({ loans, today }: { loans: LoanRecord[]; today: string }): LoanList {
  return { items: loans.map((loan) => loanView(loan, today)), businessDate: today };
}

export function repaymentView(outcome: RepaymentOutcome): RepaymentResult {
  return {
    journalId: outcome.journalId,
    reference: journalReference(outcome.journalId),
    paidFen: outcome.principalFen + outcome.interestFen + outcome.penaltyFen,
    principalFen: outcome.principalFen,
    interestFen: outcome.interestFen,
    penaltyFen: outcome.penaltyFen,
    balanceFen: outcome.balanceFen,
    loan: loanView(outcome.loan, outcome.today),
  };
}

export function payoffQuoteView(loanId: string, quote: PayoffQuote): PayoffQuoteView {
  return {
    loanId,
    asOf: quote.asOf,
    validUntil: quote.validUntil,
    totalFen: quote.totalFen,
    principalFen: quote.principalFen,
    interestFen: quote.interestFen,
    penaltyFen: quote.penaltyFen,
    accruedInterestDays: quote.accruedInterestDays,
    dayCountBasis: DAY_COUNT_BASIS.name,
    coolingOff: quote.coolingOff,
  };
}

export function prepaymentQuoteView({ loan, plan, today }: LoanOnDate & { plan: PrepaymentPlan }): PrepaymentQuoteView {
  return {
    loanId: loan.loanId,
    asOf: plan.asOf,
    adjustment: plan.adjustment,
    adjustmentLabel: ADJUSTMENT_LABELS[plan.adjustment],
    principalFen: plan.principalFen,
    interestFen: plan.interestFen,
    interestDays: plan.interestDays,
    dayCountBasis: DAY_COUNT_BASIS.name,
    coolingOff: plan.coolingOff,
    totalFen: plan.totalFen,
    outstandingAfterFen: plan.outstandingAfterFen,
    remainingPeriods: plan.remainingPeriods,
    nextPaymentFen: plan.nextPaymentFen,
    newMaturityDate: plan.newMaturityDate,
    remainingInterestFen: plan.totals.interestFen,
    annualRateBps: loan.state.annualRateBps,
    annualRateDisplay: formatRateBps(loan.state.annualRateBps),
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
    installments: installmentViews(plan.installments, today),
  };
}

export function deferralPlanView({ loan, plan, today }: LoanOnDate & { plan: DeferralPlan }): DeferralPlanView {
  return {
    loanId: loan.loanId,
    deferredMonths: plan.deferredMonths,
    addedInterestFen: plan.addedInterestFen,
    newMaturityDate: plan.newMaturityDate,
    annualRateBps: loan.state.annualRateBps,
    annualRateDisplay: formatRateBps(loan.state.annualRateBps),
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
    installments: installmentViews(plan.installments, today),
  };
}
