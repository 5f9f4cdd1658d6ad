export default definePageConfig({ navigationBarTitleText: '群小程序码' });
