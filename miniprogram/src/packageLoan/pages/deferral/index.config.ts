export default definePageConfig({
  navigationBarTitleText: '延期还款',
});
