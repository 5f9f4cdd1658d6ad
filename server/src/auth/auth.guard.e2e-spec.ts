import { JwtService } from '@nestjs/jwt';
import { signedIn } from '../../test/auth.js';
import { ProbeModule } from '../../test/probe.module.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('the global auth guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('refuses a route not marked public without a token: 401 UNAUTHENTICATED', async () => {
    const res = await t.request('/api/v1/__probe/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses forged, foreign and expired tokens', async () => {
    const { alumnus } = await signedIn(t);
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: alumnus.id, roles: ['admin'] }, { issuer: 'alumnilink' });
    const expired = t.app.get(JwtService).sign({ sub: alumnus.id, roles: ['alumnus'] }, { expiresIn: -10 });
    for (const token of [forged, expired, 'not-a-jwt']) {
      const res = await t.request('/api/v1/__probe/me', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
  });

  it('refuses a token once it expires, though it was accepted before (a checked token is remembered only until then)', async () => {
    const { alumnus } = await signedIn(t);
    const token = t.app.get(JwtService).sign({ sub: alumnus.id, roles: ['alumnus'] }, { expiresIn: 2 });
    const asked = () => t.request('/api/v1/__probe/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await asked()).status).toBe(200);
    expect((await asked()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await asked()).status).toBe(401);
  });

  it('lets a signed-in alumnus through, with their id and roles', async () => {
    const { alumnus, headers } = await signedIn(t);
    const res = await t.request('/api/v1/__probe/me', { headers });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: alumnus.id, roles: ['alumnus'] });
  });

  it('keeps staff routes from alumni (403 FORBIDDEN) and opens them to staff and admins', async () => {
    const alumnus = await signedIn(t, ['alumnus']);
    expect((await t.request('/api/v1/__probe/staff', { headers: alumnus.headers })).body.error.code).toBe('FORBIDDEN');
    expect((await t.request('/api/v1/__probe/staff', { headers: (await signedIn(t, ['alumnus', 'staff'])).headers })).status).toBe(200);
    expect((await t.request('/api/v1/__probe/staff', { headers: (await signedIn(t, ['alumnus', 'admin'])).headers })).status).toBe(200);
  });

  it('leaves public routes open, with or without a token', async () => {
    expect((await t.request('/api/v1/events')).status).toBe(200);
    expect((await t.request('/api/v1/events', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(200);
  });
});
