import ExcelJS from 'exceljs';
import { type DashboardListItemDto, INTERACTION_KINDS, type InteractionKind } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { createAlumnus, signedIn } from '../../test/auth.js';
import { daysAgo, phoneOf, recordInteraction } from '../../test/interactions.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A small college built at random (seeded), and every figure worked out again here from
 * the data set itself, never from the server's summaries. Event ages keep clear of the
 * 12- and 24-month edges so calendar months and days agree.
 */
const AGES = [1, 5, 20, 45, 90, 150, 200, 300, 420, 500, 650, 800];
const KINDS: InteractionKind[] = [
  'identity.signed_up',
  'identity.phone_bound',
  'events.registered',
  'events.checked_in',
  'events.checked_in',
  'groups.joined',
  'giving.donated',
  'giving.donated',
  'offline.visit',
  'offline.phone_call',
  'identity.profile_updated',
];
const CITIES = ['杭州', '上海', '江州', null];
const YEARS = [2005, 2012, 2019];
const DAY = 86_400_000;

interface Person {
  id?: string;
  city: string | null;
  year: number;
  dept: 0 | 1;
  openid: boolean;
  phone: boolean;
  verifiedDaysAgo: number | null;
  erased: boolean;
  events: { kind: InteractionKind; days: number; fen?: number; fields?: string[] }[];
}

function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

/** Random people, plus two the dice rarely make: one who never answered, one who comes to everything. */
function buildCollege(): Person[] {
  const pick = random(20_261_129);
  const unreachable: Person = {
    city: '江州',
    year: 2005,
    dept: 0,
    openid: false,
    phone: false,
    verifiedDaysAgo: 800,
    erased: false,
    events: [],
  };
  const regular: Person = {
    ...unreachable,
    openid: true,
    verifiedDaysAgo: 20,
    events: [1, 5, 20, 45, 90, 150].map((days) => ({ kind: 'events.checked_in', days })),
  };
  return [unreachable, regular, ...randomPeople(pick)];
}

function randomPeople(pick: (n: number) => number): Person[] {
  return Array.from({ length: 36 }, (_, i) => {
    const events: Person['events'] = Array.from({ length: pick(9) }, () => {
      const kind = KINDS[pick(KINDS.length)]!;
      const days = AGES[pick(AGES.length)]!;
      if (kind === 'giving.donated') return { kind, days, fen: (1 + pick(50)) * 1000 };
      if (kind === 'identity.profile_updated') return { kind, days, fields: [['city'], ['employer'], ['bio']][pick(3)]! };
      return { kind, days };
    });
    // One refund of someone's gift, to check amounts are net of refunds.
    const gift = events.find((e) => e.kind === 'giving.donated');
    if (i % 7 === 3 && gift) events.push({ kind: 'giving.refunded', days: Math.max(1, gift.days - 1), fen: gift.fen! });
    return {
      city: CITIES[pick(CITIES.length)]!,
      year: YEARS[pick(YEARS.length)]!,
      dept: pick(2) as 0 | 1,
      openid: pick(4) !== 0,
      phone: pick(2) === 0,
      verifiedDaysAgo: pick(3) === 0 ? null : AGES[pick(AGES.length)]!,
      erased: i % 9 === 8,
      events,
    };
  });
}

const within = (days: number, months: number) => days < months * 30;
const at = (days: number) => Date.now() - days * DAY;
const shanghaiMonth = (time: number) => new Date(time + 8 * 3_600_000).toISOString().slice(0, 7);
const isParticipation = (kind: InteractionKind) => INTERACTION_KINDS[kind].participation;

/** Everything the dashboard should say about one person, from the data set alone. */
function expected(p: Person, weights: Map<string, number>, halfLifeDays: number) {
  const participations = p.events.filter((e) => isParticipation(e.kind));
  const donations = p.events.filter((e) => e.kind === 'giving.donated');
  const core = participations.filter((e) => within(e.days, 12)).length >= 6 || donations.filter((e) => within(e.days, 24)).length >= 2;
  const engaged = participations.some((e) => within(e.days, 12));
  const phoneCurrent =
    p.phone && p.events.some((e) => ['identity.phone_bound', 'offline.phone_call'].includes(e.kind) && within(e.days, 24));
  const wechatCurrent = p.openid && p.events.some((e) => INTERACTION_KINDS[e.kind].byAlumnus && within(e.days, 24));
  const contactUpdates = p.events
    .filter(
      (e) =>
        ['identity.phone_bound', 'offline.phone_call'].includes(e.kind) ||
        (e.kind === 'identity.profile_updated' && e.fields!.some((f) => f === 'city' || f === 'employer')),
    )
    .map((e) => e.days);
  return {
    segment: core ? 'core' : engaged ? 'participating' : p.openid || p.phone ? 'contacted' : 'uncontacted',
    engaged,
    currentContact: phoneCurrent || wechatCurrent,
    staleContact: p.verifiedDaysAgo !== null && (contactUpdates.length === 0 || Math.min(...contactUpdates) > 730),
    lastDonationDays: donations.length === 0 ? null : Math.min(...donations.map((e) => e.days)),
    score: p.events.reduce((sum, e) => sum + (weights.get(e.kind) ?? 0) * 2 ** (-e.days / halfLifeDays), 0),
  };
}

describe('the staff dashboard', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof signedIn>>;
  const college = buildCollege();
  const people = () => college.filter((p) => !p.erased);
  const departments: string[] = [];
  let figuresOf: (p: Person) => ReturnType<typeof expected>;
  const get = async (path: string) => {
    const res = await t.request(path, { headers: staff.headers });
    expect(res.status, path).toBe(200);
    return res.body;
  };
  const yearStart = Date.parse(`${shanghaiMonth(Date.now()).slice(0, 4)}-01-01T00:00:00+08:00`);
  const givingThisYear = (p: Person) => p.events.filter((e) => e.kind.startsWith('giving.') && at(e.days) >= yearStart);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signedIn(t, ['staff']);
    for (const name of ['机电工程学院', '经济管理学院']) {
      departments.push((await t.dataSource.getRepository(DepartmentEntity).save({ name, sortOrder: departments.length })).id);
    }
    for (const p of college) {
      const alumnus = await createAlumnus(t, {
        city: p.city,
        graduationYear: p.year,
        departmentId: departments[p.dept],
        openid: p.openid ? `o_dash_${Math.random()}` : null,
        ...(p.phone ? phoneOf(`dash${college.indexOf(p)}`) : {}),
        employer: '某公司',
        verifiedAt: p.verifiedDaysAgo === null ? null : daysAgo(p.verifiedDaysAgo),
      });
      p.id = alumnus.id;
      for (const e of p.events) {
        const detail = e.fen ? { amountFen: e.fen, campaignId: 'c1' } : e.fields ? { fields: e.fields } : {};
        await recordInteraction(t, alumnus.id, e.kind, e.days, detail);
      }
      if (p.erased) {
        await t.dataSource.transaction((manager) => t.app.get(InteractionsService).anonymise(manager, alumnus.id));
        await t.dataSource.getRepository(AlumnusEntity).update(alumnus.id, {
          deletedAt: new Date(),
          openid: null,
          city: null,
          graduationYear: null,
          departmentId: null,
          phoneHash: null,
          phoneEncrypted: null,
          phoneMasked: null,
        });
      }
    }
    const settings = await get('/api/v1/staff/engagement/weights');
    const weights = new Map<string, number>(settings.weights.map((w: { kind: string; weight: number }) => [w.kind, w.weight]));
    figuresOf = (p) => expected(p, weights, settings.halfLifeDays);
  });
  afterAll(() => t.close());

  /** The headline figures of a group of people, worked out from the data set. */
  function headline(group: Person[], givers: Person[]) {
    const f = group.map(figuresOf);
    const count = (test: (x: (typeof f)[number]) => boolean) => f.filter(test).length;
    const withCurrentContact = count((x) => x.currentContact);
    return {
      alumni: group.length,
      signedIn: group.filter((p) => p.openid).length,
      verified: group.filter((p) => p.verifiedDaysAgo !== null).length,
      withCurrentContact,
      contactCoveragePercent: group.length === 0 ? 0 : Math.round((withCurrentContact / group.length) * 1000) / 10,
      engaged12Months: count((x) => x.engaged),
      donorsThisYear: givers.filter((p) => givingThisYear(p).some((e) => e.kind === 'giving.donated')).length,
      raisedThisYearFen: givers.flatMap(givingThisYear).reduce((sum, e) => sum + (e.kind === 'giving.donated' ? e.fen! : -e.fen!), 0),
      segments: {
        uncontacted: count((x) => x.segment === 'uncontacted'),
        contacted: count((x) => x.segment === 'contacted'),
        participating: count((x) => x.segment === 'participating'),
        core: count((x) => x.segment === 'core'),
      },
    };
  }

  it('answers the headline figures as counted from the data set', async () => {
    const people = college.filter((p) => !p.erased);
    const staffCount = 1; // the staff member signed in for the test is on record too
    const body = await get('/api/v1/staff/dashboard/summary');
    const want = headline(people, college);
    expect(body.by).toBeNull();
    expect(body.groups).toEqual([]);
    expect({ ...body.totals, alumni: body.totals.alumni - staffCount, signedIn: body.totals.signedIn - staffCount }).toEqual({
      ...want,
      contactCoveragePercent: body.totals.contactCoveragePercent,
      segments: { ...want.segments, contacted: want.segments.contacted + staffCount },
    });
    expect(body.totals.contactCoveragePercent).toBe(Math.round((want.withCurrentContact / (people.length + staffCount)) * 1000) / 10);
    // The data set exercises every figure.
    expect(Object.values(want.segments).every((n) => n > 0)).toBe(true);
    expect(want.donorsThisYear).toBeGreaterThan(0);
  });

  it.each([
    ['city', (p: Person) => p.city],
    ['graduationYear', (p: Person) => (p.erased ? null : String(p.year))],
    ['department', (p: Person) => (p.erased ? null : departments[p.dept]!)],
  ] as const)('breaks every figure down by %s', async (by, keyOf) => {
    const body = await get(`/api/v1/staff/dashboard/summary?by=${by}`);
    const groups = new Map<string | null, { label: string; figures: unknown }>(
      body.groups.map((g: { key: string | null; label: string; figures: unknown }) => [g.key, g]),
    );
    const staffKey = null; // the staff member has no city, year or department
    const keys = new Set([...college.map((p) => (p.erased ? null : keyOf(p))), staffKey]);
    expect(new Set(groups.keys())).toEqual(keys);
    for (const key of keys) {
      const group = people().filter((p) => keyOf(p) === key);
      const want = headline(
        group,
        college.filter((p) => (p.erased ? null : keyOf(p)) === key),
      );
      const got = groups.get(key)!.figures as ReturnType<typeof headline>;
      const extra = key === staffKey ? 1 : 0;
      expect({ ...got, alumni: got.alumni - extra, signedIn: got.signedIn - extra, contactCoveragePercent: 0 }, `${by} ${key}`).toEqual({
        ...want,
        contactCoveragePercent: 0,
        segments: { ...want.segments, contacted: want.segments.contacted + extra },
      });
    }
    expect(groups.get(null)!.label).toBe('未填写');
    if (by === 'department') expect(groups.get(departments[0]!)!.label).toBe('机电工程学院');
    if (by === 'graduationYear') expect(groups.get('2012')?.label ?? '2012届').toBe('2012届');
  });

  it('gives month-by-month trends, for everyone and for one city', async () => {
    for (const city of [undefined, '杭州']) {
      const body = await get(`/api/v1/staff/dashboard/trends?months=24${city ? `&city=${encodeURIComponent(city)}` : ''}`);
      expect(body.months).toHaveLength(24);
      expect(body.months.at(-1).month).toBe(shanghaiMonth(Date.now()));
      const group = college.filter((p) => city === undefined || (!p.erased && p.city === city));
      for (const { month, engaged, donors, raisedFen, verified, signedUp } of body.months) {
        const inMonth = (days: number) => shanghaiMonth(at(days)) === month;
        expect(engaged, month).toBe(group.filter((p) => p.events.some((e) => isParticipation(e.kind) && inMonth(e.days))).length);
        expect(donors, month).toBe(group.filter((p) => p.events.some((e) => e.kind === 'giving.donated' && inMonth(e.days))).length);
        const net = group.flatMap((p) => p.events.filter((e) => e.fen && inMonth(e.days)));
        expect(raisedFen, month).toBe(net.reduce((sum, e) => sum + (e.kind === 'giving.donated' ? e.fen! : -e.fen!), 0));
        const living = group.filter((p) => !p.erased);
        expect(verified, month).toBe(living.filter((p) => p.verifiedDaysAgo !== null && inMonth(p.verifiedDaysAgo)).length);
        const signedUpNow = living.filter((p) => p.openid).length + (city === undefined ? 1 : 0);
        expect(signedUp, month).toBe(month === shanghaiMonth(Date.now()) ? signedUpNow : 0);
      }
    }
  });

  async function wholeList(list: string): Promise<DashboardListItemDto[]> {
    const items: DashboardListItemDto[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: DashboardListItemDto[]; nextCursor: string | null } = await get(
        `/api/v1/staff/dashboard/lists/${list}?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists verified alumni without a contact update in two years, page by page', async () => {
    const items = await wholeList('stale-contacts');
    const want = people().filter((p) => figuresOf(p).staleContact);
    expect(items.map((i) => i.alumnusId).sort()).toEqual(want.map((p) => p.id).sort());
    expect(want.length).toBeGreaterThan(3);
    const verifiedOrder = items.map((i) => college.find((p) => p.id === i.alumnusId)!.verifiedDaysAgo!);
    expect(verifiedOrder).toEqual([...verifiedOrder].sort((a, b) => a - b));
  });

  it('lists lapsed donors, latest gift first', async () => {
    const items = await wholeList('lapsed-donors');
    const want = people().filter((p) => {
      const last = figuresOf(p).lastDonationDays;
      return last !== null && last > 365;
    });
    expect(items.map((i) => i.alumnusId).sort()).toEqual(want.map((p) => p.id).sort());
    expect(want.length).toBeGreaterThan(0);
    const lastGifts = items.map((i) => Date.parse(i.lastDonationAt!));
    expect(lastGifts).toEqual([...lastGifts].sort((a, b) => b - a));
  });

  it('lists the most engaged alumni of each city', async () => {
    const body = await get('/api/v1/staff/dashboard/lists/top-engaged?perCity=2&limit=100');
    expect(body.nextCursor).toBeNull();
    for (const city of CITIES.filter((c): c is string => c !== null)) {
      const listed: DashboardListItemDto[] = body.items.filter((i: DashboardListItemDto) => i.city === city);
      const ranked = people()
        .filter((p) => p.city === city && figuresOf(p).score > 0)
        .map((p) => ({ id: p.id, score: figuresOf(p).score }));
      expect(listed.length, city).toBe(Math.min(2, ranked.length));
      for (const item of listed) {
        expect(item.score).toBeCloseTo(ranked.find((r) => r.id === item.alumnusId)!.score, 2);
        for (const other of ranked.filter((r) => !listed.some((l) => l.alumnusId === r.id))) {
          expect(other.score).toBeLessThanOrEqual(item.score + 0.005);
        }
      }
    }
    expect(body.items.some((i: DashboardListItemDto) => i.city === null)).toBe(false);
  });

  it('exports a list as CSV with a BOM and as XLSX, with the same rows', async () => {
    const items = await wholeList('stale-contacts');
    const csv = await fetch(`${t.baseUrl}/api/v1/staff/dashboard/lists/stale-contacts/export?format=csv`, { headers: staff.headers });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="stale-contacts-\d{4}-\d{2}\.csv"; filename\*=UTF-8''stale-contacts-/,
    );
    const lines = bytes.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFF姓名,昵称,毕业年份,院系,城市,活跃度,分层,联系方式更新,最近捐赠,累计捐赠');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(items.map((i) => i.displayName));

    const xlsx = await fetch(`${t.baseUrl}/api/v1/staff/dashboard/lists/lapsed-donors/export?format=xlsx`, { headers: staff.headers });
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('流失捐赠人')!;
    expect(sheet.rowCount).toBe((await wholeList('lapsed-donors')).length + 1);
  });

  it('refuses an unknown list and bad breakdowns with 400 VALIDATION_FAILED', async () => {
    for (const path of [
      'lists/everyone',
      'summary?by=industry',
      'trends?months=0',
      'trends?departmentId=x',
      'lists/stale-contacts/export?format=pdf',
    ]) {
      const res = await t.request(`/api/v1/staff/dashboard/${path}`, { headers: staff.headers });
      expect([res.status, res.body.error.code], path).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('is for staff only', async () => {
    const alumnus = await signedIn(t);
    for (const path of ['summary', 'trends', 'lists/stale-contacts', 'lists/top-engaged/export']) {
      const res = await t.request(`/api/v1/staff/dashboard/${path}`, { headers: alumnus.headers });
      expect([res.status, res.body.error.code], path).toEqual([403, 'FORBIDDEN']);
      expect((await t.request(`/api/v1/staff/dashboard/${path}`)).status, path).toBe(401);
    }
  });
});
