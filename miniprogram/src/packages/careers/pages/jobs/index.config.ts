export default definePageConfig({ navigationBarTitleText: '招聘与实习', enablePullDownRefresh: true });
