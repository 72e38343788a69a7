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
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#1d4fa3',
    navigationBarTitleText: '近邻银行',
    navigationBarTextStyle: 'white',
  },
});
