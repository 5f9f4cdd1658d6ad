export default definePageConfig({ navigationBarTitleText: '上传老照片' });
