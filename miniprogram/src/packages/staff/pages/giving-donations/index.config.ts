export default definePageConfig({
  navigationBarTitleText: '捐赠明细',
});
