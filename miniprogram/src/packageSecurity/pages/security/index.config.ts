export default definePageConfig({
  navigationBarTitleText: '账户安全',
});
