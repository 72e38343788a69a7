export default definePageConfig({
  navigationBarTitleText: '消息中心',
  onReachBottomDistance: 100,
});
