import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stories and news (docs/memories.md, Stories): association news, alumni stories and profiles
 * of outstanding alumni with the consent of the person profiled, their likes, comments and the
 * readers counted once a day.
 */
export class Stories1796840000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('news', 'alumni_story', 'outstanding_alumnus')),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
        author_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        body text NOT NULL,
        cover_key text,
        subject_alumnus_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        subject_name text,
        links jsonb NOT NULL DEFAULT '[]',
        revision integer NOT NULL DEFAULT 1,
        consent_status text NOT NULL CHECK (consent_status IN ('not_needed', 'pending', 'requested', 'given', 'refused')),
        consent_method text CHECK (consent_method IN ('in_app', 'offline')),
        consent_revision integer,
        consent_at timestamptz(3),
        consent_note text,
        consent_recorded_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        check_outcome text,
        check_label integer,
        review_note text,
        reviewed_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        submitted_at timestamptz(3),
        published_at timestamptz(3),
        read_count integer NOT NULL DEFAULT 0 CHECK (read_count >= 0),
        like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX stories_published ON stories (published_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX stories_status ON stories (status, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX stories_author ON stories (author_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX stories_subject ON stories (subject_alumnus_id) WHERE subject_alumnus_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE story_likes (
        story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (story_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX story_likes_alumnus ON story_likes (alumnus_id)`);
    await db.query(`
      CREATE TABLE story_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        text text NOT NULL,
        status text NOT NULL CHECK (status IN ('published', 'held', 'removed')),
        check_outcome text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX story_comments_story ON story_comments (story_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX story_comments_author ON story_comments (author_id)`);
    // One row per reader, story and Shanghai day: a refresh the same day is not another read.
    await db.query(`
      CREATE TABLE story_reads (
        story_id uuid NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        day date NOT NULL,
        PRIMARY KEY (story_id, alumnus_id, day)
      )`);
    await db.query(`CREATE INDEX story_reads_alumnus ON story_reads (alumnus_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE story_reads, story_comments, story_likes, stories`);
  }
}
