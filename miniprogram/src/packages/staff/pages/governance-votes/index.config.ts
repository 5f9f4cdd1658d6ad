export default definePageConfig({ navigationBarTitleText: '投票管理', enablePullDownRefresh: true });
