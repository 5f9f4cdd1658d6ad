export default definePageConfig({ navigationBarTitleText: '校园时光轴' });
