// Prepayment (提前还款): principal paid before its due date. The one rule on every early path —
// a prepayment here, and the payoff quote (payoff.ts), which is a prepayment of everything:
// interest on the principal repaid early is charged for the days actually elapsed in the current
// period (from its start — the previous due date, or the drawdown — to today) on the ACT/360
// basis (day-count.ts DAY_COUNT_BASIS), and nothing at all within the product's cooling-off days.
// A period ends on its due date, so at most 30 of its days lie before it and the early interest
// never exceeds the scheduled annual/12. An installment paid on or after its due date is not a
// prepayment: it is paid as the schedule says (repayment.ts).
//
// After a partial prepayment the principal still owed is re-amortized over the rows not yet due,
// as the customer chooses: 减少月供 (REDUCE_PAYMENT: as many periods, a lower payment) or 缩短期限
// (SHORTEN_TERM: the same payment, fewer periods). The first new row is the current period's and
// charges its full month on what is still owed — that principal was held the whole period. The
// new rows get their IRR annualized rate (apr.ts), shown before confirming and stored.
import { refuse } from '../errors.js';
import { formatYuan } from '../format.js';
import { sumFen } from '../money.js';
import { type AnnualizedRate, scheduleAnnualizedRate } from './apr.js';
import { dailyInterestFen } from './arith.js';
import { assertIsoDate, daysBetween } from './dates.js';
import { PREPAYMENT_ADJUSTMENTS, type PrepaymentAdjustment } from './product.js';
import { amortize, type PrincipalPart, principalPartsFor, type ScheduleTotals, scheduleTotals } from './schedule.js';
import { type InstallmentState, isPaidOff, isSettled, type LoanState, type PrepaymentRecord, unpaidOf } from './state.js';

export interface EarlyInterest {
  interestFen: number;
  /** Days of the current period elapsed by today. */
  interestDays: number;
  coolingOff: boolean;
}

/** The first row neither settled nor due by `today` (-1 when every row is due or settled). */
export function currentRowIndex(installments: readonly InstallmentState[], today: string): number {
  return installments.findIndex((row) => row.dueDate > today && !isSettled(row));
}

/** Within the cooling-off days after drawdown (the drawdown day is day 0). */
export function isCoolingOff(loan: Pick<LoanState, 'drawdownDate' | 'coolingOffDays'>, today: string): boolean {
  return daysBetween(loan.drawdownDate, today) <= loan.coolingOffDays;
}

/** Interest on `principalFen` repaid today before its due date: the rule above. */
export function earlyRepaymentInterest(loan: LoanState, principalFen: number, today: string): EarlyInterest {
  assertIsoDate(today, 'today');
  const index = currentRowIndex(loan.installments, today);
  const periodStart = index < 0 ? today : (loan.installments[index - 1]?.dueDate ?? loan.drawdownDate);
  const interestDays = Math.max(0, daysBetween(periodStart, today));
  const coolingOff = isCoolingOff(loan, today);
  return { interestDays, coolingOff, interestFen: coolingOff ? 0 : dailyInterestFen(principalFen, loan.annualRateBps, interestDays) };
}

export interface PrepaymentRequest {
  principalFen: number;
  adjustment: PrepaymentAdjustment;
  today: string;
}

export interface PrepaymentPlan extends EarlyInterest, AnnualizedRate {
  asOf: string;
  adjustment: PrepaymentAdjustment;
  principalFen: number;
  /** What the prepayment takes from the account: principal + early interest. */
  totalFen: number;
  /** Principal still owed after it. */
  outstandingAfterFen: number;
  /** The whole schedule after it: the rows already settled, then the new rows. */
  installments: InstallmentState[];
  /** Of the new rows only (what is still to pay). */
  totals: ScheduleTotals;
  remainingPeriods: number;
  nextPaymentFen: number;
  newMaturityDate: string;
}

/** What prepaying `principalFen` today would do, or why it cannot be done. */
export function planPrepayment(loan: LoanState, request: PrepaymentRequest): PrepaymentPlan {
  const { principalFen, adjustment, today } = request;
  assertIsoDate(today, 'today');
  if (!PREPAYMENT_ADJUSTMENTS.includes(adjustment)) refuse('invalid', 'PREPAYMENT_ADJUSTMENT_INVALID', '请选择减少月供或缩短期限');
  if (!Number.isSafeInteger(principalFen) || principalFen <= 0) refuse('invalid', 'VALIDATION_FAILED', '提前还款本金须为正数');
  if (isPaidOff(loan)) refuse('unprocessable', 'LOAN_PAID_OFF', '该笔借款已结清');
  if (loan.installments.some((row) => row.dueDate <= today && !isSettled(row))) {
    refuse('unprocessable', 'PREPAYMENT_ARREARS_FIRST', '请先归还已到期的应还款项，再办理提前还款');
  }
  const index = currentRowIndex(loan.installments, today);
  const kept = loan.installments.slice(0, index);
  const remaining = loan.installments.slice(index);
  // Only loans repaid under the old rules can have paid ahead on a row not yet due; re-amortizing
  // such a row would lose what was paid on it, so they settle early by the payoff quote instead.
  if (remaining.some((row) => row.principalPaidFen + row.interestPaidFen + row.penaltyPaidFen > 0)) {
    refuse('unprocessable', 'PREPAYMENT_UNAVAILABLE', '本期已有提前归还的款项，请于到期后再办理提前还款，或使用「提前结清」');
  }
  const owedFen = sumFen(remaining.map((row) => unpaidOf(row).principalFen));
  if (principalFen >= owedFen) {
    refuse('unprocessable', 'PREPAYMENT_COVERS_ALL', `提前还款本金须少于剩余本金 ${formatYuan(owedFen)} 元；全部还清请使用「提前结清」`);
  }
  if (loan.method === 'INTEREST_FIRST' && adjustment === 'SHORTEN_TERM') {
    refuse('unprocessable', 'PREPAYMENT_ADJUSTMENT_NOT_OFFERED', '先息后本的借款提前还款后按原期限减少每期利息，不能缩短期限');
  }
  const outstandingAfterFen = owedFen - principalFen;
  const rows = amortize(
    { principalFen: outstandingAfterFen, annualRateBps: loan.annualRateBps, drawdownDate: loan.drawdownDate, firstPeriod: remaining[0]!.period, maxPeriods: remaining.length },
    adjustment === 'REDUCE_PAYMENT'
      ? principalPartsFor({ principalFen: outstandingAfterFen, annualRateBps: loan.annualRateBps, termMonths: remaining.length, method: loan.method })
      : samePaymentParts(loan, remaining),
  );
  const newRows = rows.map((row) => ({ ...row, principalPaidFen: 0, interestPaidFen: 0, penaltyFen: 0, penaltyPaidFen: 0 }));
  const early = earlyRepaymentInterest(loan, principalFen, today);
  return {
    asOf: today,
    adjustment,
    principalFen,
    ...early,
    totalFen: principalFen + early.interestFen,
    outstandingAfterFen,
    installments: [...kept, ...newRows],
    totals: scheduleTotals(newRows),
    remainingPeriods: newRows.length,
    nextPaymentFen: newRows[0]!.paymentFen,
    newMaturityDate: newRows.at(-1)!.dueDate,
    ...scheduleAnnualizedRate({ principalFen: outstandingAfterFen, installments: newRows }),
  };
}

/** 缩短期限: each row repays what the contract's regular row does — the same payment (equal
 *  installment, less the row's interest) or the same principal (equal principal) — so the
 *  smaller balance runs out in fewer periods. The regular row is the first still to come that
 *  repays principal (a deferral's interest-only months are not one). */
function samePaymentParts(loan: LoanState, remaining: readonly InstallmentState[]): PrincipalPart {
  const regular = remaining.find((row) => row.principalFen > 0) ?? remaining[0]!;
  if (loan.method === 'EQUAL_PRINCIPAL') return () => regular.principalFen;
  return (_index, _openingFen, interestFen) => {
    const partFen = regular.paymentFen - interestFen;
    // Interest on a smaller balance is below the regular row's, so this only guards the invariant.
    if (partFen <= 0) throw new Error('a shortened schedule must repay principal every period');
    return partFen;
  };
}

/** The loan once the prepayment is booked: the new schedule, and the prepayment on its record. */
export function applyPrepayment(loan: LoanState, plan: PrepaymentPlan): LoanState {
  const record: PrepaymentRecord = {
    on: plan.asOf,
    principalFen: plan.principalFen,
    interestFen: plan.interestFen,
    interestDays: plan.interestDays,
    adjustment: plan.adjustment,
    annualizedRateBps: plan.annualizedRateBps,
    annualizedRateDisplay: plan.annualizedRateDisplay,
  };
  return { ...loan, installments: plan.installments, prepayments: [...(loan.prepayments ?? []), record] };
}
