export default definePageConfig({
  navigationBarTitleText: '校友录',
});
