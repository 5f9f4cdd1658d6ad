export const ROLES = ['alumnus', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  alumnus: '校友',
  staff: '工作人员',
  admin: '管理员',
};

/** Who a signed-in request acts for, as carried in the access token. */
export interface AuthUserDto {
  id: string;
  roles: Role[];
}

/** POST /auth/wechat: the code `wx.login()` gave the mini-program (single use, 5 minutes). */
export interface WechatSignInRequest {
  code: string;
}

/** POST /auth/refresh and /auth/logout. */
export interface RefreshTokenRequest {
  refreshToken: string;
}

/** The signed-in alumnus as the client needs them right after sign-in. */
export interface SessionAlumnusDto {
  id: string;
  displayName: string;
  roles: Role[];
  /** True until the current privacy notice is accepted; the client shows it first. */
  consentRequired: boolean;
  /** `138****1234`, or null when no phone is bound. */
  phoneMasked: string | null;
}

export interface SessionDto {
  accessToken: string;
  accessTokenExpiresAt: string;
  /** Opaque; each use on /auth/refresh returns a new one and retires this one. */
  refreshToken: string;
  refreshTokenExpiresAt: string;
  alumnus: SessionAlumnusDto;
}

/** GET /privacy-notice: the notice an alumnus must accept before any personal data is kept. */
export interface PrivacyNoticeDto {
  version: string;
  title: string;
  effectiveDate: string;
  /** Paragraphs, in order. */
  sections: { heading: string; body: string }[];
}

/** POST /me/consent: the version the alumnus read and accepted. */
export interface ConsentRequest {
  version: string;
}

export interface ConsentDto {
  version: string;
  consentedAt: string;
}

/** POST /me/phone: the code the getPhoneNumber button gave the mini-program. */
export interface BindPhoneRequest {
  code: string;
}

/** The owner's own phone: the only answer that carries the full number. */
export interface MyPhoneDto {
  phoneNumber: string;
  countryCode: string;
  phoneMasked: string;
}

/** Demo mode only: a seeded account the H5 build can sign in as. */
export interface DemoAccountDto {
  openid: string;
  displayName: string;
  roles: Role[];
}

/** Demo mode only: POST /auth/demo-code; without an openid a new alumnus is made. */
export interface DemoCodeRequest {
  openid?: string;
}

export interface DemoCodeDto {
  code: string;
}

/** `13812341234` → `138****1234`; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 0))}${digits.slice(-2)}`;
}
