export default definePageConfig({ navigationBarTitleText: '班级聚会', enablePullDownRefresh: true });
