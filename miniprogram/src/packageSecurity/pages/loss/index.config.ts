export default definePageConfig({
  navigationBarTitleText: '挂失与解除挂失',
});
