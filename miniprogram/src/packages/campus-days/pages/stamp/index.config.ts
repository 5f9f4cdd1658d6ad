export default definePageConfig({ navigationBarTitleText: '集章打卡' });
