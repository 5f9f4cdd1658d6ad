// Share cards (onShareAppMessage) open this page with `?id=`; mini-program codes with `?scene=`.
export default definePageConfig({ navigationBarTitleText: '群组', enablePullDownRefresh: true, enableShareAppMessage: true });
