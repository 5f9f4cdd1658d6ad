export default definePageConfig({ navigationBarTitleText: '返校日与聚会' });
