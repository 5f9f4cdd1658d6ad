export default definePageConfig({ navigationBarTitleText: '导师' });
