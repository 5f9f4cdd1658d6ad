export default definePageConfig({ navigationBarTitleText: '返校集章', enablePullDownRefresh: true });
