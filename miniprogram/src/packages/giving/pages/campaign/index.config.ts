export default definePageConfig({
  navigationBarTitleText: '捐赠项目',
  enablePullDownRefresh: true,
});
