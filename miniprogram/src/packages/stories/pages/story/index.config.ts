// Share cards open this page with `?id=`; the poster's mini-program code with `?scene=s=<id>`.
export default definePageConfig({ navigationBarTitleText: '校友故事', enableShareAppMessage: true, enableShareTimeline: true });
