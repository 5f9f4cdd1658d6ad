export default definePageConfig({ navigationBarTitleText: '群内容审核', enablePullDownRefresh: true });
