import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The columns posts and comments share (ModeratedContentEntity), ending in a comma. Risky
 * text is refused, never stored; unchecked text is published only by a staff decision.
 */
const moderatedColumns = (maxChars: number) => `
        author_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND ${maxChars}),
        status text NOT NULL CHECK (status IN ('published', 'held', 'rejected', 'removed')),
        check_outcome text NOT NULL CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label int,
        check_trace_id text,
        queued_at timestamptz(3),
        moderated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderated_at timestamptz(3),
        moderation_note text CHECK (char_length(moderation_note) <= 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status <> 'published' OR check_outcome = 'pass' OR moderated_by IS NOT NULL),`;

/**
 * Group feeds: posts with their images, comments, likes and reports (docs/group-feeds.md).
 * Feeds read `(group_id, created_at DESC, id DESC)` over visible rows only, so a page is one
 * index range scan per group whatever the table size; the staff queue reads its own small
 * partial indexes.
 */
export class GroupPosts1795957013996 implements MigrationInterface {
  name = 'GroupPosts1795957013996';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE group_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,${moderatedColumns(2000)}
        pinned_at timestamptz(3),
        pinned_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        like_count int NOT NULL DEFAULT 0 CHECK (like_count >= 0),
        comment_count int NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        edited_at timestamptz(3),
        CHECK (pinned_at IS NULL OR status = 'published')
      )`);
    await db.query(
      `CREATE INDEX group_posts_feed_idx ON group_posts (group_id, created_at DESC, id DESC) WHERE status IN ('published', 'held')`,
    );
    await db.query(`CREATE INDEX group_posts_pinned_idx ON group_posts (group_id, pinned_at DESC) WHERE pinned_at IS NOT NULL`);
    await db.query(`CREATE INDEX group_posts_queue_idx ON group_posts (queued_at, id) WHERE queued_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE group_post_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploader_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        storage_key text NOT NULL UNIQUE,
        post_id uuid REFERENCES group_posts (id) ON DELETE CASCADE,
        position smallint CHECK (position BETWEEN 0 AND 8),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((post_id IS NULL) = (position IS NULL)),
        UNIQUE (post_id, position)
      )`);

    await db.query(`
      CREATE TABLE group_post_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES group_posts (id) ON DELETE CASCADE,${moderatedColumns(500).replace(/,$/, '')}
      )`);
    await db.query(
      `CREATE INDEX group_post_comments_post_idx ON group_post_comments (post_id, created_at, id) WHERE status IN ('published', 'held')`,
    );
    await db.query(`CREATE INDEX group_post_comments_queue_idx ON group_post_comments (queued_at, id) WHERE queued_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE group_post_likes (
        post_id uuid NOT NULL REFERENCES group_posts (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, alumnus_id)
      )`);

    await db.query(`
      CREATE TABLE group_post_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES group_posts (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        resolved_at timestamptz(3),
        resolved_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        resolution text CHECK (resolution IN ('kept', 'removed')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((resolved_at IS NULL) = (resolution IS NULL))
      )`);
    // One open report per member and post: a repeat answers with the first.
    await db.query(
      `CREATE UNIQUE INDEX group_post_reports_open_idx ON group_post_reports (post_id, reporter_id) WHERE resolved_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE group_post_reports`);
    await db.query(`DROP TABLE group_post_likes`);
    await db.query(`DROP TABLE group_post_comments`);
    await db.query(`DROP TABLE group_post_images`);
    await db.query(`DROP TABLE group_posts`);
  }
}
