import type { MigrationInterface, QueryRunner } from 'typeorm';

/** School, departments, and the first cut of alumni, groups, events and campaigns. */
export class InitialSchema1795516866028 implements MigrationInterface {
  name = 'InitialSchema1795516866028';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE schools (
        id smallint PRIMARY KEY CHECK (id = 1),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        short_name text NOT NULL,
        motto text,
        intro text NOT NULL DEFAULT '',
        logo_url text,
        founded_year smallint,
        city text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE alumni (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        real_name text,
        graduation_year smallint CHECK (graduation_year BETWEEN 1900 AND 2100),
        department_id uuid REFERENCES departments (id),
        major text,
        class_name text,
        city text,
        industry text,
        employer text,
        job_title text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX alumni_department_year_idx ON alumni (department_id, graduation_year)`);
    await db.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('class', 'interest', 'city', 'industry')),
        name text NOT NULL,
        intro text NOT NULL DEFAULT '',
        city text,
        member_count int NOT NULL DEFAULT 0 CHECK (member_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('homecoming', 'reunion', 'lecture', 'meetup', 'campus_day', 'online')),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'finished')),
        description text NOT NULL DEFAULT '',
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        city text,
        venue text,
        online boolean NOT NULL DEFAULT false,
        capacity int NOT NULL CHECK (capacity >= 0),
        confirmed_count int NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
        cover_url text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    // The upcoming list reads published events by start time, keyset-paginated.
    await db.query(`CREATE INDEX events_published_starts_idx ON events (starts_at, id) WHERE status = 'published'`);
    await db.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('sapling', 'student_aid', 'scholarship', 'general')),
        status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
        summary text NOT NULL DEFAULT '',
        story text NOT NULL DEFAULT '',
        cover_url text,
        goal_fen bigint NOT NULL CHECK (goal_fen > 0),
        raised_fen bigint NOT NULL DEFAULT 0 CHECK (raised_fen >= 0),
        donor_count int NOT NULL DEFAULT 0 CHECK (donor_count >= 0),
        unit_name text,
        unit_price_fen bigint CHECK (unit_price_fen > 0),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((unit_name IS NULL) = (unit_price_fen IS NULL)),
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX campaigns_status_created_idx ON campaigns (status, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['campaigns', 'events', 'groups', 'alumni', 'departments', 'schools']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
