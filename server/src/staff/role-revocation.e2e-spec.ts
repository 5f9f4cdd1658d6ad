import { createAlumnus, signedIn } from '../../test/auth.js';
import { eventually } from '../../test/notifications.js';
import { statementsOf } from '../../test/statements.js';
import { useTwoInstances, type TestApp } from '../../test/test-app.js';
import { TableChanges } from '../read-cache/table-changes.js';

const STAFF_ROUTE = '/api/v1/staff/events';

/** A real session through the demo sign-in: an access token and the refresh token that renews it. */
async function session(t: TestApp, openid: string): Promise<{ accessToken: string; refreshToken: string }> {
  const { code } = (await t.request('/api/v1/auth/demo-code', post({ openid }))).body;
  return (await t.request('/api/v1/auth/wechat', post({ code }))).body;
}
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a revoked staff or admin role', () => {
  const pair = useTwoInstances();
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    admin = await signedIn(pair.a, ['alumnus', 'staff', 'admin']);
  });

  /** Asks b until it answers `status`; fails with what it answered after five seconds. */
  const onB = async (path: string, token: string, status: number) => {
    let last = 0;
    await eventually(async () => {
      last = (await pair.b.request(path, { headers: bearer(token) })).status;
      return last === status ? true : undefined;
    }, 5_000).catch(() => {
      throw new Error(`${path} on the other instance still answers ${last}`);
    });
  };

  it('stops working on every instance at once, long before the token expires; the refresh brings the alumnus role', async () => {
    const member = await createAlumnus(pair.a, { roles: ['alumnus', 'staff'] });
    const { accessToken, refreshToken } = await session(pair.a, member.openid!);
    expect((await pair.b.request(STAFF_ROUTE, { headers: bearer(accessToken) })).status).toBe(200);

    const revoked = await pair.a.request(`/api/v1/admin/staff/${member.id}`, { method: 'DELETE', headers: admin.headers });
    expect(revoked.body.roles).toEqual(['alumnus']);
    await onB(STAFF_ROUTE, accessToken, 401);
    expect((await pair.a.request(STAFF_ROUTE, { headers: bearer(accessToken) })).status).toBe(401);
    // Refused as a stale token, not merely as too weak: the client renews it and is not signed out.
    expect((await pair.b.request('/api/v1/me', { headers: bearer(accessToken) })).status).toBe(401);

    const renewed = await pair.b.request('/api/v1/auth/refresh', post({ refreshToken }));
    expect(renewed.status).toBe(200);
    expect(renewed.body.alumnus.roles).toEqual(['alumnus']);
    expect((await pair.b.request('/api/v1/me', { headers: bearer(renewed.body.accessToken) })).status).toBe(200);
    expect((await pair.b.request(STAFF_ROUTE, { headers: bearer(renewed.body.accessToken) })).status).toBe(403);
  });

  it('applies a grant as soon as the token is renewed, and leaves everyone else’s tokens alone', async () => {
    const member = await createAlumnus(pair.a);
    const bystander = await signedIn(pair.a, ['alumnus', 'staff']);
    const { accessToken, refreshToken } = await session(pair.a, member.openid!);
    await pair.a.request(`/api/v1/admin/staff/${member.id}`, { ...post({ admin: false }, admin.headers), method: 'PUT' });
    await onB('/api/v1/me', accessToken, 401);
    const renewed = (await pair.b.request('/api/v1/auth/refresh', post({ refreshToken }))).body;
    expect(renewed.alumnus.roles).toEqual(['alumnus', 'staff']);
    expect((await pair.b.request(STAFF_ROUTE, { headers: bearer(renewed.accessToken) })).status).toBe(200);
    expect((await pair.b.request(STAFF_ROUTE, { headers: bystander.headers })).status).toBe(200);
  });

  it('costs no database round trip per request while the instance hears changes', async () => {
    const staff = await signedIn(pair.a, ['alumnus', 'staff']);
    await pair.b.request('/api/v1/me', { headers: staff.headers });
    const statements = await statementsOf(pair.b.dataSource, () => pair.b.request('/api/health/live', { headers: staff.headers }));
    expect(statements).toEqual([]);
  });

  it('is refused even while the instance cannot hear changes, when revoked by hand in psql', async () => {
    const staff = await signedIn(pair.a, ['alumnus', 'staff']);
    await pair.a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'alumnilink-table-changes' AND datname = current_database()`,
    );
    await eventually(async () => (pair.b.app.get(TableChanges).live ? undefined : true), 5_000);
    await pair.a.dataSource.query(`UPDATE alumni SET roles = '{alumnus}' WHERE id = $1`, [staff.alumnus.id]);
    expect((await pair.b.request(STAFF_ROUTE, { headers: staff.headers })).status).toBe(401);
    // Listening again, the instance keeps refusing it without asking the database each time.
    await eventually(async () => (pair.b.app.get(TableChanges).live ? true : undefined), 10_000);
    expect((await pair.b.request(STAFF_ROUTE, { headers: staff.headers })).status).toBe(401);
  });
});
