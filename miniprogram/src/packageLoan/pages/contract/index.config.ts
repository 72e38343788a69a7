export default definePageConfig({
  navigationBarTitleText: '借款合同',
});
