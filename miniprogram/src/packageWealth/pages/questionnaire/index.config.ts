export default definePageConfig({
  navigationBarTitleText: '风险承受能力评估',
});
