export default definePageConfig({ navigationBarTitleText: '校友故事审核' });
