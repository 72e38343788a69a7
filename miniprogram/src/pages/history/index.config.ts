export default definePageConfig({
  navigationBarTitleText: '交易明细',
  onReachBottomDistance: 100,
});
