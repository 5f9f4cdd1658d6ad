import { signedIn } from '../../test/auth.js';
import { createDepartments, createRosterEntry } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const LIST = '/api/v1/staff/roster/entries';

describe('staff roster list', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let alumnus: Awaited<ReturnType<typeof signedIn>>;
  let departments: Map<string, string>;
  const list = (query: string, headers: Record<string, string> = staff.headers) => t.request(`${LIST}?${query}`, { headers });
  const names = (body: { items: { name: string }[] }) => body.items.map((e) => e.name);

  beforeAll(async () => {
    t = await startTestApp();
    departments = await createDepartments(t, ['名册机械学院', '名册信息学院']);
    staff = await signedIn(t, ['alumnus', 'staff']);
    alumnus = await signedIn(t);
    const mech = departments.get('名册机械学院')!;
    const info = departments.get('名册信息学院')!;
    // Oldest first, so the list (newest first) reads them backwards.
    const rows = [
      { name: '张名册', graduationYear: 2016, departmentId: mech, className: '机械1201班', studentNumber: 'RL0001' },
      { name: '李名册', graduationYear: 2016, departmentId: mech, className: '机械1202班', studentNumber: 'RL0002' },
      { name: '王名册', graduationYear: 2017, departmentId: info, className: '信息1301班', studentNumber: 'RL0003' },
      { name: '赵名册', graduationYear: 2016, departmentId: mech, className: '机械1201班', studentNumber: 'RL0004' },
      { name: '50%_名册', graduationYear: 2018, departmentId: info, className: null, studentNumber: 'RL0005' },
    ];
    for (const [i, row] of rows.entries()) {
      await createRosterEntry(t, { ...row, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    }
    await t.dataSource.query(`UPDATE roster_entries SET claimed_by = $1, claimed_at = now() WHERE student_number = 'RL0004'`, [
      alumnus.alumnus.id,
    ]);
  });
  afterAll(() => t.close());

  it('lists the roster newest first with department names and claim state, in keyset pages', async () => {
    const first = await list('limit=2');
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['50%_名册', '赵名册']);
    expect(first.body.items[1]).toMatchObject({
      studentNumber: 'RL0004',
      graduationYear: 2016,
      department: { id: departments.get('名册机械学院'), name: '名册机械学院' },
      className: '机械1201班',
      degree: 'bachelor',
      claimed: true,
    });
    expect(first.body.items[1].claimedAt).toEqual(expect.any(String));
    expect(first.body.items[0]).toMatchObject({ claimed: false, claimedAt: null });
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    expect(names(second.body)).toEqual(['王名册', '李名册']);
    const third = await list(`limit=2&cursor=${second.body.nextCursor}`);
    expect(names(third.body)).toEqual(['张名册']);
    expect(third.body.nextCursor).toBeNull();
  });

  it('filters by year, department, class, claim state and part of a name or a whole student number', async () => {
    const mech = departments.get('名册机械学院')!;
    expect(names((await list('graduationYear=2016')).body)).toEqual(['赵名册', '李名册', '张名册']);
    expect(names((await list(`departmentId=${departments.get('名册信息学院')}`)).body)).toEqual(['50%_名册', '王名册']);
    expect(names((await list(`departmentId=${mech}&className=${encodeURIComponent(' 机械1201班 ')}`)).body)).toEqual(['赵名册', '张名册']);
    expect(names((await list(`departmentId=${mech}&claim=unclaimed`)).body)).toEqual(['李名册', '张名册']);
    expect(names((await list(`departmentId=${mech}&claim=claimed`)).body)).toEqual(['赵名册']);
    expect(names((await list(`name=${encodeURIComponent('王')}`)).body)).toEqual(['王名册']);
    expect(names((await list('name=RL0002')).body)).toEqual(['李名册']);
    // LIKE wildcards in the fragment are letters, not patterns.
    expect(names((await list(`name=${encodeURIComponent('%')}`)).body)).toEqual(['50%_名册']);
    expect(names((await list(`name=${encodeURIComponent('_')}`)).body)).toEqual(['50%_名册']);
    expect((await list('graduationYear=1999')).body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses bad filters with a 400 that names the field, and alumni with a 403', async () => {
    const bad = [
      ['graduationYear=16届', 'graduationYear'],
      ['graduationYear=3000', 'graduationYear'],
      ['departmentId=abc', 'departmentId'],
      ['claim=maybe', 'claim'],
      [`name=${encodeURIComponent('名'.repeat(65))}`, 'name'],
      ['limit=0', 'limit'],
    ];
    for (const [query, field] of bad) {
      const res = await list(query!);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
    }
    const cursor = await list('cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('INVALID_CURSOR');
    expect((await list('', alumnus.headers)).status).toBe(403);
  });
});
