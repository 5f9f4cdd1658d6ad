export default definePageConfig({
  navigationBarTitleText: '捐赠光荣榜',
});
