export default definePageConfig({
  navigationBarTitleText: '分享产品',
  // The share card (onShareAppMessage) carries the short code.
  enableShareAppMessage: true,
});
