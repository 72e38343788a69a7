import type { RepaymentResult } from '@contract/loan-schemas';
import { PAGES, replaceWith } from '@/lib/nav';

/** Replaces the finished form with the result, exactly as the server returned it; a prepayment
 *  also shows the new schedule's maturity and annualized rate. */
export function showRepaymentResult(kind: 'REPAY' | 'PREPAY' | 'PAYOFF', result: RepaymentResult): void {
  const { loan } = result;
  replaceWith(PAGES.loanResult, {
    kind,
    ...(kind === 'PREPAY' ? { maturityDate: loan.maturityDate, annualizedRate: loan.annualizedRateDisplay, annualRate: loan.annualRateDisplay } : {}),
    loanId: result.loan.loanId,
    reference: result.reference,
    amountFen: result.paidFen,
    principalFen: result.principalFen,
    interestFen: result.interestFen,
    penaltyFen: result.penaltyFen,
    balanceFen: result.balanceFen,
    outstandingFen: result.loan.outstandingPrincipalFen,
  });
}
