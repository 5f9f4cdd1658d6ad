export default definePageConfig({
  navigationBarTitleText: '校友会',
  enablePullDownRefresh: true,
});
