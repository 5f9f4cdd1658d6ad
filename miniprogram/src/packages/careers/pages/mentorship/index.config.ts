export default definePageConfig({ navigationBarTitleText: '导师辅导', enablePullDownRefresh: true });
