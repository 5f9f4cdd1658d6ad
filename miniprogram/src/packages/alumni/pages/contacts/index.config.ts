export default definePageConfig({
  navigationBarTitleText: '联系请求',
  enablePullDownRefresh: true,
});
