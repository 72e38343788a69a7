export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/login/index',
    'pages/bind-phone/index',
    'pages/real-name/index',
    'pages/pin/index',
    'pages/pin-reset/index',
    'pages/soter/index',
    'pages/open-account/index',
    'pages/top-up/index',
    'pages/withdraw/index',
    'pages/transfer/index',
    'pages/history/index',
    'pages/history-detail/index',
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
        'pages/contract/index',
      ],
    },
    {
      root: 'packageBills',
      pages: ['pages/index/index', 'pages/lookup/index', 'pages/receipt/index', 'pages/history/index', 'pages/payees/index'],
    },
    {
      root: 'packageWealth',
      pages: [
        'pages/products/index',
        'pages/product/index',
        'pages/questionnaire/index',
        'pages/buy/index',
        'pages/holdings/index',
        'pages/redeem/index',
        'pages/orders/index',
        'pages/order/index',
        'pages/result/index',
      ],
    },
    // 更换绑定卡 and 更换手机号: rarely used, so loaded only when opened.
    {
      root: 'packageCard',
      pages: ['pages/change/index', 'pages/phone/index'],
    },
    // E-receipts (电子回单) and their verification (回单验证), which anyone may open signed out.
    {
      root: 'packageReceipts',
      pages: ['pages/receipt/index', 'pages/verify/index'],
    },
    // 对账单 and 结清证明 (PDF files): rarely opened.
    {
      root: 'packageDocuments',
      pages: ['pages/statements/index', 'pages/certificate/index'],
    },
    // 账户安全, 挂失 (signed in, or signed out through the identity check), 销户 and 登录设备管理:
    // rarely opened.
    {
      root: 'packageSecurity',
      pages: ['pages/security/index', 'pages/loss/index', 'pages/reported/index', 'pages/close/index', 'pages/devices/index'],
    },
    // 个人信息与隐私 (what is held and why, the copy, corrections, consents): rarely opened.
    {
      root: 'packagePrivacy',
      pages: ['pages/privacy/index'],
    },
    // 投诉与建议 and disputes of a movement (对此交易有疑问), 我的投诉: rarely opened.
    {
      root: 'packageService',
      pages: ['pages/list/index', 'pages/new/index', 'pages/ticket/index'],
    },
    // 消息中心 and 消息设置.
    {
      root: 'packageMessages',
      pages: ['pages/centre/index', 'pages/settings/index'],
    },
    // 社区生活: a community merchant's order, opened from its partner's link or QR (the path
    // functions/domain/open/order.ts ORDER_PAGE gives partners), the orders paid, the
    // communities' merchants, and a merchant's page, which its static code (收款码) opens.
    {
      root: 'packageCommunity',
      pages: ['pages/order/index', 'pages/orders/index', 'pages/result/index', 'pages/merchants/index', 'pages/merchant/index'],
    },
    // Relationship managers' area (客户经理工作台): only staff ever load it.
    {
      root: 'packageRM',
      pages: [
        'pages/workbench/index',
        'pages/bind/index',
        'pages/share/index',
        'pages/links/index',
        'pages/customers/index',
        'pages/leaderboard/index',
      ],
    },
  ],
  // Fetched in the background once home or login is shown, so the first tap on 贷款 is instant.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packageLoan'] },
    'pages/login/index': { network: 'all', packages: ['packageLoan'] },
  },
  // WeChat's privacy gate (lib/privacy.ts, docs/PRIVACY-GUIDE.md): on for every mini-program since
  // 2023-09-15; said here so the developer tools behave the same on any base library.
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#1d4fa3',
    navigationBarTitleText: '近邻银行',
    navigationBarTextStyle: 'white',
    // WeChat draws its own bar whatever this says ('default' is its default); Taro's H5 router
    // draws its bar only when told 'default': each page's navigationBarTitleText, and a back
    // arrow (or home, for a page opened directly) left of it. app.css sizes it for a finger.
    navigationStyle: 'default',
  },
});
