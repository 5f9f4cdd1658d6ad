// Taro reads this file at build time, bundled by esbuild (readConfig → requireWithEsbuild in
// @tarojs/helper), so a plain module such as the theme is inlined into it.
import { BRAND_COLOR } from './theme';

// Only the tab pages live in the main package (500 KB budget); every other area is a subpackage.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/groups/index', 'pages/events/index', 'pages/giving/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'pages/index/index',
        'pages/roster-import/index',
        'pages/claims/index',
        'pages/staff-members/index',
        'pages/notifications/index',
        'pages/events/index',
        'pages/events-editor/index',
        'pages/events-registrants/index',
        'pages/events-check-in/index',
        'pages/campaigns/index',
        'pages/campaigns-editor/index',
        'pages/giving-donations/index',
        'pages/giving-reconciliations/index',
        'pages/giving-days/index',
        'pages/giving-receipts/index',
        'pages/giving-monthly/index',
        'pages/group-moderation/index',
        'pages/content-reviews/index',
        'pages/group-proposals/index',
        'pages/dashboard/index',
        'pages/alumnus-timeline/index',
        'pages/engagement-weights/index',
        'pages/careers-programme/index',
        'pages/careers-review/index',
        'pages/governance-votes/index',
        'pages/governance-vote-editor/index',
        'pages/governance-vote/index',
        'pages/governance-suggestions/index',
        'pages/governance-council/index',
        'pages/surveys/index',
        'pages/survey-editor/index',
        'pages/survey/index',
        'pages/memories-timeline/index',
        'pages/campus-days/index',
        'pages/branches/index',
        'pages/class-liaisons/index',
        'pages/duplicates/index',
        'pages/stories/index',
      ],
    },
    { root: 'packages/events', pages: ['pages/detail/index', 'pages/sign-up/index', 'pages/ticket/index'] },
    { root: 'packages/alumni', pages: ['pages/profile/index', 'pages/directory/index', 'pages/alumnus/index', 'pages/contacts/index'] },
    { root: 'packages/verification', pages: ['pages/claim/index', 'pages/invitation/index'] },
    { root: 'packages/reach', pages: ['pages/class/index', 'pages/leaderboard/index'] },
    { root: 'packages/stories', pages: ['pages/index/index', 'pages/story/index', 'pages/editor/index', 'pages/poster/index'] },
    {
      root: 'packages/careers',
      pages: [
        'pages/index/index',
        'pages/mentors/index',
        'pages/mentor/index',
        'pages/mentoring/index',
        'pages/mentorship/index',
        'pages/offer/index',
        'pages/jobs/index',
        'pages/job/index',
        'pages/job-editor/index',
        'pages/applications/index',
        'pages/my-jobs/index',
        'pages/library/index',
        'pages/resource/index',
        'pages/resource-editor/index',
        'pages/my-resources/index',
      ],
    },
    {
      root: 'packages/governance',
      pages: [
        'pages/index/index',
        'pages/vote/index',
        'pages/suggestions/index',
        'pages/suggestion/index',
        'pages/suggest/index',
        'pages/council/index',
      ],
    },
    { root: 'packages/surveys', pages: ['pages/index/index', 'pages/survey/index'] },
    {
      root: 'packages/campus-days',
      pages: [
        'pages/day/index',
        'pages/stamp/index',
        'pages/class-wall/index',
        'pages/reunions/index',
        'pages/reunion/index',
        'pages/propose/index',
      ],
    },
    {
      root: 'packages/old-photos',
      pages: ['pages/index/index', 'pages/wall/index', 'pages/photo/index', 'pages/upload/index', 'pages/timeline/index'],
    },
    {
      root: 'packages/branches',
      pages: ['pages/index/index', 'pages/branch/index', 'pages/manage/index', 'pages/event/index', 'pages/liaisons/index'],
    },
    { root: 'packages/timeline', pages: ['pages/mine/index'] },
    { root: 'packages/messages', pages: ['pages/index/index'] },
    { root: 'packages/account', pages: ['pages/sign-in/index', 'pages/privacy/index'] },
    {
      root: 'packages/groups',
      pages: [
        'pages/group/index',
        'pages/post/index',
        'pages/compose/index',
        'pages/feed/index',
        'pages/join-requests/index',
        'pages/propose/index',
        'pages/qrcode/index',
        'pages/my-requests/index',
      ],
    },
    {
      root: 'packages/giving',
      pages: [
        'pages/campaign/index',
        'pages/donate/index',
        'pages/donation/index',
        'pages/mine/index',
        'pages/honour-roll/index',
        'pages/class-leaderboard/index',
        'pages/giving-day/index',
        'pages/receipts/index',
        'pages/monthly-pledge/index',
        'pages/monthly-pay/index',
        'pages/monthly/index',
      ],
    },
  ],
  // Staff pick an event's place on the map (events editor); WeChat refuses undeclared location APIs.
  requiredPrivateInfos: ['chooseLocation'],
  // WeChat Pay's signing mini-program (月捐 签约自动扣款, 委托代扣): its page asks for it to be listed here.
  navigateToMiniProgramAppIdList: ['wxbd687630cd02ce1d'],
  // Only the components of the page being opened are injected (WeChat's 按需注入), not every page's.
  lazyCodeLoading: 'requiredComponents',
  // From a tab page, fetch ahead the subpackage its taps open, so the next page opens at once.
  // Pages of one package share a 2 MB preload quota (scripts/check-weapp.mjs checks it).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/events', 'packages/giving'] },
    'pages/groups/index': { network: 'all', packages: ['packages/groups'] },
    'pages/me/index': { network: 'wifi', packages: ['packages/alumni', 'packages/account'] },
  },
  window: {
    // WeChat draws this bar anyway; saying so explicitly makes the H5 build draw it too, with a back button.
    navigationStyle: 'default',
    navigationBarBackgroundColor: BRAND_COLOR,
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '校友会',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#8f959e',
    selectedColor: BRAND_COLOR,
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      tab('pages/index/index', '首页', 'home'),
      tab('pages/groups/index', '群组', 'groups'),
      tab('pages/events/index', '活动', 'events'),
      tab('pages/giving/index', '捐赠', 'giving'),
      tab('pages/me/index', '我的', 'me'),
    ],
  },
});

function tab(pagePath: string, text: string, icon: string) {
  return {
    pagePath,
    text,
    iconPath: `assets/tabbar/${icon}.png`,
    selectedIconPath: `assets/tabbar/${icon}-active.png`,
  };
}
