export default definePageConfig({ navigationBarTitleText: '导师项目', enablePullDownRefresh: true });
