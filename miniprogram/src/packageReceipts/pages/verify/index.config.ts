export default definePageConfig({
  navigationBarTitleText: '回单验证',
});
