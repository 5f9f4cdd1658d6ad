export default definePageConfig({ navigationBarTitleText: '重复记录', enablePullDownRefresh: true });
