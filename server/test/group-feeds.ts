import type { Role } from '@alumni/shared';
import { signedIn } from './auth.js';
import type { TestApp } from './test-app.js';

export type Member = Awaited<ReturnType<typeof signedIn>>;

let counter = 0;

/**
 * An active interest group with these members (rows written directly: the feed tests are
 * about the feed, and the groups module's own tests cover joining).
 */
export async function groupWith(
  t: TestApp,
  joinPolicy: 'open' | 'approval',
  members: { member: Member; role?: 'owner' | 'admin' | 'member'; muted?: boolean }[],
): Promise<string> {
  counter += 1;
  const [group] = (await t.dataSource.query(
    `INSERT INTO groups (kind, name, intro, join_policy, status) VALUES ('interest', $1, '', $2, 'active') RETURNING id`,
    [`摄影社${counter}`, joinPolicy],
  )) as { id: string }[];
  for (const { member, role = 'member', muted = false } of members) {
    await t.dataSource.query(
      `INSERT INTO group_memberships (group_id, alumnus_id, role, status, joined_at, muted_at)
       VALUES ($1, $2, $3, 'active', now(), CASE WHEN $4 THEN now() END)`,
      [group!.id, member.alumnus.id, role, muted],
    );
  }
  return group!.id;
}

/** Signed-in alumni for a feed test: staff and a few members. */
export async function people(t: TestApp, names: string[], roles: Role[] = ['alumnus']): Promise<Record<string, Member>> {
  const entries = await Promise.all(names.map(async (name) => [name, await signedIn(t, roles, { displayName: name })] as const));
  return Object.fromEntries(entries);
}

/** Row counts of the feed tables, to prove a refused request wrote nothing. */
export async function feedCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = (await t.dataSource.query(`
    SELECT (SELECT count(*) FROM group_posts)::int AS posts,
           (SELECT count(*) FROM group_post_comments)::int AS comments,
           (SELECT count(*) FROM group_post_likes)::int AS likes,
           (SELECT count(*) FROM group_post_reports)::int AS reports,
           (SELECT count(*) FROM group_comment_reports)::int AS comment_reports,
           (SELECT count(*) FROM group_post_images WHERE post_id IS NOT NULL)::int AS attached_images,
           (SELECT count(*) FROM interactions WHERE kind LIKE 'group.%')::int AS interactions,
           (SELECT count(*) FROM outbox_messages WHERE kind = 'groups.post-replied')::int AS outbox`)) as Record<string, number>[];
  return row!;
}
