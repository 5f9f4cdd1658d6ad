import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events as staff manage them (place, sign-up window, waitlist, audience, questions,
 * contact), registrations with their check-in, the idempotency records that let a
 * retried request answer its first answer, and the outbox the notification worker drains.
 */
export class EventRegistrations1795520187637 implements MigrationInterface {
  name = 'EventRegistrations1795520187637';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE events
        ADD COLUMN online_url text,
        ADD COLUMN address text,
        ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        ADD COLUMN signup_opens_at timestamptz(3),
        ADD COLUMN signup_closes_at timestamptz(3),
        ADD COLUMN waitlist_enabled boolean NOT NULL DEFAULT false,
        ADD COLUMN audience jsonb NOT NULL DEFAULT '{"kind": "everyone"}',
        ADD COLUMN questions jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN contact_name text,
        ADD COLUMN contact_phone text,
        ADD COLUMN created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ADD CONSTRAINT events_signup_window CHECK (
          (signup_opens_at IS NULL OR signup_closes_at IS NULL OR signup_closes_at > signup_opens_at)
          AND (signup_closes_at IS NULL OR signup_closes_at <= starts_at)
        ),
        ADD CONSTRAINT events_audience_kind CHECK (audience->>'kind' IN ('everyone', 'verified', 'group', 'graduation_years')),
        ADD CONSTRAINT events_questions_array CHECK (jsonb_typeof(questions) = 'array')`);
    // Staff list every event, drafts included, latest start first.
    await db.query(`CREATE INDEX events_starts_idx ON events (starts_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE event_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        answers jsonb NOT NULL DEFAULT '{}',
        -- Waitlist order: taken from a sequence when the registration (re)joins, so promotion is first come, first served.
        queue_position bigserial NOT NULL,
        walk_in boolean NOT NULL DEFAULT false,
        checked_in_at timestamptz(3),
        checked_in_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (event_id, alumnus_id),
        CHECK (checked_in_at IS NULL OR status = 'confirmed')
      )`);
    await db.query(
      `CREATE INDEX event_registrations_waitlist_idx ON event_registrations (event_id, queue_position) WHERE status = 'waitlisted'`,
    );
    await db.query(`CREATE INDEX event_registrations_alumnus_idx ON event_registrations (alumnus_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE idempotency_records (
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[A-Za-z0-9_-]{8,64}$'),
        route text NOT NULL,
        request_hash text NOT NULL,
        status_code smallint,
        response jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (alumnus_id, key, route)
      )`);
    await db.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid REFERENCES alumni (id) ON DELETE CASCADE,
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz(3)
      )`);
    // The worker takes pending messages oldest first.
    await db.query(`CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at, id) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_messages`);
    await db.query(`DROP TABLE idempotency_records`);
    await db.query(`DROP TABLE event_registrations`);
    await db.query(`DROP INDEX events_starts_idx`);
    await db.query(`
      ALTER TABLE events
        DROP CONSTRAINT events_signup_window,
        DROP CONSTRAINT events_audience_kind,
        DROP CONSTRAINT events_questions_array,
        DROP COLUMN online_url, DROP COLUMN address, DROP COLUMN latitude, DROP COLUMN longitude,
        DROP COLUMN signup_opens_at, DROP COLUMN signup_closes_at, DROP COLUMN waitlist_enabled,
        DROP COLUMN audience, DROP COLUMN questions, DROP COLUMN contact_name, DROP COLUMN contact_phone,
        DROP COLUMN created_by`);
  }
}
