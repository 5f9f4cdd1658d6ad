import type { ConsentDto, DemoAccountDto, DemoCodeDto, MyPhoneDto, PrivacyNoticeDto, SessionAlumnusDto, SessionDto } from '@alumni/shared';
import { request } from './request';
import { clearSession, loadSession, saveSession, updateSessionAlumnus } from './session';

/** Signs in with a WeChat login code (from wx.login, or the demo fake in H5) and keeps the session. */
export async function signInWithCode(code: string): Promise<SessionDto> {
  const session = await request<SessionDto>({ method: 'POST', path: '/api/v1/auth/wechat', body: { code } });
  saveSession(session);
  return session;
}

/** Forgets the session on this device and revokes it on the server (best effort: offline still signs out). */
export async function signOut(): Promise<void> {
  const session = loadSession();
  clearSession();
  if (session) {
    await request<void>({ method: 'POST', path: '/api/v1/auth/logout', body: { refreshToken: session.refreshToken } }).catch(
      () => undefined,
    );
  }
}

/** Who is signed in, fresh from the server; also updates the stored copy. */
export async function fetchSessionAlumnus(): Promise<SessionAlumnusDto> {
  const alumnus = await request<SessionAlumnusDto>({ path: '/api/v1/auth/session' });
  updateSessionAlumnus(alumnus);
  return alumnus;
}

export function getPrivacyNotice(): Promise<PrivacyNoticeDto> {
  return request<PrivacyNoticeDto>({ path: '/api/v1/privacy-notice' });
}

export async function acceptPrivacyNotice(version: string): Promise<ConsentDto> {
  const consent = await request<ConsentDto>({ method: 'POST', path: '/api/v1/me/consent', body: { version } });
  const session = loadSession();
  if (session) updateSessionAlumnus({ ...session.alumnus, consentRequired: false });
  return consent;
}

/** Binds the phone from the getPhoneNumber button's code. */
export async function bindPhone(code: string): Promise<MyPhoneDto> {
  const phone = await request<MyPhoneDto>({ method: 'POST', path: '/api/v1/me/phone', body: { code } });
  const session = loadSession();
  if (session) updateSessionAlumnus({ ...session.alumnus, phoneMasked: phone.phoneMasked });
  return phone;
}

/** Demo mode (H5 with the fake WeChat): the seeded accounts to sign in as. */
export function getDemoAccounts(): Promise<DemoAccountDto[]> {
  return request<DemoAccountDto[]>({ path: '/api/v1/auth/demo-accounts' });
}

/** Demo mode: a login code for a seeded account, or for a new alumnus without an openid. */
export function getDemoLoginCode(openid?: string): Promise<DemoCodeDto> {
  return request<DemoCodeDto>({ method: 'POST', path: '/api/v1/auth/demo-code', body: openid ? { openid } : {} });
}

/** Demo mode: a phone code standing in for the getPhoneNumber button. */
export function getDemoPhoneCode(phoneNumber: string): Promise<DemoCodeDto> {
  return request<DemoCodeDto>({ method: 'POST', path: '/api/v1/me/phone/demo-code', body: { phoneNumber } });
}
