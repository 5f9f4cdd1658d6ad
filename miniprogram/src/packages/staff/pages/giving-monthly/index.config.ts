export default definePageConfig({
  navigationBarTitleText: '月捐',
});
