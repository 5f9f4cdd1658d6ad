import { groupWith, type Member, people } from '../../test/group-feeds.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('feed timelines', () => {
  let t: TestApp;
  let p: Record<string, Member>;
  let groupA: string;
  let groupB: string;
  let elsewhere: string;

  const get = (path: string, who: Member) => t.request(`/api/v1${path}`, { headers: who.headers });
  const post = (who: Member, groupId: string, text: string) =>
    t.request(`/api/v1/groups/${groupId}/posts`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });

  /** Posts written straight to the table: many share one timestamp, so only the id orders them. */
  const seed = async (groupId: string, author: Member, count: number, status = 'published') => {
    await t.dataSource.query(
      `INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, created_at)
       SELECT $1, $2, $5 || '-' || i, $4, CASE WHEN $4 = 'held' THEN 'review' ELSE 'pass' END,
              timestamptz '2026-10-01' + make_interval(mins => i / 3)
         FROM generate_series(1, $3) i`,
      [groupId, author.alumnus.id, count, status, `${groupId.slice(0, 4)}-${status}`],
    );
  };
  const expected = async (groupIds: string[], viewer: Member): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT id FROM group_posts WHERE group_id = ANY($1::uuid[]) AND (status = 'published' OR (status = 'held' AND author_id = $2))
          ORDER BY created_at DESC, id DESC`,
        [groupIds, viewer.alumnus.id],
      )
    ).map((row: { id: string }) => row.id);

  /** Walks every page while other members keep posting, between and during the page reads. */
  const walk = async (path: string, who: Member, writers: (() => Promise<unknown>)[]): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const [res]: [{ status: number; body: { items: { id: string }[]; nextCursor: string | null } }, unknown] = await Promise.all([
        get(`${path}${path.includes('?') ? '&' : '?'}limit=7${cursor ? `&cursor=${cursor}` : ''}`, who),
        writers[n % writers.length]!(),
      ]);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item) => item.id));
      cursor = res.body.nextCursor;
      n += 1;
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    t = await startTestApp();
    p = await people(t, ['读者', '作者甲', '作者乙']);
    groupA = await groupWith(t, 'approval', [{ member: p['读者']! }, { member: p['作者甲']! }, { member: p['作者乙']! }]);
    groupB = await groupWith(t, 'open', [{ member: p['读者']! }, { member: p['作者乙']! }]);
    elsewhere = await groupWith(t, 'open', [{ member: p['作者甲']! }]);
    await seed(groupA, p['作者甲']!, 40);
    await seed(groupA, p['作者乙']!, 5, 'held');
    await seed(groupA, p['读者']!, 3, 'held');
    await seed(groupB, p['作者乙']!, 25);
    await seed(elsewhere, p['作者甲']!, 10);
  });
  afterAll(() => t.close());

  it('walks a group’s feed newest first without repeating or skipping a post while new ones arrive', async () => {
    const before = await expected([groupA], p['读者']!);
    const seen = await walk(`/groups/${groupA}/posts`, p['读者']!, [
      () => post(p['作者甲']!, groupA, '翻页时的新动态'),
      () => post(p['作者乙']!, groupA, '另一条新动态'),
    ]);
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(40 + 3);

    const first = await get(`/groups/${groupA}/posts?limit=3`, p['读者']!);
    expect(first.body.items.map((i: { text: string }) => i.text)).toEqual(expect.arrayContaining(['翻页时的新动态', '另一条新动态']));
  });

  it('walks the "my groups" feed across groups the same way, without the groups I am not in', async () => {
    const before = await expected([groupA, groupB], p['读者']!);
    const seen = await walk('/me/group-feed', p['读者']!, [
      () => post(p['作者乙']!, groupB, '新的 B 组动态'),
      () => post(p['作者甲']!, elsewhere, '别的群'),
      () => post(p['作者甲']!, groupA, '新的 A 组动态'),
    ]);
    expect(seen).toEqual(before);
    const groups = (await get('/me/group-feed?limit=100', p['读者']!)).body.items.map((i: { group: { id: string } }) => i.group.id);
    expect(new Set(groups)).toEqual(new Set([groupA, groupB]));
  });

  it('shows my held posts to me only, in both timelines', async () => {
    const mine = await get('/me/group-feed?limit=100', p['读者']!);
    const held = mine.body.items.filter((i: { status: string }) => i.status === 'held');
    expect(held).toHaveLength(3);
    expect(held.every((i: { author: { id: string } }) => i.author.id === p['读者']!.alumnus.id)).toBe(true);
    const theirs = await get(`/groups/${groupA}/posts?limit=100`, p['作者甲']!);
    expect(theirs.body.items.filter((i: { status: string }) => i.status === 'held')).toEqual([]);
  });

  it('has the tables its entities describe (migration and entities agree)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    // The SQL also holds checks and indexes the entities do not repeat, which TypeORM would drop.
    const columnChanges = pending.upQueries
      .map((q) => q.query)
      .filter((q) => q.includes('group_post') && !/DROP (CONSTRAINT|INDEX|DEFAULT)/.test(q));
    expect(columnChanges).toEqual([]);
  });

  it('answers an empty page to someone in no group', async () => {
    const [loner] = Object.values(await people(t, ['独行侠']));
    expect((await get('/me/group-feed', loner!)).body).toEqual({ items: [], nextCursor: null });
  });
});
