export default definePageConfig({ navigationBarTitleText: '我的辅导', enablePullDownRefresh: true });
