export default definePageConfig({
  navigationBarTitleText: '群组',
  enablePullDownRefresh: true,
});
