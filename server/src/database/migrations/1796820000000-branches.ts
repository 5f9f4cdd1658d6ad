import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Branches (分会, docs/branches.md): the branch, its admins (a scoped role staff grant to
 * verified alumni), and what belongs to it — its groups (the home group among them), its
 * events and its campaigns, each belonging to one branch at most. Members, events and
 * campaigns stay in their own modules' tables. Engagement weights for the new kinds; indexes
 * for the reports' count of interactions by subject.
 */
export class Branches1796820000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE branches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('city', 'industry', 'overseas', 'interest')),
        name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 40),
        place text CHECK (char_length(place) BETWEEN 1 AND 40),
        intro text NOT NULL DEFAULT '' CHECK (char_length(intro) <= 500),
        group_id uuid NOT NULL UNIQUE REFERENCES groups (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_by uuid REFERENCES alumni (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT branches_place_data CHECK (kind = 'interest' OR place IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE branch_admins (
        branch_id uuid NOT NULL REFERENCES branches (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        appointed_by uuid REFERENCES alumni (id),
        appointed_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (branch_id, alumnus_id)
      )`);
    await db.query(`CREATE INDEX branch_admins_alumnus_idx ON branch_admins (alumnus_id)`);
    await db.query(`
      CREATE TABLE branch_items (
        branch_id uuid NOT NULL REFERENCES branches (id) ON DELETE CASCADE,
        item_type text NOT NULL CHECK (item_type IN ('group', 'event', 'campaign')),
        item_id uuid NOT NULL,
        added_by uuid REFERENCES alumni (id),
        added_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (item_type, item_id)
      )`);
    await db.query(`CREATE INDEX branch_items_branch_idx ON branch_items (branch_id, item_type, added_at)`);
    // Branch reports count the interactions about the branch's groups, events and campaigns:
    // rows name them as their subject, or (a post, comment or like inside a group) in detail.groupId.
    await db.query(`CREATE INDEX interactions_subject_time_idx ON interactions (subject_type, subject_id, occurred_at)`);
    await db.query(`CREATE INDEX interactions_group_time_idx ON interactions ((detail->>'groupId'), occurred_at) WHERE detail ? 'groupId'`);
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES
        ('branches.admin_appointed', 5), ('branches.group_opened', 2), ('branches.event_posted', 3)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind LIKE 'branches.%'`);
    await db.query(`DROP INDEX interactions_group_time_idx`);
    await db.query(`DROP INDEX interactions_subject_time_idx`);
    await db.query(`DROP TABLE branch_items`);
    await db.query(`DROP TABLE branch_admins`);
    await db.query(`DROP TABLE branches`);
  }
}
