export default definePageConfig({
  navigationBarTitleText: '赎回',
});
