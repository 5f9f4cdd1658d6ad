import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry roles. So that a revoked staff or admin role stops working at once, not
 * when the token expires, every change of `alumni.roles` — through the API, an erasure or by
 * hand in psql — is recorded here by a trigger, and the statement trigger announces the
 * table on `table_changed`: each instance keeps the recent changes in memory (auth/role-changes.ts).
 */
export class RoleChanges1796610000000 implements MigrationInterface {
  name = 'RoleChanges1796610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE role_changes (
  alumnus_id uuid PRIMARY KEY REFERENCES alumni (id) ON DELETE CASCADE,
  roles text[] NOT NULL,
  changed_at timestamptz(3) NOT NULL DEFAULT now()
)`);
    await db.query(`CREATE FUNCTION record_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO role_changes (alumnus_id, roles, changed_at) VALUES (NEW.id, NEW.roles, now())
  ON CONFLICT (alumnus_id) DO UPDATE SET roles = EXCLUDED.roles, changed_at = EXCLUDED.changed_at;
  RETURN NULL;
END $$`);
    await db.query(
      `CREATE TRIGGER alumni_roles_changed AFTER UPDATE OF roles ON alumni FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles) EXECUTE FUNCTION record_role_change()`,
    );
    await db.query(
      `CREATE TRIGGER role_changes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_changes FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER alumni_roles_changed ON alumni`);
    await db.query(`DROP FUNCTION record_role_change()`);
    await db.query(`DROP TABLE role_changes`);
  }
}
