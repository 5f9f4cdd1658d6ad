export default definePageConfig({ navigationBarTitleText: '校友理事会' });
