import Taro from '@tarojs/taro';

/** A class invitation opened before signing in waits here until the person has signed in and consented. */
const PENDING_KEY = 'alumnilink.pendingClassInvitation';
const CLAIM_URL = '/packages/verification/pages/claim/index';

/** The claim page, prefilled from the invitation. */
export function claimUrlFor(token: string): string {
  return `${CLAIM_URL}?invite=${encodeURIComponent(token)}`;
}

export function rememberInvitation(token: string): void {
  Taro.setStorageSync(PENDING_KEY, token);
}

/** After sign-in and consent: the claim a class invitation opened, or 我的. */
export function goOnAfterSignIn(): void {
  const token: unknown = Taro.getStorageSync(PENDING_KEY);
  if (typeof token === 'string' && token !== '') {
    Taro.removeStorageSync(PENDING_KEY);
    void Taro.redirectTo({ url: claimUrlFor(token) });
  } else {
    void Taro.switchTab({ url: '/pages/me/index' });
  }
}
