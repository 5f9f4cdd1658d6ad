import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance (docs/governance.md): votes with their tallies and the record of who voted — kept
 * apart so a secret ballot cannot be traced to its voter — suggestions to the school with
 * their co-signatures and steps, the alumni council, and the settings.
 */
export class Governance1796700000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE governance_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        cosign_threshold integer NOT NULL DEFAULT 20 CHECK (cosign_threshold BETWEEN 1 AND 10000),
        collecting_days integer NOT NULL DEFAULT 60 CHECK (collecting_days BETWEEN 7 AND 365),
        updated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO governance_settings (id) VALUES (1)`);

    await db.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 60),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        purpose text NOT NULL CHECK (purpose IN ('poll', 'election')),
        choice text NOT NULL CHECK (choice IN ('single', 'multiple')),
        max_choices smallint NOT NULL CHECK (max_choices >= 1),
        options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'array'),
        option_count smallint NOT NULL CHECK (option_count BETWEEN 2 AND 30),
        audience jsonb NOT NULL,
        opens_at timestamptz(3) NOT NULL,
        closes_at timestamptz(3) NOT NULL,
        results_visibility text NOT NULL CHECK (results_visibility IN ('after_close', 'live')),
        secret boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
        published_at timestamptz(3),
        announced_at timestamptz(3),
        results_published_at timestamptz(3),
        result_note text CHECK (char_length(result_note) <= 500),
        created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (closes_at > opens_at),
        CHECK (max_choices <= option_count AND (choice = 'multiple' OR max_choices = 1)),
        -- Live figures of a secret ballot, watched beside the list of who voted, would show how each one voted.
        CHECK (NOT (secret AND results_visibility = 'live')),
        CHECK (status <> 'published' OR published_at IS NOT NULL),
        CHECK (results_published_at IS NULL OR status = 'published')
      )`);
    // Alumni read published votes by opening time; staff read every vote newest first; the
    // announcement job looks for opened votes nobody was told of.
    await db.query(`CREATE INDEX votes_published_idx ON votes (opens_at DESC, id DESC) WHERE status = 'published'`);
    await db.query(`CREATE INDEX votes_created_idx ON votes (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX votes_unannounced_idx ON votes (opens_at) WHERE status = 'published' AND announced_at IS NULL`);

    // The ballot box: one row per vote holding every option's count. A ballot rewrites the whole
    // row (every option, chosen or not), so no row version ever tells which option a ballot
    // added to; no timestamp, no sequence, no per-ballot row.
    await db.query(`
      CREATE TABLE vote_tallies (
        vote_id uuid PRIMARY KEY REFERENCES votes (id) ON DELETE CASCADE,
        ballots integer NOT NULL DEFAULT 0 CHECK (ballots >= 0),
        counts integer[] NOT NULL
      )`);
    // Who voted: one row per voter and vote (the database's guard against a second ballot). A
    // secret ballot's row names no choice; an open ballot's keeps the voter's choices.
    await db.query(`
      CREATE TABLE vote_participations (
        vote_id uuid NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        choices smallint[],
        PRIMARY KEY (vote_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX vote_participations_alumnus_idx ON vote_participations (alumnus_id)`);
    await db.query(`
      CREATE FUNCTION vote_participations_secret() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.choices IS NOT NULL AND (SELECT secret FROM votes WHERE id = NEW.vote_id) THEN
          RAISE EXCEPTION 'a secret ballot keeps no choice with its voter' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER vote_participations_secret BEFORE INSERT OR UPDATE ON vote_participations
      FOR EACH ROW EXECUTE FUNCTION vote_participations_secret()`);

    await db.query(`
      CREATE TABLE suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid REFERENCES alumni (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 40),
        category text NOT NULL CHECK (category IN ('teaching', 'campus', 'alumni_affairs', 'careers', 'other')),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        status text NOT NULL CHECK (status IN ('held', 'collecting', 'received', 'under_review', 'answered', 'adopted', 'declined',
                                               'lapsed', 'withdrawn', 'removed')),
        check_outcome text NOT NULL CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label integer,
        threshold integer NOT NULL CHECK (threshold >= 1),
        cosign_count integer NOT NULL DEFAULT 0 CHECK (cosign_count >= 0),
        collect_until timestamptz(3) NOT NULL,
        received_at timestamptz(3),
        answer text CHECK (char_length(answer) BETWEEN 1 AND 2000),
        answered_at timestamptz(3),
        answered_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderation_note text CHECK (char_length(moderation_note) <= 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status IN ('answered', 'adopted', 'declined')) = (answer IS NOT NULL AND answered_at IS NOT NULL)),
        CHECK (status NOT IN ('received', 'under_review', 'answered', 'adopted', 'declined') OR received_at IS NOT NULL)
      )`);
    await db.query(`
      CREATE INDEX suggestions_public_idx ON suggestions (created_at DESC, id DESC)
       WHERE status IN ('collecting', 'received', 'under_review', 'answered', 'adopted', 'declined')`);
    await db.query(`CREATE INDEX suggestions_status_idx ON suggestions (status, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX suggestions_author_idx ON suggestions (author_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX suggestions_collecting_idx ON suggestions (collect_until) WHERE status = 'collecting'`);
    await db.query(`
      CREATE TABLE suggestion_cosigns (
        suggestion_id uuid NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (suggestion_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX suggestion_cosigns_alumnus_idx ON suggestion_cosigns (alumnus_id)`);
    await db.query(`
      CREATE TABLE suggestion_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        suggestion_id uuid NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
        status text NOT NULL,
        note text CHECK (char_length(note) <= 2000),
        actor_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX suggestion_steps_suggestion_idx ON suggestion_steps (suggestion_id, at, id)`);

    await db.query(`
      CREATE TABLE council_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 20),
        intro text NOT NULL DEFAULT '' CHECK (char_length(intro) <= 200),
        term_starts_on date NOT NULL,
        term_ends_on date NOT NULL,
        ended_on date,
        end_reason text CHECK (char_length(end_reason) <= 200),
        source text NOT NULL CHECK (source IN ('elected', 'appointed')),
        vote_id uuid REFERENCES votes (id),
        created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (term_ends_on >= term_starts_on),
        CHECK (ended_on IS NULL OR (ended_on >= term_starts_on - 1 AND ended_on <= term_ends_on)),
        CHECK ((source = 'elected') = (vote_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX council_members_alumnus_idx ON council_members (alumnus_id, term_starts_on)`);
    await db.query(`CREATE INDEX council_members_term_idx ON council_members (term_ends_on DESC, term_starts_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE council_members`);
    await db.query(`DROP TABLE suggestion_steps`);
    await db.query(`DROP TABLE suggestion_cosigns`);
    await db.query(`DROP TABLE suggestions`);
    await db.query(`DROP TABLE vote_participations`);
    await db.query(`DROP FUNCTION vote_participations_secret()`);
    await db.query(`DROP TABLE vote_tallies`);
    await db.query(`DROP TABLE votes`);
    await db.query(`DROP TABLE governance_settings`);
  }
}
