export default definePageConfig({
  navigationBarTitleText: '编辑项目',
});
