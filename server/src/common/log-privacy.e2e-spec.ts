import { Writable } from 'node:stream';
import { Controller, Module, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionDto } from '@alumni/shared';
import { campaignFactory } from '../../test/factories.js';
import { payFake } from '../../test/giving.js';
import { settledMessages, subscribe } from '../../test/notifications.js';
import { createDepartments } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, wechatFake } from '../../test/wechat.js';
import { DEVELOPMENT_JWT_SECRET } from '../config/auth.config.js';
import { DEVELOPMENT_WECHAT_APP_SECRET } from '../config/wechat.config.js';
import { DEVELOPMENT_WECHATPAY_APIV3_KEY, DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY } from '../wechat-pay/development-keys.js';

/** What WeChat would tell us about this alumnus at sign-in; known here so the log can be searched for it. */
const OPENID = 'o_logcheck_4bX9qLmT2vWz';
const UNIONID = 'u_logcheck_7hK3pNs8dR1c';
const SESSION_KEY = 'c2Vzc2lvbi1rZXktbG9nY2hlY2s=';
const LOGIN_CODE = 'login-code-logcheck-0f9e8d7c';
const PHONE = '13987654321';
const STUDENT_NUMBER = 'S2010LOGCHECK77';
const CLAIM_NAME = '欧阳日志';
const BIO = '在日志里不该出现的个人简介';

/** A query that fails with personal data among its parameters, as a constraint or a bug would make one fail. */
@Controller('__log-probe')
class QueryFaultController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('query-fault')
  async fail(): Promise<void> {
    await this.dataSource.query('SELECT 1 / 0 WHERE $1::text IS NOT NULL', [PHONE]);
  }
}

@Module({ controllers: [QueryFaultController] })
class QueryFaultModule {}

describe('what the server writes to its log during a real flow', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The most talkative level: what an operator sees while debugging must be as clean.
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logDestination: destination, imports: [QueryFaultModule] });
  });
  afterAll(() => t.close());

  it('holds requests and faults, but no token, code, key, secret, phone number, openid or claimant data', async () => {
    const fake = wechatFake(t);
    fake.route('GET /sns/jscode2session', ({ query, res }) =>
      query.js_code === LOGIN_CODE
        ? fake.send(res, { openid: OPENID, unionid: UNIONID, session_key: SESSION_KEY })
        : fake.error(res, 40029),
    );
    // Sign in, with a failed attempt first (a fault is logged).
    expect((await t.request('/api/v1/auth/wechat', json({ code: 'login-code-wrong-5a4b3c' }))).status).toBe(401);
    const signedIn = await t.request('/api/v1/auth/wechat', json({ code: LOGIN_CODE }));
    expect(signedIn.status).toBe(200);
    const first = signedIn.body as SessionDto;
    const refreshed = await t.request('/api/v1/auth/refresh', json({ refreshToken: first.refreshToken }));
    expect(refreshed.status).toBe(200);
    const session = refreshed.body as SessionDto;
    const auth = bearer(session);

    const { version } = (await t.request('/api/v1/privacy-notice')).body as { version: string };
    expect((await t.request('/api/v1/me/consent', json({ version }, auth))).status).toBeLessThan(300);
    const phoneCode = fake.mintPhoneCode({ openid: OPENID, phoneNumber: PHONE });
    expect((await t.request('/api/v1/me/phone', json({ code: phoneCode }, auth))).status).toBe(200);
    expect((await t.request('/api/v1/me/phone', json({ code: phoneCode }, auth))).status).toBe(400);
    expect((await t.request('/api/v1/me/phone', { headers: auth })).status).toBe(200);

    const profile = await t.request('/api/v1/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ city: '杭州', bio: BIO }),
    });
    expect(profile.status).toBe(200);
    const departments = await createDepartments(t, ['日志学院']);
    const claim = await t.request(
      '/api/v1/me/claims',
      json({ name: CLAIM_NAME, graduationYear: 2010, departmentId: departments.get('日志学院'), studentNumber: STUDENT_NUMBER }, auth),
    );
    expect(claim.status).toBe(201);

    await subscribe(t, auth, ['donationThanks']);
    const campaign = await campaignFactory(t.dataSource)();
    const order = await t.request(`/api/v1/campaigns/${campaign.id}/donations`, json({ amountFen: 2000 }, auth));
    expect(order.status).toBe(201);
    payFake(t).pay(order.body.donation.outTradeNo);
    const [thanks] = await settledMessages(t, session.alumnus.id, 'giving.thanked');
    expect(thanks!.status).toBe('sent');

    const fault = await t.request('/api/v1/__log-probe/query-fault', { method: 'POST', headers: auth });
    expect(fault.body.error.code).toBe('INTERNAL');

    const [{ access_token: wechatAccessToken }] = (await t.dataSource.query('SELECT access_token FROM wechat_access_tokens')) as [
      { access_token: string },
    ];
    const log = lines.join('');
    // The log is there and describes the flow, so the searches below search something.
    expect(log).toContain('"url":"/api/v1/auth/wechat"');
    expect(log).toContain('"url":"/api/v1/me/claims"');
    expect(log).toContain('WeChat call failed');
    expect(log).toContain('division by zero');

    const payment = order.body.payment as Record<string, string>;
    const forbidden: Record<string, string> = {
      'access token (JWT)': session.accessToken,
      'earlier access token (JWT)': first.accessToken,
      'refresh token': session.refreshToken,
      'spent refresh token': first.refreshToken,
      'WeChat login code': LOGIN_CODE,
      'WeChat phone code': phoneCode,
      session_key: SESSION_KEY,
      appsecret: DEVELOPMENT_WECHAT_APP_SECRET,
      'WeChat access token': wechatAccessToken,
      'JWT secret': DEVELOPMENT_JWT_SECRET,
      'APIv3 key': DEVELOPMENT_WECHATPAY_APIV3_KEY,
      'merchant private key': DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY.split('\n')[1]!,
      'payment signature': payment.paySign!,
      'prepay id': payment.package!,
      'phone number': PHONE,
      openid: OPENID,
      unionid: UNIONID,
      'student number': STUDENT_NUMBER,
      "claimant's name": CLAIM_NAME,
      'profile text': BIO,
    };
    const leaks = Object.entries(forbidden)
      .filter(([, value]) => log.includes(value))
      .map(([name]) => name);
    expect(leaks).toEqual([]);
    expect(log).not.toMatch(/Bearer\s+ey/i);
  });

  it('writes one line per answered request: its id, method, path without the query, status and time; none for health probes', async () => {
    lines.length = 0;
    const refused = await t.request('/api/v1/events?limit=0&token=should-not-be-logged', {
      headers: { 'x-request-id': 'log-line-check-1' },
    });
    expect(refused.status).toBe(400);
    await t.request('/api/health/live');
    await t.request('/api/health/ready');
    const requestLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => 'req' in line);
    expect(requestLines).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: { id: 'log-line-check-1', method: 'GET', url: '/api/v1/events' },
        res: { statusCode: 400 },
        responseTime: expect.any(Number),
      }),
    ]);
  });
});
