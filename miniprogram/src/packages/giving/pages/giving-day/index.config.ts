// Share cards open this page with `?id=`; the poster's mini-program code with `?scene=gd=<id>`.
export default definePageConfig({
  navigationBarTitleText: '捐赠日',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
