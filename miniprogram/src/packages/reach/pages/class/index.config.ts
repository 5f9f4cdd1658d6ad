export default definePageConfig({ navigationBarTitleText: '班级联络', enableShareAppMessage: true });
