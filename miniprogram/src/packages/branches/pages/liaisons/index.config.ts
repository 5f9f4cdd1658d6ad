export default definePageConfig({ navigationBarTitleText: '班级联络人' });
