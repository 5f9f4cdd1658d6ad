export default definePageConfig({ navigationBarTitleText: '群组审核', enablePullDownRefresh: true });
