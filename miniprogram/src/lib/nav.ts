import Taro from '@tarojs/taro';

export const PAGES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  bindPhone: '/pages/bind-phone/index',
  realName: '/pages/real-name/index',
  pin: '/pages/pin/index',
  pinReset: '/pages/pin-reset/index',
  soter: '/pages/soter/index',
  openAccount: '/pages/open-account/index',
  topUp: '/pages/top-up/index',
  withdraw: '/pages/withdraw/index',
  transfer: '/pages/transfer/index',
  history: '/pages/history/index',
  historyDetail: '/pages/history-detail/index',
  result: '/pages/result/index',
  loans: '/packageLoan/pages/loans/index',
  loanCalculator: '/packageLoan/pages/calculator/index',
  loanApply: '/packageLoan/pages/apply/index',
  loanDecision: '/packageLoan/pages/decision/index',
  loanDraw: '/packageLoan/pages/draw/index',
  loan: '/packageLoan/pages/loan/index',
  loanRepay: '/packageLoan/pages/repay/index',
  loanPayoff: '/packageLoan/pages/payoff/index',
  loanDeferral: '/packageLoan/pages/deferral/index',
  loanResult: '/packageLoan/pages/result/index',
  loanContract: '/packageLoan/pages/contract/index',
  bills: '/packageBills/pages/index/index',
  billLookup: '/packageBills/pages/lookup/index',
  billReceipt: '/packageBills/pages/receipt/index',
  billHistory: '/packageBills/pages/history/index',
  billPayees: '/packageBills/pages/payees/index',
  wealth: '/packageWealth/pages/products/index',
  wealthProduct: '/packageWealth/pages/product/index',
  wealthQuestionnaire: '/packageWealth/pages/questionnaire/index',
  wealthBuy: '/packageWealth/pages/buy/index',
  wealthHoldings: '/packageWealth/pages/holdings/index',
  wealthRedeem: '/packageWealth/pages/redeem/index',
  wealthOrders: '/packageWealth/pages/orders/index',
  wealthOrder: '/packageWealth/pages/order/index',
  wealthResult: '/packageWealth/pages/result/index',
  cardChange: '/packageCard/pages/change/index',
  phoneChange: '/packageCard/pages/phone/index',
  receipt: '/packageReceipts/pages/receipt/index',
  receiptVerify: '/packageReceipts/pages/verify/index',
  statements: '/packageDocuments/pages/statements/index',
  payoffCertificate: '/packageDocuments/pages/certificate/index',
  security: '/packageSecurity/pages/security/index',
  lossCheck: '/packageSecurity/pages/loss/index',
  lossReported: '/packageSecurity/pages/reported/index',
  devices: '/packageSecurity/pages/devices/index',
  accountClosure: '/packageSecurity/pages/close/index',
  privacy: '/packagePrivacy/pages/privacy/index',
  complaints: '/packageService/pages/list/index',
  complaintNew: '/packageService/pages/new/index',
  complaint: '/packageService/pages/ticket/index',
  messages: '/packageMessages/pages/centre/index',
  messageSettings: '/packageMessages/pages/settings/index',
  rmWorkbench: '/packageRM/pages/workbench/index',
  rmBind: '/packageRM/pages/bind/index',
  rmShare: '/packageRM/pages/share/index',
  rmLinks: '/packageRM/pages/links/index',
  rmCustomers: '/packageRM/pages/customers/index',
  rmLeaderboard: '/packageRM/pages/leaderboard/index',
  communityOrder: '/packageCommunity/pages/order/index',
  communityOrders: '/packageCommunity/pages/orders/index',
  communityResult: '/packageCommunity/pages/result/index',
  communityMerchants: '/packageCommunity/pages/merchants/index',
  communityMerchant: '/packageCommunity/pages/merchant/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

export type PageQuery = Record<string, string | number>;

export function pageUrl(path: PagePath, query: PageQuery = {}): string {
  const pairs = Object.entries(query).map(
    ([name, value]) => `${name}=${encodeURIComponent(String(value))}`,
  );
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

export function goTo(path: PagePath, query?: PageQuery): void {
  void Taro.navigateTo({ url: pageUrl(path, query) });
}

/** Replaces the current page, so Back skips a finished form. */
export function replaceWith(path: PagePath, query?: PageQuery): void {
  void Taro.redirectTo({ url: pageUrl(path, query) });
}

/** Restart the page stack at home, so Back never returns to a finished form. */
export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home });
}

export function goLogin(): void {
  void Taro.reLaunch({ url: PAGES.login });
}

/** Restart the page stack at `path`: a screen that signed the customer out has nothing behind it. */
export function restartAt(path: PagePath): void {
  void Taro.reLaunch({ url: path });
}
