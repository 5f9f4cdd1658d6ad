export default definePageConfig({ navigationBarTitleText: '我要建言' });
