import { groupWith, type Member, people } from '../../test/group-feeds.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * Every member reads the feed's answers many times a minute (issue 17), so they carry nothing
 * the page can know otherwise: a group's own feed does not name its group in every post, what
 * is false or never is left out, and an image is its id and its picture's URL (the thumbnail's
 * is derived from it).
 */
describe('the feed answer’s shape', () => {
  let t: TestApp;
  let p: Record<string, Member>;
  let group: string;
  let plain: string;
  let decorated: string;

  const get = async (path: string, who: Member) => {
    const res = await t.request(`/api/v1${path}`, { headers: who.headers });
    expect(res.status).toBe(200);
    return res.body;
  };
  const byId = (items: { id: string }[], id: string): Record<string, unknown> => items.find((item) => item.id === id)!;

  beforeAll(async () => {
    t = await startTestApp();
    p = await people(t, ['读者', '作者', '群主']);
    group = await groupWith(t, 'approval', [{ member: p['群主']!, role: 'owner' }, { member: p['作者']! }, { member: p['读者']! }]);
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, created_at)
       VALUES ($1, $2, '平常的一条', 'published', 'pass', now() - interval '1 minute'),
              ($1, $2, '置顶、点赞、改过、带图', 'published', 'pass', now())
       RETURNING id`,
      [group, p['作者']!.alumnus.id],
    );
    [plain, decorated] = rows.map((row) => row.id) as [string, string];
    await t.dataSource.query(`UPDATE group_posts SET pinned_at = now(), edited_at = now(), like_count = 1 WHERE id = $1`, [decorated]);
    await t.dataSource.query(`INSERT INTO group_post_likes (post_id, alumnus_id) VALUES ($1, $2)`, [decorated, p['读者']!.alumnus.id]);
    await t.dataSource.query(
      `INSERT INTO group_post_images (uploader_id, storage_key, post_id, position)
       VALUES ($1, 'group-posts/2f1c0f64-1e0e-4c5e-9a53-0d6f4a3b2c11.jpg', $2, 0)`,
      [p['作者']!.alumnus.id, decorated],
    );
  });
  afterAll(() => t?.close());

  it('leaves the group out of a group’s own feed; the "my groups" feed and a post on its own name it', async () => {
    const feed = await get(`/groups/${group}/posts`, p['读者']!);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual([decorated, plain]);
    expect(feed.pinned.map((item: { id: string }) => item.id)).toEqual([decorated]);
    for (const item of [...feed.items, ...feed.pinned]) expect(item).not.toHaveProperty('group');

    const named = { id: group, name: expect.stringMatching(/^摄影社/) };
    expect(byId((await get('/me/group-feed', p['读者']!)).items, plain)).toMatchObject({ group: named });
    expect(await get(`/group-posts/${plain}`, p['读者']!)).toMatchObject({ group: named });
  });

  it('sends a post’s flags and marks only when they hold: one left out is false', async () => {
    const feed = await get(`/groups/${group}/posts`, p['读者']!);
    // A member reading another's post that nobody pinned, liked or edited.
    expect(Object.keys(byId(feed.items, plain)).sort()).toEqual([
      'author',
      'commentCount',
      'createdAt',
      'id',
      'images',
      'likeCount',
      'mayComment',
      'mayLike',
      'mayReport',
      'status',
      'text',
    ]);
    expect(byId(feed.items, decorated)).toMatchObject({ pinned: true, likedByMe: true, editedAt: expect.any(String), likeCount: 1 });
    // The author and the owner see their own rights, and nothing false.
    const own = byId((await get(`/groups/${group}/posts`, p['作者']!)).items, plain);
    expect(own).toMatchObject({ mayEdit: true, mayDelete: true });
    expect(own).not.toHaveProperty('mayReport');
    const owner = byId((await get(`/groups/${group}/posts`, p['群主']!)).items, plain);
    expect(owner).toMatchObject({ mayDelete: true, mayPin: true, mayReport: true });
    for (const item of [own, owner]) expect(Object.values(item)).not.toContain(false);
  });

  it('gives an image as its id and its picture’s URL', async () => {
    const feed = await get(`/groups/${group}/posts`, p['读者']!);
    expect(byId(feed.items, decorated).images).toEqual([
      { id: expect.any(String), url: '/api/v1/group-post-images/2f1c0f64-1e0e-4c5e-9a53-0d6f4a3b2c11.jpg' },
    ]);
  });
});
