import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { signedIn } from '../../test/auth.js';
import { PRODUCTION_ENV } from '../../test/production-env.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { WechatPayEndpoint } from '../wechat-pay/wechat-pay-endpoint.js';
import { WechatEndpoint } from '../wechat/wechat-endpoint.js';
import { DEVELOPMENT_JWT_SECRET } from './auth.config.js';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** What only the demo may answer; each is asked through HTTP as a visitor would. */
async function demoAnswers(t: TestApp): Promise<Record<string, string>> {
  const { headers } = await signedIn(t);
  const asked = {
    'GET /api/v1/auth/demo-accounts': t.request('/api/v1/auth/demo-accounts'),
    'POST /api/v1/auth/demo-code': t.request('/api/v1/auth/demo-code', json({ openid: 'o_demo_staff' })),
    'POST /api/v1/me/phone/demo-code': t.request('/api/v1/me/phone/demo-code', {
      ...json({ phoneNumber: '13800138000' }),
      headers: { ...headers, 'content-type': 'application/json' },
    }),
    'POST /api/v1/donations/{id}/simulate-payment': t.request(`/api/v1/donations/${randomUUID()}/simulate-payment`, {
      method: 'POST',
      headers,
    }),
    'POST /__fake/login-code': t.request('/__fake/login-code', json({ openid: 'o_demo_staff' })),
  };
  return Object.fromEntries(
    await Promise.all(
      Object.entries(asked).map(async ([route, answer]) => {
        const { status, body } = await answer;
        return [route, `${status} ${body?.error?.code ?? ''}`.trim()];
      }),
    ),
  );
}

describe('the demo switch', () => {
  describe('without DEMO', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { ...PRODUCTION_ENV, DEMO: 'false', SEED_DEMO: '' } });
    });
    afterAll(() => t.close());

    it('answers no demo sign-in route and no fake hook', async () => {
      expect(await demoAnswers(t)).toEqual({
        'GET /api/v1/auth/demo-accounts': '404 DEMO_MODE_ONLY',
        'POST /api/v1/auth/demo-code': '404 DEMO_MODE_ONLY',
        'POST /api/v1/me/phone/demo-code': '404 DEMO_MODE_ONLY',
        'POST /api/v1/donations/{id}/simulate-payment': '404 PAYMENT_SIMULATION_UNAVAILABLE',
        'POST /__fake/login-code': '404 ROUTE_NOT_FOUND',
      });
    });

    it('starts no fake: the clients talk to WeChat and WeChat Pay themselves', () => {
      expect(t.app.get(WechatEndpoint)).toMatchObject({ baseUrl: 'https://api.weixin.qq.com', fake: null });
      expect(t.app.get(WechatPayEndpoint)).toMatchObject({ baseUrl: 'https://api.mch.weixin.qq.com', fake: null });
    });

    it('accepts no token signed with the development secret, though it names a real administrator', async () => {
      const { alumnus, headers } = await signedIn(t, ['alumnus', 'staff', 'admin']);
      expect((await t.request('/api/v1/admin/staff', { headers })).status).toBe(200);
      const forged = new JwtService({ secret: DEVELOPMENT_JWT_SECRET }).sign(
        { sub: alumnus.id, roles: ['alumnus', 'staff', 'admin'] },
        { issuer: 'alumnilink', expiresIn: 600 },
      );
      const res = await t.request('/api/v1/admin/staff', { headers: { authorization: `Bearer ${forged}` } });
      expect(res.status).toBe(401);
    });

    it('seeds no demo college', async () => {
      expect(await t.dataSource.getRepository(AlumnusEntity).countBy({ openid: 'o_demo_staff' })).toBe(0);
    });
  });

  describe('with DEMO=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { DEMO: 'true' } });
    });
    afterAll(() => t.close());

    it('answers the demo sign-in routes (the fake hooks live on the fake’s own port, never on ours)', async () => {
      expect(await demoAnswers(t)).toEqual({
        'GET /api/v1/auth/demo-accounts': '200',
        'POST /api/v1/auth/demo-code': '200',
        'POST /api/v1/me/phone/demo-code': '200',
        'POST /api/v1/donations/{id}/simulate-payment': '404 DONATION_NOT_FOUND',
        'POST /__fake/login-code': '404 ROUTE_NOT_FOUND',
      });
      expect(t.app.get(WechatEndpoint).fake).not.toBeNull();
    });
  });
});
