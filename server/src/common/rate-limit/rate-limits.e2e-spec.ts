import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startTestApp, type TestApp, useTwoInstances } from '../../../test/test-app.js';
import type { SessionDto } from '@alumni/shared';
import { bearer, json, newOpenid, wechatFake } from '../../../test/wechat.js';
import { type RateLimitedAction } from './rate-limits.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** A key prefix of its own, so parallel test files (and runs) never share a counter. */
const keyPrefix = () => `alumnilink-test:${randomBytes(6).toString('hex')}:throttle:`;

const signIn = (t: TestApp) => t.request('/api/v1/auth/wechat', json({ code: wechatFake(t).mintLoginCode({ openid: newOpenid() }) }));

describe.each([
  ['with REDIS_URL, the two instances share one count', { REDIS_URL }, 429],
  ['without REDIS_URL, each instance counts its own', {}, 200],
])('sign-in limit across two instances: %s', (_case, redis, nextStatus) => {
  const prefix = keyPrefix();
  const instances = useTwoInstances({ ...redis, RATE_LIMITS: 'signIn=3/60', THROTTLE_KEY_PREFIX: prefix });
  afterAll(async () => {
    if (!('REDIS_URL' in redis)) return;
    const client = new Redis(REDIS_URL);
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
  });

  it(`answers the fourth sign-in on the other instance with ${nextStatus}`, async () => {
    const { a, b } = instances;
    const first = await signIn(a);
    expect([first.status, (await signIn(b)).status, (await signIn(a)).status]).toEqual([200, 200, 200]);
    // Counted, but not announced: an answer that passes carries no X-RateLimit-* headers.
    expect([...first.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
    const fourth = await signIn(b);
    expect(fourth.status).toBe(nextStatus);
    if (nextStatus === 429) {
      expect(fourth.body.error.code).toBe('SIGN_IN_RATE_LIMITED');
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(fourth.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
  });
});

describe('limits of single actions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMITS: 'signIn=1000/60,verification=2/60,posting=2/60,donation=2/60' } });
  });
  afterAll(() => t.close());

  const session = async () => (await signIn(t)).body as SessionDto;
  const post = (path: string, token: SessionDto, body: unknown = {}) => t.request(path, json(body, bearer(token)));

  // Requests count when they reach the route, whatever they then answer (here 400/404), so
  // one that fails validation still spends a try.
  const cases: [RateLimitedAction, string, (token: SessionDto) => ReturnType<TestApp['request']>][] = [
    ['verification', 'VERIFICATION_RATE_LIMITED', (token) => post('/api/v1/me/claims', token, { studentNumber: '2010001' })],
    ['posting', 'POSTING_RATE_LIMITED', (token) => post(`/api/v1/groups/${randomUUID()}/posts`, token, { body: '大家好' })],
    ['donation', 'DONATION_RATE_LIMITED', (token) => post(`/api/v1/campaigns/${randomUUID()}/donations`, token, { amountFen: 100 })],
  ];

  it.each(cases)('%s: the third try within the window is 429 %s; another alumnus still gets through', async (_action, code, act) => {
    const alice = await session();
    const first = await act(alice);
    const second = await act(alice);
    expect([first.status, second.status]).not.toContain(429);
    const third = await act(alice);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe(code);
    expect((await act(await session())).status).not.toBe(429);
  });

  it('counts posts and comments together', async () => {
    const bob = await session();
    await post(`/api/v1/groups/${randomUUID()}/posts`, bob, { body: '大家好' });
    await post(`/api/v1/group-posts/${randomUUID()}/comments`, bob, { body: '你好' });
    const third = await post(`/api/v1/group-posts/${randomUUID()}/comments`, bob, { body: '你好' });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('POSTING_RATE_LIMITED');
  });
});
