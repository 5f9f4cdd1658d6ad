import type { ReunionProposalDto } from '@alumni/shared';
import { signedIn } from '../../../test/auth.js';
import { classOf, consented, del, logged, put, staffOf, type Person } from '../../../test/memories.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';
import { REVIEW_WORD, RISKY_WORD } from '../../wechat/fake/content-security.fake.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY_MS + hours * 3_600_000).toISOString();

describe('class reunions', () => {
  let t: TestApp;
  let staff: Person;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
  });
  afterAll(() => t?.close());

  const proposal = (classGroupId: string, overrides: Record<string, unknown> = {}) => ({
    classGroupId,
    title: '毕业二十周年聚会',
    message: '二十年了，回母校看看老师和老教室吧！',
    startsAt: inDays(60),
    endsAt: inDays(60, 4),
    city: '江州',
    venue: '母校大礼堂',
    ...overrides,
  });

  const inbox = (person: Person, kind: string) =>
    t.dataSource.query(`SELECT title, body, page FROM inbox_messages WHERE alumnus_id = $1 AND kind = $2`, [person.alumnus.id, kind]);

  it('lets a classmate propose, classmates answer, and staff make it an event with sign-up for the class', async () => {
    const { group, people } = await classOf(t, 3, { joined: true });
    const [wang, li, zhao] = people as [Person, Person, Person];
    const created = await t.request('/api/v1/reunions', json(proposal(group.id), wang.headers));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as ReunionProposalDto).id;
    expect(created.body).toMatchObject({
      classGroup: { id: group.id, name: group.name },
      proposer: { id: wang.alumnus.id },
      status: 'open',
      interestCount: 1,
      interestedByMe: true,
      mayWithdraw: true,
    });
    // Classmates hear of it in 消息; the proposer does not.
    expect(await inbox(li, 'reunions.proposed')).toEqual([
      expect.objectContaining({ title: '班级聚会倡议', page: `packages/campus-days/pages/reunion/index?id=${id}` }),
    ]);
    expect(await inbox(wang, 'reunions.proposed')).toEqual([]);

    const listed = await t.request(`/api/v1/reunions?classGroupId=${group.id}`, { headers: li.headers });
    expect(listed.body.items.map((p: ReunionProposalDto) => p.id)).toEqual([id]);
    expect((await t.request(`/api/v1/reunions/${id}/interest`, put(li.headers))).body).toMatchObject({
      interestCount: 2,
      interestedByMe: true,
    });
    // Saying it twice counts once; taking it back and saying it again too.
    await t.request(`/api/v1/reunions/${id}/interest`, put(li.headers));
    await t.request(`/api/v1/reunions/${id}/interest`, put(zhao.headers));
    await t.request(`/api/v1/reunions/${id}/interest`, del(zhao.headers));
    expect((await t.request(`/api/v1/reunions/${id}`, { headers: zhao.headers })).body).toMatchObject({
      interestCount: 2,
      interestedByMe: false,
    });
    expect(await logged(t, li.alumnus.id, 'reunions.interested')).toHaveLength(1);
    expect(await logged(t, wang.alumnus.id, 'reunions.proposed')).toEqual([
      { subject_id: id, detail: { classGroupId: group.id, status: 'published' } },
    ]);

    const queue = await t.request('/api/v1/staff/reunions', { headers: staff.headers });
    const waiting = queue.body.items.find((p: ReunionProposalDto) => p.id === id);
    expect(waiting.interested.map((p: { id: string }) => p.id)).toEqual([wang.alumnus.id, li.alumnus.id]);

    const approved = await t.request(
      `/api/v1/staff/reunions/${id}/approve`,
      json(
        { capacity: 60, venue: '母校大礼堂', address: '江州市学院路 1 号', latitude: 30.27, longitude: 120.15, note: '欢迎回家' },
        staff.headers,
      ),
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const eventId = approved.body.eventId as string;
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: '欢迎回家' });

    // An ordinary event: published, for the class group, with sign-up.
    const event = await t.request(`/api/v1/events/${eventId}`);
    expect(event.body).toMatchObject({
      kind: 'reunion',
      status: 'published',
      title: '毕业二十周年聚会',
      capacity: 60,
      audience: { kind: 'group', groupId: group.id },
      venue: '母校大礼堂',
    });
    const signUp = await t.request(`/api/v1/events/${eventId}/registrations`, json({ answers: {} }, li.headers));
    expect(signUp.status, JSON.stringify(signUp.body)).toBe(201);
    expect(signUp.body.status).toBe('confirmed');
    const outsider = await signedIn(t, ['alumnus'], { ...consented(), verifiedAt: new Date() });
    expect((await t.request(`/api/v1/events/${eventId}/registrations`, json({ answers: {} }, outsider.headers))).status).toBe(403);

    for (const person of [wang, li]) expect(await inbox(person, 'reunions.approved')).toHaveLength(1);
    expect(await inbox(zhao, 'reunions.approved')).toEqual([]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id IN ($1, $2) ORDER BY id`, [id, eventId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['event.created', 'event.published', 'reunion.approved']);

    const again = await t.request(`/api/v1/staff/reunions/${id}/decline`, json({ note: '重复' }, staff.headers));
    expect(again.body.error.code).toBe('REUNION_STATE_CONFLICT');
  });

  it('keeps proposals to the class: others can neither propose, read nor answer', async () => {
    const mine = await classOf(t, 1);
    const other = await classOf(t, 1);
    const [me] = mine.people as [Person];
    const [stranger] = other.people as [Person];
    const refused = await t.request('/api/v1/reunions', json(proposal(mine.group.id), stranger.headers));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('REUNION_CLASS_NOT_MINE');
    const created = await t.request('/api/v1/reunions', json(proposal(mine.group.id), me.headers));
    expect((await t.request(`/api/v1/reunions?classGroupId=${mine.group.id}`, { headers: stranger.headers })).status).toBe(403);
    expect((await t.request(`/api/v1/reunions/${created.body.id}`, { headers: stranger.headers })).status).toBe(404);
    expect((await t.request(`/api/v1/reunions/${created.body.id}/interest`, put(stranger.headers))).status).toBe(404);

    const classes = await t.request('/api/v1/reunions/classes', { headers: me.headers });
    expect(classes.body).toEqual([{ groupId: mine.group.id, name: mine.group.name, mayPropose: true, openProposals: 1 }]);
  });

  it('checks the text: risky is refused, review waits unseen by the class until staff decide', async () => {
    const { group, people } = await classOf(t, 2, { joined: true });
    const [wang, li] = people as [Person, Person];
    const risky = await t.request('/api/v1/reunions', json(proposal(group.id, { message: `聚会 ${RISKY_WORD}` }), wang.headers));
    expect(risky.status).toBe(422);
    expect(risky.body.error.code).toBe('CONTENT_RISKY');

    const held = await t.request('/api/v1/reunions', json(proposal(group.id, { message: `聚会 ${REVIEW_WORD}` }), wang.headers));
    expect(held.status).toBe(201);
    expect((await t.request(`/api/v1/reunions?classGroupId=${group.id}`, { headers: li.headers })).body.items).toEqual([]);
    expect(await inbox(li, 'reunions.proposed')).toEqual([]);
    const declined = await t.request(
      `/api/v1/staff/reunions/${held.body.id}/decline`,
      json({ note: '请修改措辞后重新发起' }, staff.headers),
    );
    expect(declined.body).toMatchObject({ status: 'declined', decisionNote: '请修改措辞后重新发起' });
    expect(await inbox(wang, 'reunions.declined')).toEqual([expect.objectContaining({ title: '聚会倡议未通过' })]);
  });

  it('refuses reunions in the past or too far ahead, a fourth open one, and answers once it is withdrawn', async () => {
    const { group, people } = await classOf(t, 2);
    const [wang, li] = people as [Person, Person];
    for (const times of [
      { startsAt: inDays(-1), endsAt: inDays(-1, 2) },
      { startsAt: inDays(800), endsAt: inDays(800, 2) },
      { startsAt: inDays(10, 2), endsAt: inDays(10) },
    ]) {
      const res = await t.request('/api/v1/reunions', json(proposal(group.id, times), wang.headers));
      expect(res.body.error.code).toBe('REUNION_TIME_INVALID');
    }
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.request('/api/v1/reunions', json(proposal(group.id), wang.headers))).body.id);
    expect((await t.request('/api/v1/reunions', json(proposal(group.id), li.headers))).body.error.code).toBe('REUNION_OPEN_LIMIT');

    expect((await t.request(`/api/v1/reunions/${ids[0]}/withdraw`, json({}, li.headers))).status).toBe(404);
    expect((await t.request(`/api/v1/reunions/${ids[0]}/withdraw`, json({}, wang.headers))).body).toMatchObject({ status: 'withdrawn' });
    expect((await t.request(`/api/v1/reunions/${ids[0]}/interest`, put(li.headers))).status).toBe(404);
    expect((await t.request('/api/v1/reunions', json(proposal(group.id), li.headers))).status).toBe(201);
  });
});
