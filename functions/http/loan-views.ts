// Shapes loan records into the contract's views. Every rate goes out with its IRR annualized twin.
import type { InstallmentView, LoanProductView, LoanView } from '../contract/loan-schemas.js';
import { formatRateBps } from '../domain/format.js';
import { overdueStatus } from '../domain/loan/overdue.js';
import { type LoanProduct, METHOD_LABELS, PURPOSE_LABELS, RISK_GRADES, type RiskGrade } from '../domain/loan/product.js';
import { priceLoan } from '../domain/loan/pricing.js';
import { type InstallmentState, isSettled, outstandingPrincipalFen, unpaidOf } from '../domain/loan/state.js';
import type { LoanRecord } from '../store/loans.js';

/** The best grade a product lends to: what "as low as" quotes are priced at. */
export function bestGrade(product: LoanProduct): RiskGrade {
  const grade = RISK_GRADES.find((candidate) => product.spreadBpsByGrade[candidate] !== undefined);
  if (!grade) throw new Error(`product ${product.productId} prices no grade`);
  return grade;
}

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

export function loanView(loan: LoanRecord, today: string): LoanView {
  const { state } = loan;
  const next = state.installments.find((row) => !isSettled(row) && row.dueDate >= today);
  const overdue = overdueStatus(state, today);
  const nextUnpaid = next ? unpaidOf(next) : undefined;
  return {
    loanId: loan.loanId,
    contractNo: loan.contractNo,
    drawdownJournalId: loan.drawdownJournalId,
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
    overdue: { daysPastDue: overdue.daysPastDue, bucket: overdue.bucket, overdueTotalFen: overdue.overdueTotalFen },
    deferralsUsed: state.deferralsUsed,
    installments: installmentViews(state.installments, today),
    contract: {
      productVersion: loan.productVersion,
      disclosureVersion: loan.disclosureVersion,
      penaltyRateMarkupPercent: state.penaltyRateMarkupPercent,
      coolingOffDays: state.coolingOffDays,
      signedAt: loan.signedAt,
    },
  };
}
