export default definePageConfig({ navigationBarTitleText: '我的求职与招聘', enablePullDownRefresh: true });
