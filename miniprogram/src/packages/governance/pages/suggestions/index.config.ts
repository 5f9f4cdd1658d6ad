export default definePageConfig({ navigationBarTitleText: '建言献策', enablePullDownRefresh: true });
