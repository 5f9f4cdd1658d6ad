import type pg from 'pg';

/** An open interest group anyone signed in may read; returns its id. */
export async function insertOpenGroup(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO groups (kind, name, intro, join_policy, status) VALUES ('interest', $1, '基准测试群组', 'open', 'active') RETURNING id`,
    [name],
  );
  return rows[0]!.id;
}

/** Active members of a group (the first one its owner), in one insert; keeps the group's member count. */
export async function insertMembers(pool: pg.Pool, groupId: string, alumnusIds: readonly string[]): Promise<void> {
  await pool.query(
    `WITH joined AS (
       INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at)
       SELECT $1, id, CASE WHEN n = 1 THEN 'owner' ELSE 'member' END, 'active', now()
       FROM unnest($2::uuid[]) WITH ORDINALITY AS m(id, n)
       RETURNING 1)
     UPDATE groups SET member_count = member_count + (SELECT count(*) FROM joined) WHERE id = $1`,
    [groupId, alumnusIds],
  );
}

/**
 * Adds `count` published posts to a group in one INSERT … SELECT over generate_series, one
 * a minute going back from `endsMinutesAgo` (so growing a feed adds older posts and its first
 * page stays the same rows), written by the authors in turn.
 */
export async function insertPosts(
  pool: pg.Pool,
  groupId: string,
  authorIds: readonly string[],
  count: number,
  endsMinutesAgo = 0,
): Promise<void> {
  await pool.query(
    `INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, created_at, updated_at)
     SELECT $1, ($2::uuid[])[1 + g % cardinality($2::uuid[])], '基准测试动态 ' || g, 'published', 'pass', t, t
     FROM generate_series(1, $3::int) AS g, LATERAL (SELECT now() - ($4::int + g) * interval '1 minute' AS t) AS at`,
    [groupId, authorIds, count, endsMinutesAgo],
  );
}

/**
 * What makes a feed page lively, on the group's newest `count` posts: every other one with
 * three images (under storage keys as uploads have them, folder/uuid.ext: a thumbnail's key is
 * derived from it), likes from the first `likes` likers on every post (and its counter), a
 * comment count, and the newest post pinned.
 */
export async function decoratePosts(pool: pg.Pool, groupId: string, likerIds: readonly string[], count: number): Promise<void> {
  const newest = `SELECT id, author_id, row_number() OVER (ORDER BY created_at DESC, id DESC) AS n FROM group_posts
                   WHERE group_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`;
  await pool.query(
    `INSERT INTO group_post_images (uploader_id, storage_key, post_id, position)
     SELECT p.author_id, 'group-posts/' || gen_random_uuid() || '.jpg', p.id, i
     FROM (${newest}) AS p, generate_series(0, 2) AS i WHERE p.n % 2 = 1`,
    [groupId, count],
  );
  await pool.query(
    `INSERT INTO group_post_likes (post_id, alumnus_id) SELECT p.id, l.id FROM (${newest}) AS p, unnest($3::uuid[]) AS l(id)`,
    [groupId, count, likerIds],
  );
  await pool.query(
    `UPDATE group_posts SET like_count = cardinality($3::uuid[]), comment_count = 3,
                            pinned_at = CASE WHEN p.n = 1 THEN now() END
       FROM (${newest}) AS p WHERE group_posts.id = p.id`,
    [groupId, count, likerIds],
  );
}
