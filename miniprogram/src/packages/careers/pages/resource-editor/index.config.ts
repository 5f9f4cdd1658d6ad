export default definePageConfig({ navigationBarTitleText: '分享职业资料' });
