export default definePageConfig({ navigationBarTitleText: '职业发展' });
