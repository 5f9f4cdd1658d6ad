export default definePageConfig({ navigationBarTitleText: '校友认证' });
