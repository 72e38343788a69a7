// Relief deferral (延期还款): at most once per loan, 1–3 months, not for a loan more than 30
// days past due. The deferral months are interest-only: each pays one month's interest on the
// principal not yet due, and every remaining row moves later by the deferred months, unchanged.
// Interest-only rather than capitalised so no interest is ever charged on interest (no 复利) and
// nothing already agreed changes amount; the price is the extra months of interest, which the
// customer sees, with the annualized rate, before confirming. Rows already due (paid or overdue)
// stay where they are: a deferral relieves what is coming, it does not hide arrears.
import { refuse } from '../errors.js';
import { sumFen } from '../money.js';
import { monthlyInterestFen } from './arith.js';
import { type AnnualizedRate, scheduleAnnualizedRate } from './apr.js';
import { assertIsoDate } from './dates.js';
import { daysPastDue } from './overdue.js';
import { dueDateOf, type ScheduleTotals, scheduleTotals } from './schedule.js';
import { type InstallmentState, isPaidOff, isSettled, type LoanState, unpaidOf } from './state.js';

export const MAX_DEFERRALS_PER_LOAN = 1;
export const MAX_DEFERRAL_MONTHS = 3;
export const MAX_DAYS_PAST_DUE_FOR_DEFERRAL = 30;

export interface DeferralPlan extends AnnualizedRate {
  deferredMonths: number;
  /** The whole new schedule, paid amounts carried along with their rows. */
  installments: InstallmentState[];
  totals: ScheduleTotals;
  addedInterestFen: number;
  newMaturityDate: string;
}

export function planDeferral(loan: LoanState, request: { months: number; today: string }): DeferralPlan {
  const { months, today } = request;
  assertIsoDate(today, 'today');
  if (!Number.isSafeInteger(months) || months < 1 || months > MAX_DEFERRAL_MONTHS) {
    refuse('invalid', 'DEFERRAL_MONTHS_INVALID', `延期期限须为 1 至 ${MAX_DEFERRAL_MONTHS} 个月`);
  }
  if (isPaidOff(loan)) refuse('unprocessable', 'LOAN_PAID_OFF', '该笔借款已结清');
  if (loan.deferralsUsed >= MAX_DEFERRALS_PER_LOAN) {
    refuse('unprocessable', 'DEFERRAL_LIMIT_REACHED', '每笔借款只能申请一次延期还款');
  }
  if (daysPastDue(loan.installments, today) > MAX_DAYS_PAST_DUE_FOR_DEFERRAL) {
    refuse('unprocessable', 'DEFERRAL_TOO_FAR_OVERDUE', `逾期超过 ${MAX_DAYS_PAST_DUE_FOR_DEFERRAL} 天的借款不能申请延期还款`);
  }
  const splitIndex = loan.installments.findIndex((row) => row.dueDate > today && !isSettled(row));
  if (splitIndex < 0) {
    refuse('unprocessable', 'DEFERRAL_NOTHING_TO_DEFER', '借款已全部到期，没有可以延期的还款');
  }

  const kept = loan.installments.slice(0, splitIndex);
  const moved = loan.installments.slice(splitIndex);
  const principalFen = sumFen(moved.map((row) => unpaidOf(row).principalFen));
  const interestFen = monthlyInterestFen(principalFen, loan.annualRateBps);
  const firstPeriod = kept.length + 1;
  const deferralRows: InstallmentState[] = [];
  for (let offset = 0; offset < months; offset++) {
    deferralRows.push({
      period: firstPeriod + offset,
      dueDate: dueDateOf(loan.drawdownDate, firstPeriod + offset),
      openingPrincipalFen: principalFen,
      principalFen: 0,
      interestFen,
      paymentFen: interestFen,
      closingPrincipalFen: principalFen,
      principalPaidFen: 0,
      interestPaidFen: 0,
      penaltyFen: 0,
      penaltyPaidFen: 0,
    });
  }
  // Due dates come from the drawdown date again, never from the old due date, so month-end
  // clamping cannot drift (a loan drawn on the 31st keeps paying on the 31st where it exists).
  const shifted = moved.map((row) => ({
    ...row,
    period: row.period + months,
    dueDate: dueDateOf(loan.drawdownDate, row.period + months),
  }));
  const installments = [...kept, ...deferralRows, ...shifted];
  return {
    deferredMonths: months,
    installments,
    totals: scheduleTotals(installments),
    addedInterestFen: interestFen * months,
    newMaturityDate: installments[installments.length - 1]!.dueDate,
    // The principal the rows repay: the amount lent, less any prepaid (which no row carries).
    ...scheduleAnnualizedRate({ principalFen: sumFen(installments.map((row) => row.principalFen)), installments }),
  };
}

/** The loan once the customer confirms the plan they were shown; refused when the loan has
 *  changed since (a repayment, a new business date) and the plan would no longer be the same. */
export function applyDeferral(loan: LoanState, shown: DeferralPlan, today: string): LoanState {
  const plan = planDeferral(loan, { months: shown.deferredMonths, today });
  const same =
    plan.totals.paymentFen === shown.totals.paymentFen &&
    plan.totals.interestFen === shown.totals.interestFen &&
    plan.newMaturityDate === shown.newMaturityDate &&
    plan.installments.length === shown.installments.length;
  if (!same) refuse('conflict', 'DEFERRAL_PLAN_STALE', '借款信息已变化，请重新查看延期方案');
  return { ...loan, installments: plan.installments, deferralsUsed: loan.deferralsUsed + 1 };
}
