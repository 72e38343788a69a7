export default definePageConfig({
  navigationBarTitleText: '更换绑定卡',
});
