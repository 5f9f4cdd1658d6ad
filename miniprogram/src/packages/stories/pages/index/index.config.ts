export default definePageConfig({ navigationBarTitleText: '校友故事', enablePullDownRefresh: true });
