export default definePageConfig({
  navigationBarTitleText: '捐赠票据',
});
