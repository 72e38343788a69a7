import type { RepaymentResult } from '@contract/loan-schemas';
import { PAGES, replaceWith } from '@/lib/nav';

/** Replaces the finished form with the result, exactly as the server returned it. */
export function showRepaymentResult(kind: 'REPAY' | 'PAYOFF', result: RepaymentResult): void {
  replaceWith(PAGES.loanResult, {
    kind,
    loanId: result.loan.loanId,
    amountFen: result.paidFen,
    principalFen: result.principalFen,
    interestFen: result.interestFen,
    penaltyFen: result.penaltyFen,
    balanceFen: result.balanceFen,
    outstandingFen: result.loan.outstandingPrincipalFen,
  });
}
