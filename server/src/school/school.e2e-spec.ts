import { seedDemoData } from '../database/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('GET /api/v1/school', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 SCHOOL_NOT_CONFIGURED before the school is set up', async () => {
    const res = await t.request('/api/v1/school');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SCHOOL_NOT_CONFIGURED');
  });

  it('shows the school with its departments in order and counts that match the tables', async () => {
    await t.dataSource.transaction((manager) => seedDemoData(manager));
    const res = await t.request('/api/v1/school');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '江州学院', shortName: '江院', city: '江州', foundedYear: 1958 });
    expect(res.body.departments[0].name).toBe('机械工程学院');
    expect(res.body.departments).toHaveLength(12);
    const [{ alumni, groups }] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM alumni)::int AS alumni,
              (SELECT count(*) FROM groups WHERE status = 'active' AND member_count > 0)::int AS groups`,
    );
    expect(res.body.stats).toEqual({ alumni, groups });
    expect(groups).toBeGreaterThan(0);
    expect(alumni).toBeGreaterThanOrEqual(300);
  });

  it('counts only groups someone is in: not proposals, archives or class groups nobody joined yet', async () => {
    const before = (await t.request('/api/v1/school')).body.stats.groups;
    await t.dataSource.query(
      `INSERT INTO groups (kind, name, intro, join_policy, status, member_count) VALUES
         ('interest', '待审的群', '', 'open', 'proposed', 1), ('interest', '归档的群', '', 'open', 'archived', 3),
         ('interest', '空的群', '', 'open', 'active', 0), ('interest', '有人的群', '', 'open', 'active', 2)`,
    );
    expect((await t.request('/api/v1/school')).body.stats.groups).toBe(before + 1);
  });
});
