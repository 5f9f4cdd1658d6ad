export default definePageConfig({ navigationBarTitleText: '照片墙', enablePullDownRefresh: true });
