export default definePageConfig({ navigationBarTitleText: '班级联络排行榜' });
