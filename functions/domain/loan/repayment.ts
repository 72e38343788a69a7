// Repayment allocation. A payment settles the oldest row first, and within a row penalty, then
// interest, then principal (the order in the loan contract). Row by row rather than "all penalty
// first" so the oldest overdue row is cured first, which is what ends days past due and penalty.
import { assertPositiveFen, sumFen } from '../money.js';
import { assertIsoDate } from './dates.js';
import { type Amounts, type InstallmentState, isSettled, unpaidOf } from './state.js';

export interface AllocationLine extends Amounts {
  period: number;
}

export interface Allocation extends Amounts {
  lines: AllocationLine[];
  allocatedFen: number;
  /** What the payment brought beyond what is payable; the caller refunds or refuses it. */
  remainderFen: number;
}

/** Rows a repayment may touch on `today`: those due by today and still owed, each as the schedule
 *  says (an installment paid on its due date is exactly the contract's row). A row not yet due is
 *  not payable: money paid before a due date is a prepayment (prepayment.ts), charged interest
 *  only for the days elapsed, and paying everything is the payoff quote (payoff.ts). */
export function payableInstallments(installments: readonly InstallmentState[], today: string): InstallmentState[] {
  assertIsoDate(today, 'today');
  return installments.filter((installment) => !isSettled(installment) && installment.dueDate <= today);
}

export function amountPayableFen(installments: readonly InstallmentState[], today: string): number {
  return sumFen(
    payableInstallments(installments, today).map((installment) => {
      const unpaid = unpaidOf(installment);
      return unpaid.penaltyFen + unpaid.interestFen + unpaid.principalFen;
    }),
  );
}

/** Splits a payment over the payable rows. Accrue penalty through `today` first (accruePenalty)
 *  so the penalty it pays is complete. */
export function allocateRepayment(installments: readonly InstallmentState[], amountFen: number, today: string): Allocation {
  assertPositiveFen(amountFen);
  let leftFen = amountFen;
  const take = (owedFen: number) => {
    const takenFen = Math.min(owedFen, leftFen);
    leftFen -= takenFen;
    return takenFen;
  };
  const lines: AllocationLine[] = [];
  const rows = [...payableInstallments(installments, today)].sort((a, b) => a.period - b.period);
  for (const installment of rows) {
    if (leftFen === 0) break;
    const unpaid = unpaidOf(installment);
    const penaltyFen = take(unpaid.penaltyFen);
    const interestFen = take(unpaid.interestFen);
    const principalFen = take(unpaid.principalFen);
    lines.push({ period: installment.period, penaltyFen, interestFen, principalFen });
  }
  return {
    lines,
    penaltyFen: sumFen(lines.map((line) => line.penaltyFen)),
    interestFen: sumFen(lines.map((line) => line.interestFen)),
    principalFen: sumFen(lines.map((line) => line.principalFen)),
    allocatedFen: amountFen - leftFen,
    remainderFen: leftFen,
  };
}

/** The rows after the allocation is booked. */
export function applyAllocation(installments: readonly InstallmentState[], allocation: Allocation): InstallmentState[] {
  const byPeriod = new Map(allocation.lines.map((line) => [line.period, line]));
  return installments.map((installment) => {
    const line = byPeriod.get(installment.period);
    if (!line) return installment;
    const next = {
      ...installment,
      penaltyPaidFen: installment.penaltyPaidFen + line.penaltyFen,
      interestPaidFen: installment.interestPaidFen + line.interestFen,
      principalPaidFen: installment.principalPaidFen + line.principalFen,
    };
    const unpaid = unpaidOf(next);
    if (unpaid.penaltyFen < 0 || unpaid.interestFen < 0 || unpaid.principalFen < 0) {
      throw new Error(`allocation overpays period ${installment.period}; was the loan changed since?`);
    }
    return next;
  });
}

/** What the day close debits by itself on `closedDate`: everything due by then, as far as the
 *  e-account balance reaches (a partial debit still cuts the arrears). */
export function autoDebitAmountFen(installments: readonly InstallmentState[], closedDate: string, balanceFen: number): number {
  assertIsoDate(closedDate, 'closedDate');
  const dueFen = sumFen(
    installments
      .filter((installment) => !isSettled(installment) && installment.dueDate <= closedDate)
      .map((installment) => {
        const unpaid = unpaidOf(installment);
        return unpaid.penaltyFen + unpaid.interestFen + unpaid.principalFen;
      }),
  );
  return Math.max(0, Math.min(dueFen, balanceFen));
}
