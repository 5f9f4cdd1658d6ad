export default definePageConfig({ navigationBarTitleText: '职业审核', enablePullDownRefresh: true });
