import { createAlumnus, signedIn } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';

describe('staff management (/api/v1/admin/staff)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  const alumni = () => t.dataSource.getRepository(AlumnusEntity);
  const auditOf = (subjectId: string) => t.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId }, order: { id: 'ASC' } });
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    t.request(`/api/v1/admin/staff${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedIn(t, ['alumnus', 'staff', 'admin'], { displayName: '管理员甲' });
  });
  afterAll(() => t.close());

  it('grants the staff role, audited with before and after', async () => {
    const alumnus = await createAlumnus(t, { displayName: '新同事', realName: '周洁' });
    const res = await send('PUT', `/${alumnus.id}`, admin.headers, { admin: false });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: alumnus.id, displayName: '新同事', realName: '周洁', avatarUrl: null, roles: ['alumnus', 'staff'] });
    expect((await alumni().findOneByOrFail({ id: alumnus.id })).roles).toEqual(['alumnus', 'staff']);
    const [entry, ...rest] = await auditOf(alumnus.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      actorId: admin.alumnus.id,
      action: 'staff.granted',
      subjectType: 'alumnus',
      before: { roles: ['alumnus'] },
      after: { roles: ['alumnus', 'staff'] },
    });
  });

  it('grants admin, lists staff, and revokes, each audited; a repeat changes nothing', async () => {
    const alumnus = await createAlumnus(t, { displayName: '老同事' });
    expect((await send('PUT', `/${alumnus.id}`, admin.headers, { admin: true })).body.roles).toEqual(['admin', 'alumnus', 'staff']);
    expect((await send('PUT', `/${alumnus.id}`, admin.headers, { admin: true })).status).toBe(200);
    const list = await send('GET', '', admin.headers);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([alumnus.id, admin.alumnus.id]));
    const revoked = await send('DELETE', `/${alumnus.id}`, admin.headers);
    expect(revoked.status).toBe(200);
    expect(revoked.body.roles).toEqual(['alumnus']);
    expect((await auditOf(alumnus.id)).map((e) => [e.action, e.before, e.after])).toEqual([
      ['staff.granted', { roles: ['alumnus'] }, { roles: ['admin', 'alumnus', 'staff'] }],
      ['staff.revoked', { roles: ['admin', 'alumnus', 'staff'] }, { roles: ['alumnus'] }],
    ]);
    expect((await send('GET', '', admin.headers)).body.items.map((m: { id: string }) => m.id)).not.toContain(alumnus.id);
  });

  it('finds candidates by the beginning of their name', async () => {
    await createAlumnus(t, { displayName: '候选人', realName: '欧阳明' });
    const res = await send('GET', `/candidates?q=${encodeURIComponent('欧阳')}`, admin.headers);
    expect(res.body.map((m: { realName: string }) => m.realName)).toEqual(['欧阳明']);
    expect((await send('GET', '/candidates', admin.headers)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses to let an administrator remove their own roles, and writes nothing', async () => {
    for (const [method, body] of [
      ['DELETE', undefined],
      ['PUT', { admin: false }],
    ] as const) {
      const res = await send(method, `/${admin.alumnus.id}`, admin.headers, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('STAFF_SELF_REVOKE');
    }
    expect((await alumni().findOneByOrFail({ id: admin.alumnus.id })).roles).toEqual(['alumnus', 'staff', 'admin']);
    expect(await auditOf(admin.alumnus.id)).toEqual([]);
  });

  it('answers unknown alumni and bad input with named errors', async () => {
    const missing = await send('PUT', '/00000000-0000-4000-8000-000000000000', admin.headers, { admin: false });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ALUMNUS_NOT_FOUND');
    const alumnus = await createAlumnus(t);
    for (const body of [{}, { admin: 'yes' }, { admin: true, roles: ['admin'] }]) {
      const res = await send('PUT', `/${alumnus.id}`, admin.headers, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await send('PUT', '/not-a-uuid', admin.headers, { admin: false })).status).toBe(400);
    expect((await alumni().findOneByOrFail({ id: alumnus.id })).roles).toEqual(['alumnus']);
    expect(await auditOf(alumnus.id)).toEqual([]);
  });

  it('is closed to alumni and staff who are not administrators', async () => {
    const target = await createAlumnus(t);
    for (const roles of [['alumnus'], ['alumnus', 'staff']] as const) {
      const user = await signedIn(t, [...roles]);
      expect((await send('GET', '', user.headers)).status).toBe(403);
      expect((await send('PUT', `/${target.id}`, user.headers, { admin: true })).body.error.code).toBe('FORBIDDEN');
      expect((await send('DELETE', `/${admin.alumnus.id}`, user.headers)).status).toBe(403);
    }
    expect((await send('GET', '', {})).status).toBe(401);
    expect((await alumni().findOneByOrFail({ id: target.id })).roles).toEqual(['alumnus']);
  });
});
