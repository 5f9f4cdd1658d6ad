import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of story comments, one per reader and comment (as `memory_reports` keeps them for old
 * photos): a reader who reports again changes nothing, and staff see how many readers reported
 * an item. `content_reviews.report_count` is that number on the one waiting queue entry of a
 * reported item (0 for content held by WeChat's check).
 */
export class StoryCommentReports1797040000000 implements MigrationInterface {
  name = 'StoryCommentReports1797040000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE story_comment_reports (
        comment_id uuid NOT NULL REFERENCES story_comments (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES alumni (id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (comment_id, reporter_id)
      )`);
    await db.query(`CREATE INDEX story_comment_reports_reporter ON story_comment_reports (reporter_id)`);
    await db.query(`ALTER TABLE content_reviews ADD COLUMN report_count integer NOT NULL DEFAULT 0 CHECK (report_count >= 0)`);
    // Entries waiting before this: at least the one report that queued them; old photos kept every reporter.
    await db.query(`
      UPDATE content_reviews r
         SET report_count = GREATEST(1, (SELECT count(*) FROM memory_reports m WHERE m.subject_id = r.subject_id))
       WHERE r.reason = 'reported'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE content_reviews DROP COLUMN report_count`);
    await db.query(`DROP TABLE story_comment_reports`);
  }
}
