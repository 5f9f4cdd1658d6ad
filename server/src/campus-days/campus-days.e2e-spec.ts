import type { CampusDayDto, CollectStampResultDto, StaffCampusDaySpotDto } from '@alumni/shared';
import { eventFactory } from '../../test/factories.js';
import { classOf, logged, staffOf, type Person } from '../../test/memories.js';
import { signedIn } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { json, wechatFake } from '../../test/wechat.js';
import { WxacodeFake } from '../wechat/fake/wxacode.fake.js';
import { spotKey, signSpotToken } from './spot-token.js';

const patch = (body: unknown, headers: Record<string, string>): RequestInit => ({ ...json(body, headers), method: 'PATCH' });

describe('campus days: spots, stamps, keepsake, class wall', () => {
  let t: TestApp;
  let staff: Person;
  let makeEvent: ReturnType<typeof eventFactory>;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
    makeEvent = eventFactory(t.dataSource);
  });
  afterAll(() => t?.close());

  /** A campus day that is on now, with these spots added by staff. */
  async function dayWith(names: string[], hoursFromNow = -1) {
    const event = await makeEvent(hoursFromNow, { kind: 'campus_day', title: '建校七十周年返校日' });
    const spots: StaffCampusDaySpotDto[] = [];
    for (const name of names) {
      const res = await t.request(`/api/v1/staff/campus-days/${event.id}/spots`, json({ name }, staff.headers));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      spots.push(res.body);
    }
    return { event, spots };
  }

  const scan = (person: Person, token: string) => t.request('/api/v1/campus-days/stamps', json({ token }, person.headers));

  it('collects a stamp per spot, says so on a second scan, and completes the set once', async () => {
    const { event, spots } = await dayWith(['老校门', '图书馆', '体育场']);
    const {
      people: [li],
    } = await classOf(t, 1);

    const first = await scan(li!, spots[0]!.token);
    expect(first.status).toBe(200);
    const result = first.body as CollectStampResultDto;
    expect(result).toMatchObject({ spot: { id: spots[0]!.id, name: '老校门' }, collected: true });
    expect(result.day).toMatchObject({ collectedCount: 1, complete: false, keepsake: null, open: true });
    expect(result.day.spots.map((s) => [s.name, s.collectedAt !== null])).toEqual([
      ['老校门', true],
      ['图书馆', false],
      ['体育场', false],
    ]);

    const again = await scan(li!, spots[0]!.token);
    expect(again.body).toMatchObject({ collected: false, day: { collectedCount: 1 } });

    // The scan inside the app answers the page path of the mini-program code, scene and all.
    await scan(li!, `packages/campus-days/pages/stamp/index?scene=${encodeURIComponent(`t=${spots[1]!.token}`)}`);
    const last = await scan(li!, `t=${spots[2]!.token}`);
    const day = (last.body as CollectStampResultDto).day;
    expect(day).toMatchObject({ collectedCount: 3, complete: true });
    expect(day.keepsake).toMatchObject({
      name: li!.alumnus.displayName,
      eventTitle: '建校七十周年返校日',
      spotNames: ['老校门', '图书馆', '体育场'],
      completionNumber: 1,
      schoolName: '母校',
    });
    expect(day.keepsake!.className).toMatch(/^2006届记忆\d+班$/);

    expect((await logged(t, li!.alumnus.id, 'campus_days.stamped')).map((r) => r.detail.spot)).toEqual(['老校门', '图书馆', '体育场']);
    expect(await logged(t, li!.alumnus.id, 'campus_days.completed')).toEqual([{ subject_id: event.id, detail: {} }]);
  });

  it('numbers the keepsakes by who completed first, and counts scans of the last spots at once', async () => {
    const { event, spots } = await dayWith(['东门', '西门']);
    const { people } = await classOf(t, 3);
    for (const person of people.slice(0, 2)) {
      await scan(person, spots[0]!.token);
      // Both last stamps at once: the set still completes exactly once.
      await Promise.all([scan(person, spots[1]!.token), scan(person, spots[1]!.token)]);
    }
    const cards = await Promise.all(
      people.map(async (p) => (await t.request(`/api/v1/campus-days/${event.id}`, { headers: p.headers })).body as CampusDayDto),
    );
    expect(cards.map((c) => c.keepsake?.completionNumber ?? null)).toEqual([1, 2, null]);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM campus_day_completions WHERE event_id = $1`, [event.id]);
    expect(row.n).toBe(2);
  });

  it('refuses forged, replaced and retired codes, and codes outside the day', async () => {
    const { spots } = await dayWith(['钟楼', '荷花池']);
    const visitor = await signedIn(t, ['alumnus'], { consentVersion: null });
    const {
      people: [me],
    } = await classOf(t, 1);

    const forged = spots[0]!.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await scan(me!, forged)).body.error.code).toBe('CAMPUS_DAY_CODE_INVALID');
    expect((await scan(me!, '这不是二维码')).body.error.code).toBe('CAMPUS_DAY_CODE_INVALID');
    const otherSecret = signSpotToken(spotKey('another-server-secret-of-at-least-32-chars'), spots[0]!.token.slice(0, 8), 1);
    expect((await scan(me!, otherSecret)).body.error.code).toBe('CAMPUS_DAY_CODE_INVALID');

    const replaced = await t.request(`/api/v1/staff/campus-day-spots/${spots[0]!.id}/replace-code`, json({}, staff.headers));
    expect(replaced.status).toBe(200);
    expect(replaced.body.token).not.toBe(spots[0]!.token);
    expect((await scan(me!, spots[0]!.token)).body.error.code).toBe('CAMPUS_DAY_CODE_INVALID');
    expect((await scan(me!, replaced.body.token)).status).toBe(200);

    await t.request(`/api/v1/staff/campus-day-spots/${spots[1]!.id}/retire`, json({}, staff.headers));
    expect((await scan(me!, spots[1]!.token)).body.error.code).toBe('CAMPUS_DAY_CODE_INVALID');

    // Without the privacy notice accepted, nothing about the visitor is kept.
    expect((await scan(visitor, replaced.body.token)).body.error.code).toBe('CONSENT_REQUIRED');

    const later = await dayWith(['校史馆'], 48);
    const early = await scan(me!, later.spots[0]!.token);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CAMPUS_DAY_NOT_OPEN');
  });

  it('keeps spots to campus days, and lets staff rename, reorder and print them', async () => {
    const meetup = await makeEvent(24);
    const refused = await t.request(`/api/v1/staff/campus-days/${meetup.id}/spots`, json({ name: '礼堂' }, staff.headers));
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('CAMPUS_DAY_NOT_FOUND');

    const { event, spots } = await dayWith(['一食堂', '二食堂']);
    const renamed = await t.request(
      `/api/v1/staff/campus-day-spots/${spots[1]!.id}`,
      patch({ name: '第二食堂', description: '学生时代的味道' }, staff.headers),
    );
    expect(renamed.body).toMatchObject({ name: '第二食堂', description: '学生时代的味道', position: 1 });
    await t.request(`/api/v1/staff/campus-day-spots/${spots[0]!.id}`, patch({ position: 2 }, staff.headers));
    const overview = await t.request(`/api/v1/staff/campus-days/${event.id}`, { headers: staff.headers });
    expect(overview.body).toMatchObject({ visitors: 0, completed: 0 });
    const card = await t.request(`/api/v1/campus-days/${event.id}`);
    expect((card.body as CampusDayDto).spots.map((s) => s.name)).toEqual(['第二食堂', '一食堂']);

    const code = await fetch(`${t.baseUrl}/api/v1/staff/campus-day-spots/${spots[0]!.id}/code`, { headers: staff.headers });
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toBe('image/png');
    const issued = wechatFake(t).feature(WxacodeFake).issued.at(-1);
    expect(issued).toMatchObject({ page: 'packages/campus-days/pages/stamp/index', scene: `t=${spots[0]!.token}` });
    // The second print comes from storage, not from WeChat.
    const before = wechatFake(t).feature(WxacodeFake).issued.length;
    expect((await fetch(`${t.baseUrl}/api/v1/staff/campus-day-spots/${spots[0]!.id}/code`, { headers: staff.headers })).status).toBe(200);
    expect(wechatFake(t).feature(WxacodeFake).issued).toHaveLength(before);

    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = ANY($1::text[]) ORDER BY id`, [
      spots.map((s) => s.id),
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'campus-day-spot.created',
      'campus-day-spot.created',
      'campus-day-spot.updated',
      'campus-day-spot.updated',
    ]);
  });

  it('shows the classes that came back together, with at least two alumni each', async () => {
    const { event, spots } = await dayWith(['大礼堂']);
    const big = await classOf(t, 3);
    const small = await classOf(t, 1);
    const unverified = await signedIn(t, ['alumnus'], {
      consentVersion: (await staffOf(t)).alumnus.consentVersion,
      consentedAt: new Date(),
    });
    for (const person of [...big.people, ...small.people, unverified]) expect((await scan(person, spots[0]!.token)).status).toBe(200);

    const wall = await t.request(`/api/v1/campus-days/${event.id}/class-wall`, { headers: unverified.headers });
    expect(wall.status).toBe(200);
    expect(wall.body).toMatchObject({ eventId: event.id, alumniCount: 5 });
    expect(wall.body.classes).toEqual([
      {
        groupId: big.group.id,
        name: big.group.name,
        count: 3,
        names: expect.arrayContaining(big.people.map((p) => p.alumnus.displayName)),
      },
    ]);
    expect((await t.request(`/api/v1/campus-days/${event.id}/class-wall`)).status).toBe(401);
  });
});
