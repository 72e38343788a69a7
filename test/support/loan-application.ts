// A consumer-credit application the decision rules approve for an ordinary test customer (aged
// 18–60, clean bureau report): shared by the tests, the bank test and the decision benchmark.
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
    bureauConsent: { agreed: true, textVersion: 'bureau-consent-2025-05' },
  };
}
