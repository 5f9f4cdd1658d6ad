import { Redis } from 'ioredis';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, newOpenid, signInWithWechat, wechatFake } from '../../test/wechat.js';
import { DEVELOPMENT_WECHAT_APP_ID, DEVELOPMENT_WECHAT_APP_SECRET } from '../config/wechat.config.js';
import { FakeWechatServer } from './fake/fake-wechat.server.js';
import { WechatAccessTokenService } from './wechat-access-token.service.js';

const PATH_LOGIN = '/sns/jscode2session';
const PATH_TOKEN = '/cgi-bin/stable_token';
const PATH_PHONE = '/wxa/business/getuserphonenumber';

describe('WeChat login errors, as our client sees them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_TIMEOUT_MS: '300' } });
  });
  afterAll(() => t.close());

  const signIn = (code: string) => t.request('/api/v1/auth/wechat', json({ code }));
  const alumniCount = () => t.dataSource.getRepository(AlumnusEntity).count();

  it.each([
    ['an unknown code (40029)', 401, 'WECHAT_CODE_INVALID', null],
    ['the minute quota (45011)', 429, 'WECHAT_RATE_LIMITED', { errcode: 45011 }],
    ['a risk-control block (40226)', 403, 'WECHAT_LOGIN_BLOCKED', { errcode: 40226 }],
    ['system busy (-1)', 503, 'WECHAT_UNAVAILABLE', { errcode: -1 }],
    ['an answer that is not JSON', 503, 'WECHAT_UNAVAILABLE', { garbage: true }],
    ['no answer within WECHAT_TIMEOUT_MS', 503, 'WECHAT_UNAVAILABLE', { delayMs: 1500 }],
  ])('answers %s with %i %s, and makes no account', async (_case, status, code, fault) => {
    const before = await alumniCount();
    const fake = wechatFake(t);
    let loginCode = 'never-issued';
    if (fault) {
      loginCode = fake.mintLoginCode({ openid: newOpenid() });
      fake.injectFault({ ...fault, path: PATH_LOGIN });
    }
    const res = await signIn(loginCode);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), details: [] } });
    expect(await alumniCount()).toBe(before);
  });

  it('refuses a code older than five minutes (40029)', async () => {
    const fake = wechatFake(t);
    const code = fake.mintLoginCode({ openid: newOpenid() });
    fake.advanceClock(5 * 60 * 1000 + 1000);
    try {
      expect((await signIn(code)).body.error.code).toBe('WECHAT_CODE_INVALID');
    } finally {
      fake.advanceClock(-(5 * 60 * 1000 + 1000));
    }
  });

  it('reads the jscode2session answer although it comes as text/plain', async () => {
    const fake = wechatFake(t);
    const response = await fetch(
      `${fake.url}${PATH_LOGIN}?appid=${DEVELOPMENT_WECHAT_APP_ID}&secret=${DEVELOPMENT_WECHAT_APP_SECRET}&js_code=${fake.mintLoginCode({ openid: 'o_x_1' })}&grant_type=authorization_code`,
    );
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect((await signInWithWechat(t)).alumnus.id).toEqual(expect.any(String));
  });
});

describe('the fake WeChat server', () => {
  let fake: FakeWechatServer;
  beforeAll(async () => {
    fake = await FakeWechatServer.start({ appId: 'wxfake0000000001', appSecret: 'fake-secret-0000000000' });
  });
  afterAll(() => fake.close());

  const get = async (path: string): Promise<any> => (await fetch(`${fake.url}${path}`)).json();
  const post = async (path: string, body: unknown): Promise<any> =>
    (
      await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    ).json();

  it('checks appid, secret and code like WeChat, answering HTTP 200 with errcode and a rid', async () => {
    const { code } = await post('/__fake/login-code', { openid: 'o_1', unionid: 'u_1' });
    expect(
      await get(`${PATH_LOGIN}?appid=wxother0000000&secret=fake-secret-0000000000&js_code=${code}&grant_type=authorization_code`),
    ).toEqual({
      errcode: 40013,
      errmsg: expect.stringMatching(/rid: \S+$/),
    });
    expect((await get(`${PATH_LOGIN}?appid=wxfake0000000001&secret=wrong&js_code=${code}&grant_type=authorization_code`)).errcode).toBe(
      40125,
    );
    expect((await get(`${PATH_LOGIN}?appid=wxfake0000000001&secret=fake-secret-0000000000&grant_type=authorization_code`)).errcode).toBe(
      41008,
    );
    const ok = await get(
      `${PATH_LOGIN}?appid=wxfake0000000001&secret=fake-secret-0000000000&js_code=${code}&grant_type=authorization_code`,
    );
    expect(ok).toEqual({ openid: 'o_1', unionid: 'u_1', session_key: expect.any(String) });
    expect(Buffer.from(ok.session_key, 'base64')).toHaveLength(16);
  });

  it('issues stable tokens (same token in normal mode, a new one when forced) and validates them', async () => {
    const credentials = { grant_type: 'client_credential', appid: 'wxfake0000000001', secret: 'fake-secret-0000000000' };
    const first = await post(PATH_TOKEN, credentials);
    expect(first).toEqual({ access_token: expect.any(String), expires_in: expect.any(Number) });
    expect((await post(PATH_TOKEN, credentials)).access_token).toBe(first.access_token);
    const forced = await post(PATH_TOKEN, { ...credentials, force_refresh: true });
    expect(forced.access_token).not.toBe(first.access_token);
    expect((await post(PATH_TOKEN, { ...credentials, force_refresh: true })).errcode).toBe(45011);
    expect((await post(`${PATH_PHONE}?access_token=${first.access_token}`, { code: 'x' })).errcode).toBe(40001);
    fake.advanceClock(7300 * 1000);
    expect((await post(`${PATH_PHONE}?access_token=${forced.access_token}`, { code: 'x' })).errcode).toBe(42001);
  });
});

const REDIS_URL = 'redis://127.0.0.1:6379';

describe.each(['PostgreSQL', 'Redis'] as const)('the access token, shared through %s', (store) => {
  let fake: FakeWechatServer;
  let a: TestApp;
  let b: TestApp;
  let redis: Redis | null = null;
  // Its own app id, so parallel test files sharing the Redis server never see each other's token.
  const appId = `wx${store === 'Redis' ? 'r' : 'p'}${process.pid}${Date.now().toString(36)}`;
  // Both instances talk to one fake and share one database (and Redis), like two containers in production.
  beforeAll(async () => {
    fake = await FakeWechatServer.start({ appId, appSecret: DEVELOPMENT_WECHAT_APP_SECRET });
    const env: Record<string, string> = { WECHAT_FAKE: 'false', WECHAT_API_BASE: fake.url, WECHAT_APP_ID: appId };
    if (store === 'Redis') {
      env.REDIS_URL = REDIS_URL;
      redis = new Redis(REDIS_URL);
    }
    a = await startTestApp({ env });
    b = await startTestApp({ env, db: a.db });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await fake.close();
    await redis?.del(`alumnilink:wechat:access-token:${appId}`);
    await redis?.quit();
  });

  const consentedAlumnus = async (t: TestApp) => {
    const openid = newOpenid();
    const code = fake.mintLoginCode({ openid });
    const session = (await t.request('/api/v1/auth/wechat', json({ code }))).body;
    const version = (await t.request('/api/v1/privacy-notice')).body.version;
    await t.request('/api/v1/me/consent', json({ version }, bearer(session)));
    return { openid, session };
  };
  const bindPhone = async (t: TestApp, who: { openid: string; session: { accessToken: string } }, phoneNumber = '13812341234') => {
    const code = fake.mintPhoneCode({ openid: who.openid, phoneNumber });
    return t.request('/api/v1/me/phone', json({ code }, { authorization: `Bearer ${who.session.accessToken}` }));
  };
  const tokenFetches = () => fake.calls.get(PATH_TOKEN) ?? 0;

  it('is fetched once for many calls, and shared by both instances', async () => {
    const who = await Promise.all([consentedAlumnus(a), consentedAlumnus(a), consentedAlumnus(b), consentedAlumnus(b)]);
    const results = await Promise.all([bindPhone(a, who[0]!), bindPhone(a, who[1]!), bindPhone(b, who[2]!), bindPhone(b, who[3]!)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(tokenFetches()).toBe(1);
    expect(fake.calls.get(PATH_PHONE)).toBe(4);
    const rows = await a.dataSource.query(
      'SELECT app_id, length(access_token) > 0 AS has_token, expires_at > now() AS live FROM wechat_access_tokens',
    );
    if (store === 'PostgreSQL') {
      expect(rows).toEqual([{ app_id: appId, has_token: true, live: true }]);
    } else {
      expect(rows).toEqual([]);
      expect(JSON.parse((await redis!.get(`alumnilink:wechat:access-token:${appId}`))!)).toEqual({
        token: expect.any(String),
        obtainedAt: expect.any(String),
        expiresAt: expect.any(String),
      });
    }
  });

  it('on 40001 refreshes once and retries the call once; the other instance picks up the new token without fetching', async () => {
    fake.revokeTokens();
    const before = tokenFetches();
    const phoneCallsBefore = fake.calls.get(PATH_PHONE)!;
    const onA = await bindPhone(a, await consentedAlumnus(a));
    expect(onA.status).toBe(200);
    expect(tokenFetches()).toBe(before + 1);
    expect(fake.calls.get(PATH_PHONE)).toBe(phoneCallsBefore + 2);
    // b still remembers the revoked token: it is refused once, and b takes a's new token from the store.
    const onB = await bindPhone(b, await consentedAlumnus(b));
    expect(onB.status).toBe(200);
    expect(tokenFetches()).toBe(before + 1);
  });

  it('gives up after one retry: a second 40001 is 503 WECHAT_UNAVAILABLE', async () => {
    const who = await consentedAlumnus(a);
    fake.injectFault({ errcode: 40001, path: PATH_PHONE });
    fake.injectFault({ errcode: 40001, path: PATH_PHONE });
    const res = await bindPhone(a, who);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('maps rate limits and busy answers of the phone API to 429 and 503', async () => {
    const who = await consentedAlumnus(a);
    fake.injectFault({ errcode: 45011, path: PATH_PHONE });
    expect((await bindPhone(a, who)).body.error.code).toBe('WECHAT_RATE_LIMITED');
    fake.injectFault({ errcode: -1, path: PATH_PHONE });
    const busy = await bindPhone(a, who);
    expect(busy.status).toBe(503);
    expect(busy.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('the access token before it expires', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is refreshed within five minutes of expiry, so 42001 never reaches the user', async () => {
    const service = t.app.get(WechatAccessTokenService);
    const current = await service.current();
    // Two hours old and ten seconds from expiry: inside the safety margin.
    await t.dataSource.query(
      `UPDATE wechat_access_tokens SET obtained_at = now() - interval '2 hours', expires_at = now() + interval '10 seconds'`,
    );
    // Forget what the instance remembers, as a freshly started one would.
    (service as unknown as { cached: null }).cached = null;
    wechatFake(t).revokeTokens();
    expect(await service.current()).not.toBe(current);
    expect(await service.current()).toBe(await service.current());
  });
});
