import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat identity and roles on alumni; the append-only interaction log; the audit trail.
 * The database itself refuses to change or delete interactions, except the one change
 * account erasure needs: forgetting who the actor was.
 */
export class IdentityCore1795518344312 implements MigrationInterface {
  name = 'IdentityCore1795518344312';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alumni
        ADD COLUMN openid text UNIQUE,
        ADD COLUMN unionid text,
        ADD COLUMN roles text[] NOT NULL DEFAULT '{alumnus}' CHECK (roles <@ ARRAY['alumnus', 'staff', 'admin']::text[]),
        ADD COLUMN verified_at timestamptz(3),
        ADD COLUMN deleted_at timestamptz(3)`);
    await db.query(`
      CREATE TABLE interactions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alumnus_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_.]*$'),
        subject_type text,
        subject_id text,
        detail jsonb NOT NULL DEFAULT '{}' CHECK (pg_column_size(detail) <= 4096),
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Timelines read one alumnus's history newest first.
    await db.query(`CREATE INDEX interactions_alumnus_time_idx ON interactions (alumnus_id, occurred_at DESC, id DESC)`);
    await db.query(`
      CREATE FUNCTION interactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.alumnus_id IS NULL
           AND (NEW.id, NEW.kind, NEW.subject_type, NEW.subject_id, NEW.detail, NEW.occurred_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.subject_type, OLD.subject_id, OLD.detail, OLD.occurred_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'interactions are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER interactions_append_only BEFORE UPDATE OR DELETE ON interactions
        FOR EACH ROW EXECUTE FUNCTION interactions_append_only()`);
    await db.query(`
      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        before jsonb,
        after jsonb,
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_entries_time_idx ON audit_entries (occurred_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_entries');
    await db.query('DROP TABLE interactions');
    await db.query('DROP FUNCTION interactions_append_only');
    await db.query(
      'ALTER TABLE alumni DROP COLUMN openid, DROP COLUMN unionid, DROP COLUMN roles, DROP COLUMN verified_at, DROP COLUMN deleted_at',
    );
  }
}
