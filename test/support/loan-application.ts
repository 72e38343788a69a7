// A consumer-credit application the decision rules approve for an ordinary test customer (aged
// 18–60, clean bureau report): shared by the tests, the bank test and the decision benchmark. It
// agrees to the consent text the server publishes, as the mini-program does.
import { BUREAU_CONSENT } from '../../functions/domain/loan/consent.js';
import { LOAN_CONTRACT } from '../../functions/domain/loan/contract-text.js';

/** The loan contract agreed to at drawdown, as the mini-program sends it. */
export const CONTRACT_CONSENT = { agreed: true, textVersion: LOAN_CONTRACT.textVersion } as const;

export function loanApplicationRequest(overrides: { amountFen?: number; monthlyIncomeFen?: number } = {}) {
  return {
    productId: 'consumer-credit',
    amountFen: overrides.amountFen ?? 1_000_000,
    termMonths: 12,
    method: 'EQUAL_INSTALLMENT',
    purpose: 'CONSUMPTION',
    monthlyIncomeFen: overrides.monthlyIncomeFen ?? 2_000_000,
    employer: '近邻科技有限公司',
    industry: 'INFORMATION_TECHNOLOGY',
    bureauConsent: { agreed: true, textVersion: BUREAU_CONSENT.textVersion },
  };
}
