export const DONATE_URL = '/packages/giving/pages/donate/index';
export const SIGN_IN_URL = '/packages/account/pages/sign-in/index';
export const MONTHLY_PLEDGE_URL = '/packages/giving/pages/monthly-pledge/index';
export const MONTHLY_PAY_URL = '/packages/giving/pages/monthly-pay/index';
export const MY_MONTHLY_URL = '/packages/giving/pages/monthly/index';
