import { groupWith, type Member, people } from '../../test/group-feeds.js';
import { statementsOf } from '../../test/statements.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A feed page costs a fixed number of database round trips, however many posts, authors,
 * images and likes it shows: the per-post lookups are batched, so N+1 cannot creep back.
 */
describe('feed page round trips', () => {
  let t: TestApp;
  let p: Record<string, Member>;
  let group: string;

  /** `count` posts, each by its own new author, with two images each and the reader's like on every other one. */
  const seed = async (count: number) => {
    const authors = await people(
      t,
      Array.from({ length: count }, (_, i) => `作者${i}-${count}`),
    );
    const ids = Object.values(authors).map((a) => a.alumnus.id);
    await t.dataSource.query(
      `INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at) SELECT $1, id, 'member', 'active', now() FROM unnest($2::uuid[]) AS id`,
      [group, ids],
    );
    const posts: { id: string }[] = await t.dataSource.query(
      `INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, like_count, comment_count)
       SELECT $1, id, '动态', 'published', 'pass', 1, 2 FROM unnest($2::uuid[]) AS id RETURNING id`,
      [group, ids],
    );
    await t.dataSource.query(
      `INSERT INTO group_post_images (uploader_id, storage_key, post_id, position)
       SELECT p.author_id, 'group-posts/' || gen_random_uuid() || '.jpg', p.id, i FROM group_posts p, generate_series(0, 1) AS i
        WHERE p.id = ANY($1::uuid[])`,
      [posts.map((post) => post.id)],
    );
    await t.dataSource.query(
      `INSERT INTO group_post_likes (post_id, alumnus_id) SELECT id, $2 FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n) WHERE n % 2 = 0`,
      [posts.map((post) => post.id), p['读者']!.alumnus.id],
    );
    // One pinned announcement, shown above the first page.
    await t.dataSource.query(`UPDATE group_posts SET pinned_at = now() WHERE id = $1`, [posts[0]!.id]);
  };

  const feedPage = async () => {
    const res = await t.request(`/api/v1/groups/${group}/posts?limit=50`, { headers: p['读者']!.headers });
    expect(res.status).toBe(200);
    return res.body as { items: { images: unknown[]; likedByMe: boolean }[]; pinned: unknown[] };
  };

  beforeAll(async () => {
    t = await startTestApp();
    p = await people(t, ['读者', '群主']);
    group = await groupWith(t, 'approval', [{ member: p['群主']!, role: 'owner' }, { member: p['读者']! }]);
  });
  afterAll(() => t?.close());

  it('is the same few statements at 3 posts and at 30', async () => {
    await seed(3);
    const small = await statementsOf(t.dataSource, feedPage);
    const page = await feedPage();
    expect(page.items).toHaveLength(3);
    expect(page.pinned.length).toBeGreaterThan(0);

    await seed(27);
    const large = await statementsOf(t.dataSource, feedPage);
    const bigger = await feedPage();
    expect(bigger.items).toHaveLength(30);
    expect(bigger.items.every((item) => item.images.length === 2)).toBe(true);
    expect(bigger.items.filter((item) => item.likedByMe).length).toBeGreaterThan(10);

    expect(large).toHaveLength(small.length);
    // Access (group, membership), the page and its announcements, then one batched read each
    // for authors, images, the reader's likes and the reader's standing (a group's own feed
    // does not name its group in its posts, so reads no group names).
    expect(large.length).toBeLessThanOrEqual(9);
  });
});
