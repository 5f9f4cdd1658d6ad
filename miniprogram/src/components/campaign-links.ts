/**
 * The giving pages other parts of the app open: the tab, the 我的 tab, and the subscription
 * messages (thank-you → a donation, fund-use → a campaign) link to exactly these paths.
 */
export const CAMPAIGN_URL = '/packages/giving/pages/campaign/index';
export const DONATION_URL = '/packages/giving/pages/donation/index';
export const MY_DONATIONS_URL = '/packages/giving/pages/mine/index';
export const HONOUR_ROLL_URL = '/packages/giving/pages/honour-roll/index';
export const CLASS_LEADERBOARD_URL = '/packages/giving/pages/class-leaderboard/index';
export const GIVING_DAY_URL = '/packages/giving/pages/giving-day/index';
export const RECEIPTS_URL = '/packages/giving/pages/receipts/index';
