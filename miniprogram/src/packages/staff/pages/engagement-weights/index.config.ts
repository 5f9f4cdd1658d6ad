export default definePageConfig({
  navigationBarTitleText: '活跃度权重',
});
