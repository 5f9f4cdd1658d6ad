export default definePageConfig({ navigationBarTitleText: '职业内容审核', enablePullDownRefresh: true });
