import type { SessionDto } from '@alumni/shared';
import Taro from '@tarojs/taro';
import { storage } from '../../test/mocks/taro';
import { acceptPrivacyNotice, signInWithCode, signOut } from './auth';
import { refreshSession, request } from './request';
import { loadSession, saveSession } from './session';

const taroRequest = Taro.request as jest.Mock;

const session = (n: number, consentRequired = false): SessionDto => ({
  accessToken: `access-${n}`,
  accessTokenExpiresAt: '2026-11-24T12:00:00.000Z',
  refreshToken: `refresh-${n}`,
  refreshTokenExpiresAt: '2026-12-24T12:00:00.000Z',
  alumnus: { id: 'a1', displayName: '新校友', roles: ['alumnus'], consentRequired, phoneMasked: null },
});
const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });
const unauthenticated = (code = 'UNAUTHENTICATED') => ({
  statusCode: 401,
  data: { error: { code, message: '请先登录', details: [] } },
  header: {},
});
const sentAuthorization = (call: number) => (taroRequest.mock.calls[call]![0] as { header: Record<string, string> }).header.Authorization;

beforeEach(() => {
  storage.clear();
  taroRequest.mockReset();
});

describe('the session on the device', () => {
  it('is kept after sign-in and sent as a bearer token', async () => {
    taroRequest.mockResolvedValueOnce(ok(session(1, true))).mockResolvedValueOnce(ok({ name: '学院' }));

    await signInWithCode('code-1');
    expect(loadSession()).toEqual(session(1, true));
    await request({ path: '/api/v1/school' });

    expect(taroRequest.mock.calls[0]![0]).toMatchObject({ url: '/api/v1/auth/wechat', method: 'POST', data: { code: 'code-1' } });
    expect(sentAuthorization(1)).toBe('Bearer access-1');
  });

  it('sends no token when signed out', async () => {
    taroRequest.mockResolvedValueOnce(ok({}));
    await request({ path: '/api/v1/school' });
    expect(sentAuthorization(0)).toBeUndefined();
  });

  it('remembers that consent was given', async () => {
    saveSession(session(1, true));
    taroRequest.mockResolvedValueOnce(ok({ version: 'v1', consentedAt: '2026-11-24T12:00:00.000Z' }));
    await acceptPrivacyNotice('v1');
    expect(loadSession()!.alumnus.consentRequired).toBe(false);
  });
});

describe('an expired access token', () => {
  it('is refreshed once and the call sent again with the new token', async () => {
    saveSession(session(1));
    taroRequest
      .mockResolvedValueOnce(unauthenticated())
      .mockResolvedValueOnce(ok(session(2)))
      .mockResolvedValueOnce(ok({ items: [] }));

    await expect(request({ method: 'POST', path: '/api/v1/me/consent', body: { version: 'v1' } })).resolves.toEqual({ items: [] });

    expect(taroRequest.mock.calls[1]![0]).toMatchObject({ url: '/api/v1/auth/refresh', data: { refreshToken: 'refresh-1' } });
    expect(sentAuthorization(1)).toBeUndefined();
    expect(sentAuthorization(2)).toBe('Bearer access-2');
    expect(loadSession()!.refreshToken).toBe('refresh-2');
  });

  it('signs the device out when the refresh token is refused, and reports the first 401', async () => {
    saveSession(session(1));
    taroRequest.mockResolvedValueOnce(unauthenticated()).mockResolvedValueOnce(unauthenticated('REFRESH_TOKEN_INVALID'));

    await expect(request({ path: '/api/v1/auth/session' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(taroRequest).toHaveBeenCalledTimes(2);
    expect(loadSession()).toBeNull();
  });

  it('does not loop: a second 401 after a refresh is final', async () => {
    saveSession(session(1));
    taroRequest
      .mockResolvedValueOnce(unauthenticated())
      .mockResolvedValueOnce(ok(session(2)))
      .mockResolvedValueOnce(unauthenticated());

    await expect(request({ method: 'POST', path: '/api/v1/me/phone', body: { code: 'p' } })).rejects.toMatchObject({ status: 401 });
    expect(taroRequest).toHaveBeenCalledTimes(3);
  });

  it('is refreshed only once when several calls fail together (a spent refresh token would sign the device out)', async () => {
    saveSession(session(1));
    let resolveRefresh: (value: unknown) => void = () => undefined;
    taroRequest.mockImplementation(({ url }: { url: string }) =>
      url.endsWith('/auth/refresh') ? new Promise((resolve) => (resolveRefresh = resolve)) : Promise.resolve(ok({})),
    );
    const both = Promise.all([refreshSession(), refreshSession()]);
    resolveRefresh(ok(session(2)));
    expect(await both).toEqual([true, true]);
    expect(taroRequest.mock.calls.filter(([options]) => (options as { url: string }).url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('does not refresh for a refused WeChat code (401 WECHAT_CODE_INVALID)', async () => {
    saveSession(session(1));
    taroRequest.mockResolvedValueOnce(unauthenticated('WECHAT_CODE_INVALID'));
    await expect(signInWithCode('used')).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    expect(taroRequest).toHaveBeenCalledTimes(1);
  });
});

describe('signing out', () => {
  it('forgets the session and revokes it on the server', async () => {
    saveSession(session(3));
    taroRequest.mockResolvedValueOnce({ statusCode: 204, data: '', header: {} });
    await signOut();
    expect(loadSession()).toBeNull();
    expect(taroRequest.mock.calls[0]![0]).toMatchObject({ url: '/api/v1/auth/logout', data: { refreshToken: 'refresh-3' } });
  });

  it('still signs out on the device when offline', async () => {
    saveSession(session(3));
    taroRequest.mockRejectedValueOnce(new Error('offline'));
    await signOut();
    expect(loadSession()).toBeNull();
  });
});
