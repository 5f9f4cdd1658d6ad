import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of comments (like those of posts), and each join request's own outcome, kept on
 * its membership row so an alumnus can see their requests and the group admins' reason.
 */
export class GroupReportsRequests1795967820899 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE group_comment_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES group_post_comments (id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        resolved_at timestamptz(3),
        resolved_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        resolution text CHECK (resolution IN ('kept', 'removed')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((resolved_at IS NULL) = (resolution IS NULL))
      )`);
    // One open report per member and comment: a repeat answers with the first.
    await db.query(
      `CREATE UNIQUE INDEX group_comment_reports_open_idx ON group_comment_reports (comment_id, reporter_id) WHERE resolved_at IS NULL`,
    );

    await db.query(`
      ALTER TABLE group_memberships
        ADD COLUMN request_outcome text CHECK (request_outcome IN ('pending', 'approved', 'rejected', 'withdrawn')),
        ADD COLUMN request_reason text CHECK (length(request_reason) <= 200),
        ADD COLUMN request_decided_at timestamptz(3)`);
    // Rows from before: the status says it for pending and rejected requests; an older request
    // was approved if the membership became active at or after it, else it was withdrawn.
    await db.query(`
      UPDATE group_memberships SET
        request_outcome = CASE
          WHEN status IN ('pending', 'rejected') THEN status
          WHEN joined_at >= requested_at THEN 'approved'
          ELSE 'withdrawn' END,
        request_decided_at = CASE
          WHEN status = 'rejected' THEN decided_at
          WHEN status <> 'pending' AND joined_at >= requested_at THEN joined_at END
      WHERE requested_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE group_memberships
        ADD CONSTRAINT group_memberships_request_outcome CHECK ((requested_at IS NULL) = (request_outcome IS NULL)),
        ADD CONSTRAINT group_memberships_pending_request CHECK ((status = 'pending') = (request_outcome IS NOT DISTINCT FROM 'pending'))`);
    // "My requests", newest first.
    await db.query(
      `CREATE INDEX group_memberships_my_requests_idx ON group_memberships (alumnus_id, requested_at DESC, id DESC) WHERE requested_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX group_memberships_my_requests_idx`);
    await db.query(`
      ALTER TABLE group_memberships
        DROP CONSTRAINT group_memberships_pending_request,
        DROP CONSTRAINT group_memberships_request_outcome,
        DROP COLUMN request_decided_at,
        DROP COLUMN request_reason,
        DROP COLUMN request_outcome`);
    await db.query(`DROP TABLE group_comment_reports`);
  }
}
