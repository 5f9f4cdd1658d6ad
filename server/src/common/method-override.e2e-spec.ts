import { signedIn } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';

const CONSENTED = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };

/** WeChat's wx.request has no PATCH: a partial update also arrives as POST + X-HTTP-Method-Override. */
describe('method override for partial updates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const send = (method: string, headers: Record<string, string>, body?: unknown) =>
    t.request('/api/v1/me', {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('runs a POST with X-HTTP-Method-Override: PATCH as the PATCH, with its validation and answer', async () => {
    const me = await signedIn(t, ['alumnus'], { ...CONSENTED, city: '杭州' });

    const res = await send('POST', { ...me.headers, 'X-HTTP-Method-Override': 'patch' }, { city: '宁波' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: me.alumnus.id, city: '宁波' });
    expect((await send('GET', me.headers)).body.city).toBe('宁波');

    const invalid = await send('POST', { ...me.headers, 'X-HTTP-Method-Override': 'PATCH' }, { city: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps its access rule: anonymous callers are asked to sign in', async () => {
    const res = await send('POST', { 'X-HTTP-Method-Override': 'PATCH' }, { city: '宁波' });
    expect(res.status).toBe(401);
  });

  it('still answers PATCH itself, for other clients', async () => {
    const me = await signedIn(t, ['alumnus'], CONSENTED);
    expect((await send('PATCH', me.headers, { city: '温州' })).body.city).toBe('温州');
  });

  it('refuses any other override instead of running the plain method', async () => {
    const me = await signedIn(t, ['alumnus'], { ...CONSENTED, city: '杭州' });
    for (const [method, override] of [
      ['POST', 'DELETE'],
      ['POST', 'PUT'],
      ['GET', 'PATCH'],
      ['DELETE', 'PATCH'],
    ] as const) {
      const res = await send(method, { ...me.headers, 'X-HTTP-Method-Override': override }, method === 'POST' ? {} : undefined);
      expect({ method, override, status: res.status, code: res.body?.error?.code }).toEqual({
        method,
        override,
        status: 400,
        code: 'METHOD_OVERRIDE_NOT_ALLOWED',
      });
    }
    // Nothing ran: the account is still there, its city unchanged.
    expect((await send('GET', me.headers)).body.city).toBe('杭州');
  });

  it('documents the override on every PATCH operation', async () => {
    const { paths } = (await t.request('/api/openapi.json')).body;
    const patches = Object.values<any>(paths).flatMap((item) => (item.patch ? [item.patch] : []));
    expect(patches.length).toBeGreaterThanOrEqual(4);
    for (const op of patches) {
      expect(op['x-method-override']).toEqual({ method: 'POST', header: 'X-HTTP-Method-Override', value: 'PATCH' });
      expect(Object.keys(op.responses['400'].content['application/json'].examples)).toContain('METHOD_OVERRIDE_NOT_ALLOWED');
    }
  });
});
