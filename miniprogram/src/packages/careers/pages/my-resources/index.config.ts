export default definePageConfig({ navigationBarTitleText: '我的收藏与资料', enablePullDownRefresh: true });
