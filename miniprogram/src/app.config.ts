export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/login/index',
    'pages/bind-phone/index',
    'pages/real-name/index',
    'pages/pin/index',
    'pages/open-account/index',
    'pages/top-up/index',
    'pages/withdraw/index',
    'pages/transfer/index',
    'pages/history/index',
    'pages/result/index',
  ],
  // Loans load on demand: the main package stays small for the first start.
  subPackages: [
    {
      root: 'packageLoan',
      pages: [
        'pages/loans/index',
        'pages/calculator/index',
        'pages/apply/index',
        'pages/decision/index',
        'pages/draw/index',
        'pages/loan/index',
        'pages/repay/index',
        'pages/payoff/index',
        'pages/deferral/index',
        'pages/result/index',
      ],
    },
  ],
  // Fetched in the background once home or login is shown, so the first tap on 贷款 is instant.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packageLoan'] },
    'pages/login/index': { network: 'all', packages: ['packageLoan'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#1d4fa3',
    navigationBarTitleText: '近邻银行',
    navigationBarTextStyle: 'white',
  },
});
