export default definePageConfig({ navigationBarTitleText: '校友参与', enablePullDownRefresh: true });
