export default definePageConfig({ navigationBarTitleText: '职业资料库', enablePullDownRefresh: true });
