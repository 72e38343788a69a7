export default definePageConfig({
  navigationBarTitleText: '借款计算器',
});
