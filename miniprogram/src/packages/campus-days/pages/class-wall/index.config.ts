export default definePageConfig({ navigationBarTitleText: '今天回来的班级' });
