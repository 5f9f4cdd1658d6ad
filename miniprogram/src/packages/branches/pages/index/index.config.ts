export default definePageConfig({ navigationBarTitleText: '校友分会', enablePullDownRefresh: true });
