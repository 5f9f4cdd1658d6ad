import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Memories (docs/memories.md): images uploaded for old photos (and story covers) before use,
 * old photos on class and year walls with the people tagged in them (with their consent),
 * 我在这里, comments and reports; the campus timeline staff curate. Content reviews learn a
 * third reason, `reported`. Engagement weights for the new kinds.
 */
export class MemoriesPhotos1796830000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE memory_images (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploader_id uuid NOT NULL REFERENCES alumni (id),
        storage_key text NOT NULL UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX memory_images_uploader_idx ON memory_images (uploader_id)`);

    await db.query(`
      CREATE TABLE memory_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploader_id uuid NOT NULL REFERENCES alumni (id),
        class_group_id uuid REFERENCES groups (id),
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        place text CHECK (char_length(place) BETWEEN 1 AND 40),
        caption text NOT NULL CHECK (char_length(caption) BETWEEN 1 AND 500),
        storage_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('checking', 'published', 'held', 'rejected', 'removed')),
        image_cleared boolean NOT NULL DEFAULT false,
        caption_cleared boolean NOT NULL DEFAULT false,
        presence_count integer NOT NULL DEFAULT 0 CHECK (presence_count >= 0),
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // The walls: a class's photos, a year's photos, newest first; an uploader's own.
    await db.query(
      `CREATE INDEX memory_photos_class_idx ON memory_photos (class_group_id, created_at DESC, id DESC) WHERE status = 'published'`,
    );
    await db.query(`CREATE INDEX memory_photos_year_idx ON memory_photos (year, created_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX memory_photos_uploader_idx ON memory_photos (uploader_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE memory_photo_tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        photo_id uuid NOT NULL REFERENCES memory_photos (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        tagged_by uuid REFERENCES alumni (id),
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
        x real CHECK (x BETWEEN 0 AND 1),
        y real CHECK (y BETWEEN 0 AND 1),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        answered_at timestamptz(3),
        UNIQUE (photo_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX memory_photo_tags_alumnus_idx ON memory_photo_tags (alumnus_id, status)`);
    await db.query(`CREATE INDEX memory_photo_tags_tagger_idx ON memory_photo_tags (tagged_by)`);

    await db.query(`
      CREATE TABLE memory_photo_presence (
        photo_id uuid NOT NULL REFERENCES memory_photos (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (photo_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX memory_photo_presence_alumnus_idx ON memory_photo_presence (alumnus_id)`);

    await db.query(`
      CREATE TABLE memory_photo_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        photo_id uuid NOT NULL REFERENCES memory_photos (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES alumni (id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
        status text NOT NULL CHECK (status IN ('published', 'held', 'removed')),
        check_label integer,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX memory_photo_comments_photo_idx ON memory_photo_comments (photo_id, created_at, id)`);
    await db.query(`CREATE INDEX memory_photo_comments_author_idx ON memory_photo_comments (author_id)`);

    await db.query(`
      CREATE TABLE memory_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind text NOT NULL CHECK (subject_kind IN ('photo', 'comment')),
        subject_id uuid NOT NULL,
        reporter_id uuid NOT NULL REFERENCES alumni (id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (subject_id, reporter_id)
      )`);
    await db.query(`CREATE INDEX memory_reports_reporter_idx ON memory_reports (reporter_id)`);

    await db.query(`
      CREATE TABLE campus_timeline_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        month smallint CHECK (month BETWEEN 1 AND 12),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
        place text CHECK (char_length(place) BETWEEN 1 AND 40),
        body text NOT NULL DEFAULT '' CHECK (char_length(body) <= 1000),
        photo_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 9),
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX campus_timeline_entries_year_idx ON campus_timeline_entries (year, month, id)`);

    await db.query(`ALTER TABLE content_reviews DROP CONSTRAINT content_reviews_reason_check`);
    await db.query(
      `ALTER TABLE content_reviews ADD CONSTRAINT content_reviews_reason_check CHECK (reason IN ('review', 'unavailable', 'reported'))`,
    );

    // Sharing a photo counts like posting; tagging, confirming, 我在这里 and comments a little.
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES
        ('memories.photo_shared', 3), ('memories.tagged', 1), ('memories.tag_confirmed', 1), ('memories.was_there', 1),
        ('memories.commented', 1)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM content_reviews WHERE reason = 'reported'`);
    await db.query(`ALTER TABLE content_reviews DROP CONSTRAINT content_reviews_reason_check`);
    await db.query(`ALTER TABLE content_reviews ADD CONSTRAINT content_reviews_reason_check CHECK (reason IN ('review', 'unavailable'))`);
    await db.query(
      `DELETE FROM engagement_weights WHERE kind IN ('memories.photo_shared', 'memories.tagged', 'memories.tag_confirmed', 'memories.was_there')`,
    );
    await db.query(`DROP TABLE campus_timeline_entries`);
    await db.query(`DROP TABLE memory_reports`);
    await db.query(`DROP TABLE memory_photo_comments`);
    await db.query(`DROP TABLE memory_photo_presence`);
    await db.query(`DROP TABLE memory_photo_tags`);
    await db.query(`DROP TABLE memory_photos`);
    await db.query(`DROP TABLE memory_images`);
  }
}
