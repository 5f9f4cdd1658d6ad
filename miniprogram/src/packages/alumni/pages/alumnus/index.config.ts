export default definePageConfig({
  navigationBarTitleText: '校友名片',
});
