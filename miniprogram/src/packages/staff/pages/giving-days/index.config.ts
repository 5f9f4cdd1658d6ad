export default definePageConfig({
  navigationBarTitleText: '捐赠日',
});
