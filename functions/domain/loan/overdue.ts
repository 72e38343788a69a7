// Overdue: days past due, the bucket, and penalty interest. A row due on D is paid on time
// through D; day D+1 is 1 day past due and the first day of penalty.
import { sumFen } from '../money.js';
import { dailyInterestFen, Dec } from './arith.js';
import { assertIsoDate, daysBetween } from './dates.js';
import { type DpdBucket, JUDICIAL_RATE_CEILING_BPS } from './product.js';
import { type InstallmentState, type LoanState, owesInstallment, unpaidOf } from './state.js';


export function dpdBucket(daysPastDue: number): DpdBucket {
  if (!Number.isSafeInteger(daysPastDue) || daysPastDue < 0) throw new Error(`bad days past due ${daysPastDue}`);
  if (daysPastDue === 0) return 'CURRENT';
  if (daysPastDue <= 30) return 'DPD_1_30';
  if (daysPastDue <= 60) return 'DPD_31_60';
  if (daysPastDue <= 90) return 'DPD_61_90';
  return 'DPD_90_PLUS';
}

function overdueRows(installments: readonly InstallmentState[], businessDate: string): InstallmentState[] {
  return installments.filter((installment) => installment.dueDate < businessDate && owesInstallment(installment));
}

/** Days from the oldest due date with principal or interest unpaid to the business date. */
export function daysPastDue(installments: readonly InstallmentState[], businessDate: string): number {
  assertIsoDate(businessDate, 'businessDate');
  const oldest = overdueRows(installments, businessDate)[0];
  return oldest ? daysBetween(oldest.dueDate, businessDate) : 0;
}

/** Penalty rate = contract rate × (1 + markup%), never above the 24% judicial ceiling, which the
 *  courts apply to interest and penalty together for bank loans (法发〔2017〕22号). */
export function penaltyAnnualRateBps(annualRateBps: number, penaltyRateMarkupPercent: number): Dec {
  const rateBps = new Dec(annualRateBps).times(new Dec(100 + penaltyRateMarkupPercent).div(100));
  return Dec.min(rateBps, JUDICIAL_RATE_CEILING_BPS);
}

/** One day's penalty on overdue principal: penalty rate / 360, rounded half-up to the fen. */
export function dailyPenaltyFen(overduePrincipalFen: number, annualRateBps: number, penaltyRateMarkupPercent: number): number {
  return dailyInterestFen(overduePrincipalFen, penaltyAnnualRateBps(annualRateBps, penaltyRateMarkupPercent), 1);
}

/** Adds the penalty for each day after `penaltyAccruedThrough` up to `businessDate` to every row
 *  whose principal was overdue that day, rounded per row per day. Run it at day close and before
 *  booking a repayment (so the overdue principal was the same on every day it covers); a second
 *  run for the same date adds nothing. */
export function accruePenalty(loan: LoanState, businessDate: string): LoanState {
  assertIsoDate(businessDate, 'businessDate');
  if (businessDate < loan.penaltyAccruedThrough) {
    throw new Error(`penalty already accrued through ${loan.penaltyAccruedThrough}, after ${businessDate}`);
  }
  const installments = loan.installments.map((installment) => {
    const overduePrincipalFen = unpaidOf(installment).principalFen;
    if (overduePrincipalFen === 0 || installment.dueDate >= businessDate) return installment;
    const from = installment.dueDate > loan.penaltyAccruedThrough ? installment.dueDate : loan.penaltyAccruedThrough;
    const days = daysBetween(from, businessDate);
    const perDayFen = dailyPenaltyFen(overduePrincipalFen, loan.annualRateBps, loan.penaltyRateMarkupPercent);
    return { ...installment, penaltyFen: installment.penaltyFen + days * perDayFen };
  });
  return { ...loan, installments, penaltyAccruedThrough: businessDate };
}

export interface OverdueStatus {
  daysPastDue: number;
  bucket: DpdBucket;
  oldestUnpaidDueDate: string | null;
  overduePrincipalFen: number;
  overdueInterestFen: number;
  unpaidPenaltyFen: number;
  overdueTotalFen: number;
}

export function overdueStatus(loan: LoanState, businessDate: string): OverdueStatus {
  const rows = overdueRows(loan.installments, businessDate);
  const days = daysPastDue(loan.installments, businessDate);
  const overduePrincipalFen = sumFen(rows.map((row) => unpaidOf(row).principalFen));
  const overdueInterestFen = sumFen(rows.map((row) => unpaidOf(row).interestFen));
  const unpaidPenaltyFen = sumFen(loan.installments.map((row) => unpaidOf(row).penaltyFen));
  return {
    daysPastDue: days,
    bucket: dpdBucket(days),
    oldestUnpaidDueDate: rows[0]?.dueDate ?? null,
    overduePrincipalFen,
    overdueInterestFen,
    unpaidPenaltyFen,
    overdueTotalFen: sumFen([overduePrincipalFen, overdueInterestFen, unpaidPenaltyFen]),
  };
}
