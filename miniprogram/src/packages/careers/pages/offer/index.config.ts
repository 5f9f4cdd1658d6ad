export default definePageConfig({ navigationBarTitleText: '导师登记' });
