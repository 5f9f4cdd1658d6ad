import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscription-message delivery: how many one-time sends each alumnus granted per template
 * (each 允许 tap in `wx.requestSubscribeMessage` grants one), a dedupe key on the outbox so a
 * reminder is queued once however many instances look for due reminders, and the moment a
 * registration became confirmed (kept by the database, so every path that confirms — sign-up,
 * promotion, walk-in — sets it), which decides which reminders a registrant still gets.
 */
export class Notifications1795956993143 implements MigrationInterface {
  name = 'Notifications1795956993143';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_subscriptions (
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        template_key text NOT NULL,
        credits int NOT NULL DEFAULT 0 CHECK (credits >= 0),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (alumnus_id, template_key)
      )`);
    await db.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN dedupe_key text UNIQUE,
        ADD COLUMN template_key text,
        ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now()`);
    await db.query(`CREATE INDEX outbox_messages_status_idx ON outbox_messages (status, created_at DESC, id DESC)`);
    await db.query(`ALTER TABLE event_registrations ADD COLUMN confirmed_at timestamptz(3)`);
    await db.query(`UPDATE event_registrations SET confirmed_at = created_at WHERE status = 'confirmed'`);
    await db.query(`
      CREATE FUNCTION event_registrations_confirmed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'confirmed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'confirmed') THEN
          NEW.confirmed_at := now();
        ELSIF NEW.status <> 'confirmed' THEN
          NEW.confirmed_at := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER event_registrations_confirmed_at BEFORE INSERT OR UPDATE OF status ON event_registrations
        FOR EACH ROW EXECUTE FUNCTION event_registrations_confirmed_at()`);
    // Reminders look for confirmed registrations of events starting soon.
    await db.query(`CREATE INDEX event_registrations_confirmed_idx ON event_registrations (event_id) WHERE status = 'confirmed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX event_registrations_confirmed_idx`);
    await db.query(`DROP TRIGGER event_registrations_confirmed_at ON event_registrations`);
    await db.query(`DROP FUNCTION event_registrations_confirmed_at()`);
    await db.query(`ALTER TABLE event_registrations DROP COLUMN confirmed_at`);
    await db.query(`DROP INDEX outbox_messages_status_idx`);
    await db.query(`ALTER TABLE outbox_messages DROP COLUMN dedupe_key, DROP COLUMN template_key, DROP COLUMN updated_at`);
    await db.query(`DROP TABLE notification_subscriptions`);
  }
}
