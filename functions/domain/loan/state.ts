// A drawn loan: its contract terms and its schedule with what has been paid against each row.
// Every change returns a new state; nothing here is mutated in place.
import { assertFen, sumFen } from '../money.js';
import type { AnnualizedRate } from './apr.js';
import type { LoanProduct, PrepaymentAdjustment, RepaymentMethod } from './product.js';
import type { Installment, Schedule } from './schedule.js';

export interface InstallmentState extends Installment {
  principalPaidFen: number;
  interestPaidFen: number;
  /** Penalty interest accrued on this row's overdue principal so far. */
  penaltyFen: number;
  penaltyPaidFen: number;
}

/** A prepayment booked on the loan (kept with it, so the loan's record explains its schedule):
 *  its principal and early interest, the customer's choice, and the new schedule's rate. */
export interface PrepaymentRecord extends AnnualizedRate {
  on: string;
  principalFen: number;
  interestFen: number;
  interestDays: number;
  adjustment: PrepaymentAdjustment;
}

export interface LoanState {
  principalFen: number;
  annualRateBps: number;
  method: RepaymentMethod;
  drawdownDate: string;
  /** Frozen from the product version at drawdown. */
  penaltyRateMarkupPercent: number;
  coolingOffDays: number;
  /** In period order, which is also due-date order. */
  installments: InstallmentState[];
  deferralsUsed: number;
  /** Last business date whose penalty interest is already in the installments. */
  penaltyAccruedThrough: string;
  /** Prepayments booked, oldest first; absent on loans never prepaid. */
  prepayments?: PrepaymentRecord[];
}

export function openLoan(
  schedule: Schedule,
  product: Pick<LoanProduct, 'penaltyRateMarkupPercent' | 'coolingOffDays'>,
): LoanState {
  return {
    principalFen: schedule.principalFen,
    annualRateBps: schedule.annualRateBps,
    method: schedule.method,
    drawdownDate: schedule.drawdownDate,
    penaltyRateMarkupPercent: product.penaltyRateMarkupPercent,
    coolingOffDays: product.coolingOffDays,
    installments: schedule.installments.map((installment) => ({
      ...installment,
      principalPaidFen: 0,
      interestPaidFen: 0,
      penaltyFen: 0,
      penaltyPaidFen: 0,
    })),
    deferralsUsed: 0,
    penaltyAccruedThrough: schedule.drawdownDate,
  };
}

export interface Amounts {
  penaltyFen: number;
  interestFen: number;
  principalFen: number;
}

export function unpaidOf(installment: InstallmentState): Amounts {
  return {
    penaltyFen: assertFen(installment.penaltyFen - installment.penaltyPaidFen),
    interestFen: assertFen(installment.interestFen - installment.interestPaidFen),
    principalFen: assertFen(installment.principalFen - installment.principalPaidFen),
  };
}

/** Principal or interest still owed: what makes a row count as unpaid for days past due. */
export function owesInstallment(installment: InstallmentState): boolean {
  const unpaid = unpaidOf(installment);
  return unpaid.principalFen > 0 || unpaid.interestFen > 0;
}

export function isSettled(installment: InstallmentState): boolean {
  return !owesInstallment(installment) && unpaidOf(installment).penaltyFen === 0;
}

export function isPaidOff(loan: LoanState): boolean {
  return loan.installments.every(isSettled);
}

export function outstandingPrincipalFen(installments: readonly InstallmentState[]): number {
  return sumFen(installments.map((installment) => unpaidOf(installment).principalFen));
}
