export default definePageConfig({
  navigationBarTitleText: '我的持仓',
});
