export default definePageConfig({ navigationBarTitleText: '发布分会活动' });
