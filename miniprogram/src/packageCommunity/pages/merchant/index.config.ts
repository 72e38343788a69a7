export default definePageConfig({
  navigationBarTitleText: '付款给商户',
});
