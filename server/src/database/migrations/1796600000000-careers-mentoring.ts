import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Careers, part one: the programme's settings and cross-industry mentoring (offers, requests
 * and pairings in one table, meetings), plus engagement weights for the new interaction kinds.
 */
export class CareersMentoring1796600000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE careers_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        job_approval_required boolean NOT NULL DEFAULT true,
        mentoring_term_days smallint NOT NULL DEFAULT 90 CHECK (mentoring_term_days BETWEEN 7 AND 365),
        quiet_after_days smallint NOT NULL DEFAULT 30 CHECK (quiet_after_days BETWEEN 7 AND 180),
        updated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO careers_settings (id) VALUES (1)`);

    await db.query(`
      CREATE TABLE mentor_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL UNIQUE REFERENCES alumni (id) ON DELETE CASCADE,
        industry text NOT NULL CHECK (char_length(industry) BETWEEN 1 AND 20),
        employer text CHECK (char_length(employer) BETWEEN 1 AND 60),
        city text NOT NULL CHECK (char_length(city) BETWEEN 1 AND 20),
        topics text[] NOT NULL CHECK (cardinality(topics) BETWEEN 1 AND 7),
        formats text[] NOT NULL CHECK (cardinality(formats) BETWEEN 1 AND 2),
        capacity smallint NOT NULL CHECK (capacity BETWEEN 1 AND 10),
        active_count smallint NOT NULL DEFAULT 0 CHECK (active_count >= 0),
        waiting_count smallint NOT NULL DEFAULT 0 CHECK (waiting_count >= 0),
        intro text NOT NULL CHECK (char_length(intro) <= 500),
        status text NOT NULL CHECK (status IN ('open', 'paused', 'held')),
        check_outcome text NOT NULL CHECK (check_outcome IN ('pass', 'review', 'unavailable')),
        check_label integer,
        moderated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        moderated_at timestamptz(3),
        moderation_note text CHECK (char_length(moderation_note) <= 200),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Text the check did not pass is shown to askers only once staff released it.
        CHECK (status <> 'open' OR check_outcome = 'pass' OR moderated_by IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX mentor_offers_status_idx ON mentor_offers (status, updated_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE mentorships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentor_id uuid NOT NULL REFERENCES alumni (id),
        mentee_id uuid NOT NULL REFERENCES alumni (id),
        offer_id uuid REFERENCES mentor_offers (id) ON DELETE SET NULL,
        mentor_industry text NOT NULL,
        mentor_employer text,
        mentor_city text NOT NULL,
        mentee_stage text NOT NULL CHECK (mentee_stage IN ('student', 'graduate')),
        mentee_industry text,
        cross_industry boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'declined', 'withdrawn', 'active', 'ended')),
        goals text NOT NULL CHECK (char_length(goals) <= 500),
        target_industry text NOT NULL CHECK (char_length(target_industry) BETWEEN 1 AND 20),
        topic text NOT NULL,
        format text CHECK (format IN ('online', 'in_person')),
        reply_message text CHECK (char_length(reply_message) <= 300),
        declined_as_full boolean NOT NULL DEFAULT false,
        requested_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        accepted_at timestamptz(3),
        ends_at timestamptz(3),
        ended_at timestamptz(3),
        end_reason text CHECK (end_reason IN ('closed_by_mentor', 'closed_by_mentee', 'term_ended', 'account_deleted')),
        closing_note text CHECK (char_length(closing_note) <= 200),
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        meeting_count integer NOT NULL DEFAULT 0 CHECK (meeting_count >= 0),
        mentor_rating smallint CHECK (mentor_rating BETWEEN 1 AND 5),
        mentor_comment text CHECK (char_length(mentor_comment) <= 300),
        mentor_feedback_at timestamptz(3),
        mentee_rating smallint CHECK (mentee_rating BETWEEN 1 AND 5),
        mentee_comment text CHECK (char_length(mentee_comment) <= 300),
        mentee_feedback_at timestamptz(3),
        CHECK (mentor_id <> mentee_id),
        CHECK ((status = 'requested') = (decided_at IS NULL)),
        CHECK ((status IN ('active', 'ended')) = (accepted_at IS NOT NULL AND ends_at IS NOT NULL)),
        CHECK ((status = 'ended') = (ended_at IS NOT NULL AND end_reason IS NOT NULL)),
        CHECK ((mentor_rating IS NULL) = (mentor_feedback_at IS NULL) AND (mentee_rating IS NULL) = (mentee_feedback_at IS NULL)),
        CHECK (status = 'ended' OR (mentor_feedback_at IS NULL AND mentee_feedback_at IS NULL))
      )`);
    // One open request or pairing per mentor and mentee: a second ask meets the first.
    await db.query(
      `CREATE UNIQUE INDEX mentorships_open_pair_idx ON mentorships (mentor_id, mentee_id) WHERE status IN ('requested', 'active')`,
    );
    await db.query(`CREATE INDEX mentorships_mentee_idx ON mentorships (mentee_id, requested_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentorships_mentor_idx ON mentorships (mentor_id, requested_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentorships_offer_waiting_idx ON mentorships (offer_id, requested_at) WHERE status = 'requested'`);
    // The staff's lists, each in its own order, and the term job.
    await db.query(`CREATE INDEX mentorships_waiting_idx ON mentorships (requested_at, id) WHERE status = 'requested'`);
    await db.query(`CREATE INDEX mentorships_active_idx ON mentorships (accepted_at DESC, id DESC) WHERE status = 'active'`);
    await db.query(`CREATE INDEX mentorships_quiet_idx ON mentorships (last_activity_at, id) WHERE status = 'active'`);
    await db.query(`CREATE INDEX mentorships_term_idx ON mentorships (ends_at) WHERE status = 'active'`);
    await db.query(`CREATE INDEX mentorships_ended_idx ON mentorships (ended_at DESC, id DESC) WHERE status = 'ended'`);

    await db.query(`
      CREATE TABLE mentoring_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentorship_id uuid NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
        logged_by uuid NOT NULL REFERENCES alumni (id),
        logged_as text NOT NULL CHECK (logged_as IN ('mentor', 'mentee')),
        occurred_on date NOT NULL,
        format text NOT NULL CHECK (format IN ('online', 'in_person')),
        duration_minutes smallint CHECK (duration_minutes BETWEEN 1 AND 600),
        notes text NOT NULL CHECK (char_length(notes) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX mentoring_meetings_pair_idx ON mentoring_meetings (mentorship_id, occurred_on DESC, created_at DESC)`);

    // Giving back counts like its hand-logged kin (offline.mentoring 5, offline.job_posted 5).
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES
        ('careers.mentor_offered', 2), ('careers.mentoring_accepted', 5), ('careers.mentoring_started', 1),
        ('careers.mentoring_met', 2), ('careers.job_posted', 5), ('careers.job_applied', 1), ('careers.resource_published', 3)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind LIKE 'careers.%'`);
    await db.query(`DROP TABLE mentoring_meetings`);
    await db.query(`DROP TABLE mentorships`);
    await db.query(`DROP TABLE mentor_offers`);
    await db.query(`DROP TABLE careers_settings`);
  }
}
