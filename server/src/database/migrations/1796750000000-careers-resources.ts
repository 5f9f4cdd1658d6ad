import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Careers, part three: the career resource library (docs/careers.md, Resource library) —
 * resources with their review, the files attached to them, and bookmarks.
 */
export class CareersResources1796750000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE career_resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL REFERENCES alumni (id),
        kind text NOT NULL CHECK (kind IN ('guide', 'interview', 'industry_overview', 'file')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
        summary text NOT NULL CHECK (char_length(summary) <= 200),
        body_html text NOT NULL,
        industry text CHECK (char_length(industry) BETWEEN 1 AND 20),
        topic text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'rejected', 'archived')),
        check_outcome text CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label integer,
        moderated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderated_at timestamptz(3),
        moderation_note text CHECK (char_length(moderation_note) <= 200),
        submitted_at timestamptz(3),
        published_at timestamptz(3),
        view_count integer NOT NULL DEFAULT 0 CHECK (view_count >= 0),
        download_count integer NOT NULL DEFAULT 0 CHECK (download_count >= 0),
        bookmark_count integer NOT NULL DEFAULT 0 CHECK (bookmark_count >= 0),
        file_count smallint NOT NULL DEFAULT 0 CHECK (file_count BETWEEN 0 AND 5),
        search_text text NOT NULL,
        search_grams text[] NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status <> 'published' OR published_at IS NOT NULL),
        -- Public only when the check passed, or staff decided.
        CHECK (status <> 'published' OR check_outcome = 'pass' OR moderated_by IS NOT NULL)
      )`);
    // The library: published resources newest first, alone or by kind, industry or topic, and the keyword's grams.
    await db.query(`CREATE INDEX career_resources_library_idx ON career_resources (published_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX career_resources_grams_idx ON career_resources USING gin (search_grams) WHERE status = 'published'`);
    await db.query(`CREATE INDEX career_resources_author_idx ON career_resources (author_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX career_resources_status_idx ON career_resources (status, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE career_resource_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploader_id uuid NOT NULL REFERENCES alumni (id),
        -- Null between the upload and the save that attaches it.
        resource_id uuid REFERENCES career_resources (id) ON DELETE CASCADE,
        position smallint NOT NULL DEFAULT 0,
        storage_key text NOT NULL UNIQUE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
        size integer NOT NULL CHECK (size > 0),
        download_count integer NOT NULL DEFAULT 0 CHECK (download_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX career_resource_files_resource_idx ON career_resource_files (resource_id, position)`);
    await db.query(`CREATE INDEX career_resource_files_uploader_idx ON career_resource_files (uploader_id, created_at)`);

    await db.query(`
      CREATE TABLE career_resource_bookmarks (
        resource_id uuid NOT NULL REFERENCES career_resources (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (alumnus_id, resource_id)
      )`);
    await db.query(`CREATE INDEX career_resource_bookmarks_resource_idx ON career_resource_bookmarks (resource_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE career_resource_bookmarks`);
    await db.query(`DROP TABLE career_resource_files`);
    await db.query(`DROP TABLE career_resources`);
  }
}
