export default definePageConfig({ navigationBarTitleText: '发起群组' });
