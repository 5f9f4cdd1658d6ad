export default definePageConfig({ navigationBarTitleText: '找导师', enablePullDownRefresh: true });
