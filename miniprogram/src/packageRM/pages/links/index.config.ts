export default definePageConfig({
  navigationBarTitleText: '我的分享链接',
});
