export default definePageConfig({ navigationBarTitleText: '聚会倡议' });
