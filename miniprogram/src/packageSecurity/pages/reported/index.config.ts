export default definePageConfig({
  navigationBarTitleText: '账户已挂失',
});
