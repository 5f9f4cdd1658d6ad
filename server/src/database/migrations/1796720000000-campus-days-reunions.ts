import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return-to-campus days: spots with signed codes, stamps, completions; class reunions proposed
 * by classmates, with their interest (docs/memories.md). Engagement weights for the new kinds.
 * The cache of mini-program codes by page and scene (spot codes, story posters).
 */
export class CampusDaysReunions1796720000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mini_program_codes (
        page text NOT NULL,
        scene text NOT NULL CHECK (char_length(scene) <= 32),
        env_version text NOT NULL CHECK (env_version IN ('release', 'trial', 'develop')),
        storage_key text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (page, scene, env_version)
      )`);
    await db.query(`
      CREATE TABLE campus_day_spots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 30),
        description text CHECK (char_length(description) <= 200),
        position smallint NOT NULL CHECK (position >= 0),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('active', 'retired')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX campus_day_spots_event_idx ON campus_day_spots (event_id, position, id)`);

    await db.query(`
      CREATE TABLE campus_day_stamps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        spot_id uuid NOT NULL REFERENCES campus_day_spots (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        collected_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (spot_id, alumnus_id)
      )`);
    // One alumnus's card; the day's visitors (the class wall reads them by event).
    await db.query(`CREATE INDEX campus_day_stamps_card_idx ON campus_day_stamps (event_id, alumnus_id)`);

    await db.query(`
      CREATE TABLE campus_day_completions (
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        completed_at timestamptz(3) NOT NULL,
        PRIMARY KEY (event_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX campus_day_completions_order_idx ON campus_day_completions (event_id, completed_at, alumnus_id)`);

    await db.query(`
      CREATE TABLE reunion_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_group_id uuid NOT NULL REFERENCES groups (id),
        proposer_id uuid REFERENCES alumni (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 40),
        message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 500),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL CHECK (ends_at > starts_at),
        city text CHECK (char_length(city) <= 20),
        venue text CHECK (char_length(venue) <= 60),
        status text NOT NULL CHECK (status IN ('open', 'approved', 'declined', 'withdrawn')),
        interest_count integer NOT NULL DEFAULT 0 CHECK (interest_count >= 0),
        check_outcome text NOT NULL CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label integer,
        event_id uuid REFERENCES events (id),
        decided_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        decided_at timestamptz(3),
        decision_note text CHECK (char_length(decision_note) <= 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'approved') = (event_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX reunion_proposals_class_idx ON reunion_proposals (class_group_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX reunion_proposals_status_idx ON reunion_proposals (status, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX reunion_proposals_proposer_idx ON reunion_proposals (proposer_id)`);

    await db.query(`
      CREATE TABLE reunion_interests (
        proposal_id uuid NOT NULL REFERENCES reunion_proposals (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX reunion_interests_alumnus_idx ON reunion_interests (alumnus_id)`);

    // Coming back counts like attending an event (events.checked_in); proposing a reunion like posting.
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES
        ('campus_days.stamped', 1), ('campus_days.completed', 2), ('reunions.proposed', 3), ('reunions.interested', 1)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind LIKE 'campus_days.%' OR kind LIKE 'reunions.%'`);
    await db.query(`DROP TABLE reunion_interests`);
    await db.query(`DROP TABLE reunion_proposals`);
    await db.query(`DROP TABLE campus_day_completions`);
    await db.query(`DROP TABLE campus_day_stamps`);
    await db.query(`DROP TABLE campus_day_spots`);
    await db.query(`DROP TABLE mini_program_codes`);
  }
}
