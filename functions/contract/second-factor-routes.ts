// The routes that take a second factor, by path, for the nonce issuer: it must know what a nonce
// may be asked for without bundling every capability's schemas. test/unit/second-factor-routes
// proves this list is exactly the routes flagged `secondFactor` in the contract.

export const SECOND_FACTOR_ROUTES = {
  setPin: '/v1/me/pin',
  pinReset: '/v1/me/pin-reset',
  soterEnrol: '/v1/me/soter',
  topUp: '/v1/account/top-up',
  withdraw: '/v1/account/withdraw',
  transfer: '/v1/account/transfer',
  changeCard: '/v1/account/card',
  closeAccount: '/v1/account/closure',
  dataCopy: '/v1/me/data-copy',
  billPay: '/v1/bill-payments',
  billPayeeAutoPay: '/v1/bill-payees/{payeeId}/auto-pay',
  drawdown: '/v1/loans',
  repay: '/v1/loans/{loanId}/repayments',
  payoff: '/v1/loans/{loanId}/payoff',
  deferral: '/v1/loans/{loanId}/deferral',
  wealthPurchase: '/v1/wealth-orders',
  wealthCancel: '/v1/wealth-orders/{orderId}/cancel',
  wealthRedeem: '/v1/wealth-redemptions',
  merchantOrderPay: '/v1/merchant-orders/{orderId}/payment',
  merchantCodePay: '/v1/community/merchants/{merchantId}/payments',
} as const;

export type SecondFactorRoute = keyof typeof SECOND_FACTOR_ROUTES;

const PATTERNS = Object.entries(SECOND_FACTOR_ROUTES).map(([name, template]) => ({
  name: name as SecondFactorRoute,
  // A path parameter is one segment of the id characters the contract allows.
  pattern: new RegExp(`^${template.replace(/\{([A-Za-z]+)\}/g, '(?<$1>[A-Za-z0-9_-]{1,64})')}$`),
}));

/** A concrete path of a second-factor route: which route, and its path parameters (`loanId`…). */
export interface SecondFactorPath {
  route: SecondFactorRoute;
  params: Readonly<Record<string, string>>;
}

/** Which second-factor route a concrete path is, if any. */
export function secondFactorRouteOf(path: string): SecondFactorPath | undefined {
  for (const { name, pattern } of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return { route: name, params: { ...match.groups } };
  }
  return undefined;
}
