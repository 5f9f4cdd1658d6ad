export default definePageConfig({ navigationBarTitleText: '群动态', enablePullDownRefresh: true });
