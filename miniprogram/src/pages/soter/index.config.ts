export default definePageConfig({
  navigationBarTitleText: '指纹/面容支付',
});
