import { shanghaiDay } from '@alumni/shared';
import { ballot, openVote, type Person, staffOf, unverifiedOf, voter } from '../../../test/governance.js';
import { scalar } from '../../../test/interactions.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';

const day = (offsetDays: number) => shanghaiDay(new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000));

describe('the alumni council', () => {
  let t: TestApp;
  let staff: Person;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await staffOf(t);
  });
  afterAll(() => t.close());

  const add = (body: Record<string, unknown>) => t.request('/api/v1/staff/governance/council/members', json(body, staff.headers));
  const term = (alumnusId: string, overrides: Record<string, unknown> = {}) => ({
    alumnusId,
    title: '理事',
    termStartsOn: day(-30),
    termEndsOn: day(365 * 3),
    source: 'appointed',
    ...overrides,
  });

  it('seats an election’s winner and appointed members, shows them on the public page by title, and ends a term', async () => {
    const [winner, loser, chair] = [
      await voter(t, 2008, { displayName: '当选校友' }),
      await voter(t),
      await voter(t, 1999, { displayName: '老会长' }),
    ];
    const election = await openVote(t, staff, {
      title: '第三届理事会理事选举',
      purpose: 'election',
      options: [
        { label: '当选校友', candidateId: winner.alumnus.id },
        { label: '落选校友', candidateId: loser.alumnus.id },
      ],
    });
    await ballot(t, await voter(t), election, [1]);
    // Before its result is published, nobody is seated from it.
    expect((await add(term(winner.alumnus.id, { source: 'elected', voteId: election }))).body.error.code).toBe('COUNCIL_ELECTION_INVALID');
    await t.request(`/api/v1/staff/governance/votes/${election}/close`, json({}, staff.headers));
    await t.request(`/api/v1/staff/governance/votes/${election}/publish-results`, json({}, staff.headers));
    expect((await add(term(chair.alumnus.id, { source: 'elected', voteId: election }))).body.error.code).toBe('COUNCIL_ELECTION_INVALID');
    expect((await add(term(winner.alumnus.id, { source: 'elected' }))).body.error.code).toBe('COUNCIL_ELECTION_INVALID');

    const seated = await add(term(winner.alumnus.id, { source: 'elected', voteId: election }));
    expect(seated.status).toBe(201);
    expect(seated.body).toMatchObject({
      name: '当选校友',
      source: 'elected',
      voteTitle: '第三届理事会理事选举',
      current: true,
      graduationYear: 2008,
    });
    const appointed = await add(term(chair.alumnus.id, { title: '会长', intro: '1999 届机械系，创办江州精工' }));
    expect(appointed.status).toBe(201);

    const page = await t.request('/api/v1/governance/council');
    expect(page.body.current.map((m: { name: string; title: string }) => [m.title, m.name])).toEqual([
      ['会长', '老会长'],
      ['理事', '当选校友'],
    ]);
    expect(await scalar(t, `SELECT count(*) FROM interactions WHERE kind = 'governance.council_joined'`)).toBe(2);

    const ended = await t.request(
      `/api/v1/staff/governance/council/members/${appointed.body.id}/end`,
      json({ reason: '工作调动' }, staff.headers),
    );
    expect(ended.body).toMatchObject({ endedOn: day(0), current: true });
    // Ended today: serving through today, then among past terms.
    await t.dataSource.query(`UPDATE council_members SET ended_on = $2, term_starts_on = $3 WHERE id = $1`, [
      appointed.body.id,
      day(-1),
      day(-30),
    ]);
    const later = await t.request('/api/v1/governance/council');
    expect(later.body.current.map((m: { name: string }) => m.name)).toEqual(['当选校友']);
    expect(later.body.past.map((m: { name: string }) => m.name)).toEqual(['老会长']);
  });

  it('refuses unverified alumni, overlapping terms and impossible dates, writing nothing', async () => {
    const member = await voter(t);
    expect((await add(term(member.alumnus.id))).status).toBe(201);
    const before = await scalar(t, `SELECT count(*) FROM council_members`);
    const refusals = [
      [await add(term(member.alumnus.id, { termStartsOn: day(10) })), 409, 'COUNCIL_MEMBER_OVERLAP'],
      [await add(term((await unverifiedOf(t)).alumnus.id)), 422, 'COUNCIL_MEMBER_INELIGIBLE'],
      [await add(term((await voter(t)).alumnus.id, { termEndsOn: day(-31) })), 422, 'COUNCIL_TERM_INVALID'],
      [await add(term((await voter(t)).alumnus.id, { termEndsOn: day(365 * 8) })), 422, 'COUNCIL_TERM_INVALID'],
      [await add(term((await voter(t)).alumnus.id, { termStartsOn: '2026-02-30' })), 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [res, status, code] of refusals) expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await scalar(t, `SELECT count(*) FROM council_members`)).toBe(before);
    // A next term after this one ends is fine.
    expect((await add(term(member.alumnus.id, { termStartsOn: day(365 * 3 + 1), termEndsOn: day(365 * 6) }))).status).toBe(201);
  });
});
