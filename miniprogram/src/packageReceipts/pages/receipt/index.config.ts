export default definePageConfig({
  navigationBarTitleText: '电子回单',
});
