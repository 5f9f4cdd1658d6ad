import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedIfEmpty } from '../schema-setup.js';

describe('demo seed', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApp(), startTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const snapshot = (t: TestApp) =>
    t.dataSource.query(
      `SELECT a.display_name, a.graduation_year, a.class_name, a.city, a.industry, d.name AS department
         FROM alumni a LEFT JOIN departments d ON d.id = a.department_id ORDER BY a.display_name, a.class_name, a.city`,
    );

  it('is the same college every time, and seeds an empty database only once', async () => {
    const now = new Date('2026-11-24T00:00:00Z');
    expect(await seedIfEmpty(first.dataSource, now)).toBe(true);
    expect(await seedIfEmpty(second.dataSource, now)).toBe(true);
    expect(await seedIfEmpty(first.dataSource, now)).toBe(false);
    const alumni = await snapshot(first);
    expect(alumni.length).toBeGreaterThanOrEqual(300);
    expect(await snapshot(second)).toEqual(alumni);
    const years = alumni.map((a: { graduation_year: number }) => a.graduation_year);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...years)).toBeLessThanOrEqual(2024);
  });

  it('has demo accounts to sign in as, one of them staff and admin', async () => {
    const accounts = await first.request('/api/v1/auth/demo-accounts');
    expect(accounts.body.map((a: { openid: string }) => a.openid)).toEqual([
      'o_demo_001',
      'o_demo_002',
      'o_demo_003',
      'o_demo_004',
      'o_demo_005',
      'o_demo_staff',
    ]);
    expect(accounts.body.at(-1).roles).toEqual(['alumnus', 'staff', 'admin']);
    expect(await second.request('/api/v1/auth/demo-accounts')).toMatchObject({ body: accounts.body });
  });
});
