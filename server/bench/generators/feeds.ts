import type pg from 'pg';

/** An open interest group anyone signed in may read; returns its id. */
export async function insertOpenGroup(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO groups (kind, name, intro, join_policy, status) VALUES ('interest', $1, '基准测试群组', 'open', 'active') RETURNING id`,
    [name],
  );
  return rows[0]!.id;
}

/**
 * Adds `count` published posts to a group in one INSERT … SELECT over generate_series, one
 * a minute going back from `endsMinutesAgo` (so growing a feed adds older posts and its first
 * page stays the same rows).
 */
export async function insertPosts(pool: pg.Pool, groupId: string, authorId: string, count: number, endsMinutesAgo = 0): Promise<void> {
  await pool.query(
    `INSERT INTO group_posts (group_id, author_id, text, status, check_outcome, created_at, updated_at)
     SELECT $1, $2, '基准测试动态 ' || g, 'published', 'pass', t, t
     FROM generate_series(1, $3::int) AS g, LATERAL (SELECT now() - ($4::int + g) * interval '1 minute' AS t) AS at`,
    [groupId, authorId, count, endsMinutesAgo],
  );
}
