export default definePageConfig({
  navigationBarTitleText: '电子票',
  navigationBarBackgroundColor: '#1f57a8',
});
