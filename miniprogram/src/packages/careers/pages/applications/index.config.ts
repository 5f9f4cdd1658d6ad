export default definePageConfig({ navigationBarTitleText: '收到的投递', enablePullDownRefresh: true });
