export default definePageConfig({
  navigationBarTitleText: '社区商户',
});
