export default definePageConfig({ navigationBarTitleText: '老照片', enablePullDownRefresh: true });
