import type { RosterCoverageDto } from '@alumni/shared';
import { RosterPersonalData } from '../roster/roster-personal-data.js';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { createDepartments, createRosterEntry } from '../../test/roster.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const HOUR = 3_600_000;
/** The calendar month (Asia/Shanghai) `back` months before the current one, as `YYYY-MM`. */
function monthBack(back: number): string {
  const [year, month] = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7);
}
/** Mid-month, clear of every edge; the current month's "now" is a minute ago. */
const inMonth = (back: number) => (back === 0 ? new Date(Date.now() - 60_000) : new Date(`${monthBack(back)}-15T12:00:00+08:00`));

/**
 * Coverage against the rosters, with every figure counted by hand from the entries below:
 *
 *   机电工程学院 2016: 4 entries, imported 5 months ago; claimed 4 months ago, 2 months ago, this month
 *   机电工程学院 2018: 2 entries, imported 2 months ago; one claimed this month by an account later erased
 *   经济管理学院 2016: 2 entries, imported this month; none claimed
 *
 * plus a verified account with no roster entry and a signed-in one, who count nowhere.
 */
describe('dashboard: contact coverage against the rosters', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let departments: Map<string, string>;

  async function entry(department: string, year: number, importedBack: number, claimedBack: number | null) {
    const created = await createRosterEntry(t, { departmentId: departments.get(department)!, graduationYear: year });
    let alumnusId: string | null = null;
    if (claimedBack !== null) alumnusId = (await createAlumnus(t, { verifiedAt: inMonth(claimedBack) })).id;
    await t.dataSource.query('UPDATE roster_entries SET created_at = $2, claimed_by = $3, claimed_at = $4 WHERE id = $1', [
      created.id,
      inMonth(importedBack),
      alumnusId,
      claimedBack === null ? null : inMonth(claimedBack),
    ]);
    return alumnusId;
  }

  const coverage = async (query = '') => {
    const res = await t.request(`/api/v1/staff/dashboard/coverage${query}`, { headers: staff.headers });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as RosterCoverageDto;
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    departments = await createDepartments(t, ['机电工程学院', '经济管理学院']);
    for (const claimedBack of [4, 2, 0, null]) await entry('机电工程学院', 2016, 5, claimedBack);
    await entry('机电工程学院', 2018, 2, null);
    const erased = await entry('机电工程学院', 2018, 2, 0);
    for (let i = 0; i < 2; i++) await entry('经济管理学院', 2016, 0, null);
    await createAlumnus(t, { verifiedAt: new Date() });
    await createAlumnus(t);
    // Erasure releases the entry: that graduate is not reached any more, this month or before.
    await t.dataSource.transaction((manager) => t.app.get(RosterPersonalData).erase(manager, erased!));
  });
  afterAll(() => t.close());

  it('counts graduates on the rosters, never-signed-in included, and those a verified account holds', async () => {
    const body = await coverage();
    expect(body.totals).toEqual({ graduates: 8, reached: 3, percent: 37.5 });
    expect(body.byDepartment).toEqual([
      { key: departments.get('机电工程学院'), label: '机电工程学院', graduates: 6, reached: 3, percent: 50 },
      { key: departments.get('经济管理学院'), label: '经济管理学院', graduates: 2, reached: 0, percent: 0 },
    ]);
    expect(body.byYear).toEqual([
      { key: '2018', label: '2018届', graduates: 2, reached: 0, percent: 0 },
      { key: '2016', label: '2016届', graduates: 6, reached: 3, percent: 50 },
    ]);
  });

  it('gives the month-end figures from import and claim dates, oldest first', async () => {
    const body = await coverage('?months=7');
    expect(body.months).toEqual([
      { month: monthBack(6), graduates: 0, reached: 0, percent: 0 },
      { month: monthBack(5), graduates: 4, reached: 0, percent: 0 },
      { month: monthBack(4), graduates: 4, reached: 1, percent: 25 },
      { month: monthBack(3), graduates: 4, reached: 1, percent: 25 },
      { month: monthBack(2), graduates: 6, reached: 2, percent: 33.3 },
      { month: monthBack(1), graduates: 6, reached: 2, percent: 33.3 },
      { month: monthBack(0), graduates: 8, reached: 3, percent: 37.5 },
    ]);
    // Twelve months by default; the current month always equals the totals.
    const defaults = await coverage();
    expect(defaults.months).toHaveLength(12);
    expect(defaults.months.at(-1)).toEqual({ month: monthBack(0), ...defaults.totals });
    // Before the earliest month asked for, everything counts in the first month's figure.
    expect((await coverage('?months=1')).months).toEqual([{ month: monthBack(0), graduates: 8, reached: 3, percent: 37.5 }]);
  });

  it('refuses a bad number of months with 400 VALIDATION_FAILED naming the field', async () => {
    for (const months of ['0', '37', 'abc', '1.5']) {
      const res = await t.request(`/api/v1/staff/dashboard/coverage?months=${months}`, { headers: staff.headers });
      expect([res.status, res.body.error.code], months).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.error), months).toContain('months');
    }
  });

  it('is for staff only', async () => {
    const alumnus = await signedIn(t, ['alumnus'], { verifiedAt: new Date() });
    const res = await t.request('/api/v1/staff/dashboard/coverage', { headers: alumnus.headers });
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.request('/api/v1/staff/dashboard/coverage')).status).toBe(401);
  });

  it('answers an empty roster with zeros, not a division by zero', async () => {
    await t.dataSource.query('DELETE FROM roster_entries');
    const body = await coverage('?months=2');
    expect(body.totals).toEqual({ graduates: 0, reached: 0, percent: 0 });
    expect(body.byDepartment).toEqual([]);
    expect(body.months.map((m) => m.percent)).toEqual([0, 0]);
  });
});
