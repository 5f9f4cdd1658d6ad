import { signedIn } from '../../test/auth.js';
import { campaignFactory, eventFactory } from '../../test/factories.js';
import { giveAndPay, post } from '../../test/giving.js';
import { groupWith, people } from '../../test/group-feeds.js';
import { eventually } from '../../test/notifications.js';
import { statementsOf } from '../../test/statements.js';
import { useKeptAnswersPair } from '../../test/test-app.js';
import { serverTestsRun } from '../../test/test-database.js';
import { TableChanges } from './table-changes.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/**
 * The public reads (home page, event list and page, campaign page, donor wall, ledger) are
 * cached per instance. Answers are kept for 60 s here, far longer than any test waits, so a
 * fresh answer after a change can only come from the change being heard.
 */
describe.runIf(serverTestsRun())('cached public reads', () => {
  const pair = useKeptAnswersPair();
  const { freshOnB } = pair;
  let staff: Who;
  let eventId: string;
  let campaignId: string;

  const write = (path: string, method: string, body: unknown) => pair.a.request(path, { ...post(body, staff.headers), method });

  beforeAll(async () => {
    const { a } = pair;
    await a.dataSource.query(`INSERT INTO schools (id, name, short_name, intro, city) VALUES (1, '江州学院', '江院', '', '江州')`);
    staff = await signedIn(a, ['staff']);
    eventId = (await eventFactory(a.dataSource)(48, { title: '返校日', address: '江州市学院路 1 号', latitude: 28.2, longitude: 112.9 }))
      .id;
    campaignId = (await campaignFactory(a.dataSource)({ kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 })).id;
  });

  const reads = () => [
    '/api/v1/school',
    '/api/v1/events?when=upcoming&limit=5',
    `/api/v1/events/${eventId}`,
    '/api/v1/campaigns?status=open&limit=5',
    `/api/v1/campaigns/${campaignId}`,
    `/api/v1/campaigns/${campaignId}/donors?limit=10`,
    `/api/v1/campaigns/${campaignId}/disbursements?limit=10`,
  ];

  it('answers a repeated read without the database, the same as the first time', async () => {
    const { b } = pair;
    for (const path of reads()) {
      const first = await b.request(path);
      expect(first.status).toBe(200);
      let again: Awaited<ReturnType<typeof b.request>> | undefined;
      const statements = await statementsOf(b.dataSource, async () => {
        again = await b.request(path);
      });
      expect({ path, statements }).toEqual({ path, statements: [] });
      expect(again!.body).toEqual(first.body);
      expect(again!.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('shows a change made through the other instance at once: events', async () => {
    await pair.b.request('/api/v1/events?when=upcoming&limit=5');
    await pair.b.request(`/api/v1/events/${eventId}`);
    const edit = await write(`/api/v1/staff/events/${eventId}`, 'PATCH', { title: '返校日（改期）' });
    expect(edit.body).toMatchObject({ title: '返校日（改期）' });
    await freshOnB(`/api/v1/events/${eventId}`, (event: any) => event.title === '返校日（改期）');
    await freshOnB('/api/v1/events?when=upcoming&limit=5', (page) => page.items.some((e: any) => e.title === '返校日（改期）'));
  });

  it('shows a gift paid through the other instance at once: progress, donor wall, and the ledger entry after it', async () => {
    const donor = await signedIn(pair.a, ['alumnus'], { displayName: '林校友' });
    for (const path of reads().slice(3)) await pair.b.request(path);

    await giveAndPay(pair.a, campaignId, donor, { units: 2 });
    await freshOnB(`/api/v1/campaigns/${campaignId}`, (campaign) => campaign.raisedFen === 6000);
    await freshOnB('/api/v1/campaigns?status=open&limit=5', (page) => page.items.some((c: any) => c.raisedFen === 6000));
    await freshOnB(`/api/v1/campaigns/${campaignId}/donors?limit=10`, (page) => page.items[0]?.name === '林校友');

    const entry = { spentOn: '2026-11-20', amountFen: 6000, purpose: '在东坡种下 2 棵树苗' };
    expect((await write(`/api/v1/staff/campaigns/${campaignId}/disbursements`, 'POST', entry)).status).toBe(201);
    await freshOnB(`/api/v1/campaigns/${campaignId}/disbursements?limit=10`, (page) => page.items[0]?.purpose === entry.purpose);
  });

  it('drops a renamed donor and a changed school at once, even when written outside the API', async () => {
    await pair.b.request(`/api/v1/campaigns/${campaignId}/donors?limit=10`);
    await pair.b.request('/api/v1/school');
    await pair.a.dataSource.query(`UPDATE alumni SET display_name = '林小舟' WHERE display_name = '林校友'`);
    await pair.a.dataSource.query(`UPDATE schools SET motto = '博学笃行'`);
    await freshOnB(`/api/v1/campaigns/${campaignId}/donors?limit=10`, (page) => page.items[0]?.name === '林小舟');
    await freshOnB('/api/v1/school', (school) => school.motto === '博学笃行');
  });

  it('never keeps a failed read: a draft published later is found', async () => {
    const draft = await eventFactory(pair.a.dataSource)(72, { status: 'draft' });
    expect((await pair.b.request(`/api/v1/events/${draft.id}`)).status).toBe(404);
    const statements = await statementsOf(pair.b.dataSource, () => pair.b.request(`/api/v1/events/${draft.id}`));
    expect(statements.length).toBeGreaterThan(0);
  });

  it('reads through while it cannot hear changes, and caches again once it hears them', async () => {
    const { a, b } = pair;
    const path = `/api/v1/events/${eventId}`;
    await b.request(path);
    const listeners = () =>
      a.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'alumnilink-table-changes' AND datname = current_database()`,
      );
    expect(await listeners()).toHaveLength(2);
    await eventually(async () => (b.app.get(TableChanges).live ? undefined : true), 5_000);

    // Sent while nobody listens: only reading through can show it.
    await a.dataSource.query(`UPDATE events SET title = '秋季返校日' WHERE id = $1`, [eventId]);
    expect((await b.request(path)).body.title).toBe('秋季返校日');

    await eventually(async () => {
      await b.request(path);
      return (await statementsOf(b.dataSource, () => b.request(path), 1)).length === 0 ? true : undefined;
    }, 10_000);
  });

  it("keeps a member's group feed page, and drops it when anyone posts, likes or changes the member's standing", async () => {
    const { a, b } = pair;
    const { 周舟: reader, 吴越: writer, 郑管: owner } = await people(a, ['周舟', '吴越', '郑管']);
    const groupId = await groupWith(a, 'approval', [{ member: reader! }, { member: writer! }, { member: owner!, role: 'owner' }]);
    const feed = `/api/v1/groups/${groupId}/posts`;
    const asReader = { headers: reader!.headers };

    expect((await b.request(feed, asReader)).status).toBe(200);
    expect(await statementsOf(b.dataSource, () => b.request(feed, asReader))).toEqual([]);
    // Another member's page is their own.
    expect((await b.request(feed, { headers: writer!.headers })).body.items).toEqual([]);

    const posted = await a.request(feed, post({ text: '周末一起爬山' }, writer!.headers));
    expect(posted.status).toBe(201);
    await freshOnB(feed, (page) => page.items[0]?.text === '周末一起爬山' && page.items[0].mayLike === true, reader!.headers);

    expect((await a.request(`/api/v1/group-posts/${posted.body.id}/like`, { method: 'PUT', headers: reader!.headers })).status).toBe(200);
    await freshOnB(feed, (page) => page.items[0]?.likedByMe === true && page.items[0].likeCount === 1, reader!.headers);

    const mute = await a.request(`/api/v1/groups/${groupId}/members/${reader!.alumnus.id}/mute`, {
      method: 'PUT',
      headers: owner!.headers,
    });
    expect(mute.status).toBe(204);
    // Muted, the reader may no longer comment: the flag is left out.
    await freshOnB(feed, (page) => page.items[0] !== undefined && !('mayComment' in page.items[0]), reader!.headers);

    await a.dataSource.query(`UPDATE group_memberships SET status = 'left' WHERE group_id = $1 AND alumnus_id = $2`, [
      groupId,
      reader!.alumnus.id,
    ]);
    await freshOnB(feed, (_body, status) => status === 403, reader!.headers);
  });
});
