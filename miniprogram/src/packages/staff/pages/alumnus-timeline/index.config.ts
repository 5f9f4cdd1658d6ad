export default definePageConfig({
  navigationBarTitleText: '校友足迹',
  enablePullDownRefresh: true,
});
