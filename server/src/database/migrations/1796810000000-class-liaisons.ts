import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Class liaisons (班级联络人) appointed by staff per class group, and the invitations they
 * make for unreached classmates (docs/reach.md). Engagement weights for the new kinds.
 */
export class ClassLiaisons1796810000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE class_liaisons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        appointed_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        appointed_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ended_at timestamptz(3)
      )`);
    // One current appointment per class and alumnus; ended ones stay as history.
    await db.query(`CREATE UNIQUE INDEX class_liaisons_current_idx ON class_liaisons (class_group_id, alumnus_id) WHERE ended_at IS NULL`);
    await db.query(`CREATE INDEX class_liaisons_alumnus_idx ON class_liaisons (alumnus_id) WHERE ended_at IS NULL`);
    await db.query(`
      CREATE TABLE class_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token text NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{22}$'),
        class_group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        roster_entry_id uuid NOT NULL REFERENCES roster_entries (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Inviting the same classmate again gives the liaison the same invitation.
    await db.query(`CREATE UNIQUE INDEX class_invitations_entry_idx ON class_invitations (roster_entry_id, invited_by)`);
    await db.query(`CREATE INDEX class_invitations_class_idx ON class_invitations (class_group_id)`);
    await db.query(`CREATE INDEX class_invitations_invited_by_idx ON class_invitations (invited_by)`);
    // Volunteering for the class counts like serving on the council; each invitation like a small act.
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES ('liaisons.appointed', 3), ('liaisons.invited', 1)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind LIKE 'liaisons.%'`);
    await db.query(`DROP TABLE class_invitations`);
    await db.query(`DROP TABLE class_liaisons`);
  }
}
