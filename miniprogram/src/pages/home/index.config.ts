export default definePageConfig({
  navigationBarTitleText: '近邻银行',
});
