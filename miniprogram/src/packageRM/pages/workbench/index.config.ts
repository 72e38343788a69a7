export default definePageConfig({
  navigationBarTitleText: '客户经理工作台',
});
