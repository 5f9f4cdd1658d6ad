export default definePageConfig({
  navigationBarTitleText: '班级捐赠榜',
});
