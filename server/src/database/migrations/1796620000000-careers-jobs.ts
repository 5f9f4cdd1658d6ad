import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Careers, part two: the jobs and internships board (posts, applications) with the indexes its
 * keyset pages and filters need at 100,000 posts (docs/careers.md, Jobs: indexes and plans).
 */
export class CareersJobs1796620000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poster_id uuid NOT NULL REFERENCES alumni (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
        company text NOT NULL CHECK (char_length(company) BETWEEN 1 AND 60),
        industry text NOT NULL CHECK (char_length(industry) BETWEEN 1 AND 20),
        city text NOT NULL CHECK (char_length(city) BETWEEN 1 AND 20),
        type text NOT NULL CHECK (type IN ('full_time', 'internship', 'part_time', 'referral')),
        salary_min_fen bigint CHECK (salary_min_fen > 0),
        salary_max_fen bigint,
        salary_period text CHECK (salary_period IN ('month', 'day')),
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
        how_to_apply text NOT NULL CHECK (char_length(how_to_apply) BETWEEN 1 AND 500),
        closes_at timestamptz(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'closed', 'expired', 'removed')),
        check_outcome text NOT NULL CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label integer,
        moderated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderated_at timestamptz(3),
        moderation_note text CHECK (char_length(moderation_note) <= 200),
        published_at timestamptz(3),
        application_count integer NOT NULL DEFAULT 0 CHECK (application_count >= 0),
        view_count integer NOT NULL DEFAULT 0 CHECK (view_count >= 0),
        search_text text NOT NULL,
        search_grams text[] NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((salary_min_fen IS NULL) = (salary_max_fen IS NULL) AND (salary_min_fen IS NULL) = (salary_period IS NULL)),
        CHECK (salary_max_fen >= salary_min_fen),
        CHECK (status <> 'published' OR published_at IS NOT NULL),
        -- Public only when the check passed, or staff decided.
        CHECK (status <> 'published' OR check_outcome = 'pass' OR moderated_by IS NOT NULL)
      )`);
    // The board: published posts newest first, alone or within one industry, city or type; the
    // keyword's grams; and what the expiry job looks for. Closed, expired and removed posts are
    // not in these indexes at all.
    await db.query(`CREATE INDEX job_posts_board_idx ON job_posts (published_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(
      `CREATE INDEX job_posts_board_industry_idx ON job_posts (industry, published_at DESC, id DESC) WHERE status = 'published'`,
    );
    await db.query(`CREATE INDEX job_posts_board_city_idx ON job_posts (city, published_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX job_posts_board_type_idx ON job_posts (type, published_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX job_posts_board_grams_idx ON job_posts USING gin (search_grams) WHERE status = 'published'`);
    await db.query(`CREATE INDEX job_posts_closing_idx ON job_posts (closes_at) WHERE status IN ('published', 'pending')`);
    // A poster's own posts; the staff's queue and lists by status.
    await db.query(`CREATE INDEX job_posts_poster_idx ON job_posts (poster_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX job_posts_status_idx ON job_posts (status, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE job_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES job_posts (id) ON DELETE CASCADE,
        applicant_id uuid NOT NULL REFERENCES alumni (id),
        applicant_name text NOT NULL CHECK (char_length(applicant_name) BETWEEN 1 AND 60),
        applicant_stage text NOT NULL CHECK (applicant_stage IN ('student', 'graduate')),
        share_phone boolean NOT NULL,
        email text CHECK (char_length(email) <= 100),
        wechat_id text CHECK (char_length(wechat_id) <= 40),
        message text CHECK (char_length(message) <= 300),
        status text NOT NULL CHECK (status IN ('submitted', 'contacted', 'hired', 'declined', 'withdrawn')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (post_id, applicant_id)
      )`);
    await db.query(`CREATE INDEX job_applications_post_idx ON job_applications (post_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX job_applications_applicant_idx ON job_applications (applicant_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE job_applications`);
    await db.query(`DROP TABLE job_posts`);
  }
}
