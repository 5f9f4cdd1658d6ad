export default definePageConfig({
  navigationBarTitleText: '捐赠',
  enablePullDownRefresh: true,
});
