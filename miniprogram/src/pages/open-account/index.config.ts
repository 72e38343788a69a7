export default definePageConfig({
  navigationBarTitleText: '开通电子账户',
});
