export default definePageConfig({ navigationBarTitleText: '发起班级聚会' });
