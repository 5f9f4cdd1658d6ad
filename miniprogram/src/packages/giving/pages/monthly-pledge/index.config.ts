export default definePageConfig({
  navigationBarTitleText: '每月捐赠',
});
