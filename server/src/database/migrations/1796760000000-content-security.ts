import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content security beyond posts and comments (docs/content-security.md): the staff queue of
 * held content of every kind (held text waits there, not in its module's row), images sent
 * to WeChat's asynchronous media check, and donors' messages kept off the wall until cleared.
 */
export class ContentSecurity1796760000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE media_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        trace_id text UNIQUE,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        author_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        image_key text NOT NULL,
        fetch_token text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending', 'pass', 'review', 'risky', 'unavailable')),
        label integer,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        answered_at timestamptz(3)
      )`);
    await db.query(`
      CREATE TABLE content_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        field text NOT NULL DEFAULT '',
        author_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        text text,
        image_key text,
        media_check_id uuid REFERENCES media_checks (id) ON DELETE SET NULL,
        reason text NOT NULL CHECK (reason IN ('review', 'unavailable')),
        label integer,
        detail text,
        queued_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        decided_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        decision text CHECK (decision IN ('approved', 'rejected', 'withdrawn')),
        note text,
        CHECK ((decided_at IS NULL) = (decision IS NULL)),
        CHECK ((text IS NULL) <> (image_key IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX content_reviews_waiting_key ON content_reviews (kind, subject_id, field) WHERE decided_at IS NULL`);
    await db.query(`CREATE INDEX content_reviews_queue_idx ON content_reviews (queued_at, id) WHERE decided_at IS NULL`);
    await db.query(`CREATE INDEX content_reviews_author_idx ON content_reviews (author_id)`);
    await db.query(`CREATE INDEX media_checks_author_idx ON media_checks (author_id)`);
    // A donor's message waiting for staff is not on the wall.
    await db.query(`ALTER TABLE donations ADD COLUMN message_held boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE donations DROP COLUMN message_held`);
    await db.query(`DROP TABLE content_reviews`);
    await db.query(`DROP TABLE media_checks`);
  }
}
