export default definePageConfig({
  navigationBarTitleText: '注销电子账户',
});
