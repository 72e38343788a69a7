export default definePageConfig({
  navigationBarTitleText: '支行排行',
});
