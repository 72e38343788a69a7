export default definePageConfig({
  navigationBarTitleText: '缴费回单',
});
