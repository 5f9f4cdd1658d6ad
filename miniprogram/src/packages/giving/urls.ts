export const DONATE_URL = '/packages/giving/pages/donate/index';
export const SIGN_IN_URL = '/packages/account/pages/sign-in/index';
