import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups as alumni use them (cover, class/city/industry data, join policy, proposal status)
 * and their memberships. The database holds the rules that must survive concurrency: one
 * class group per roster class, one membership row per alumnus and group, one owner per
 * group, and a member count that never goes negative. Mini-program code images are cached
 * per group. Class groups are backfilled for every class the roster already lists.
 */
export class GroupsMemberships1795956908873 implements MigrationInterface {
  name = 'GroupsMemberships1795956908873';

  async up(db: QueryRunner): Promise<void> {
    // Groups so far came only from the demo seed, without members or roster classes: class
    // groups without a class cannot be kept, industry groups take their name as the industry,
    // and counts restart from the memberships, of which there are none yet.
    await db.query(`DELETE FROM groups WHERE kind = 'class'`);
    await db.query(`
      ALTER TABLE groups
        ADD COLUMN cover_key text,
        ADD COLUMN graduation_year smallint CHECK (graduation_year BETWEEN 1900 AND 2100),
        ADD COLUMN department_id uuid REFERENCES departments (id),
        ADD COLUMN class_name text,
        ADD COLUMN industry text,
        ADD COLUMN join_policy text NOT NULL DEFAULT 'open' CHECK (join_policy IN ('open', 'approval', 'roster_only')),
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('proposed', 'active', 'rejected', 'archived')),
        ADD COLUMN created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ADD COLUMN reject_reason text CHECK (length(reject_reason) <= 200),
        ADD COLUMN decided_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ADD COLUMN decided_at timestamptz(3),
        ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now(),
        ADD CONSTRAINT groups_name_length CHECK (length(name) BETWEEN 1 AND 40),
        ADD CONSTRAINT groups_class_data CHECK (
          (kind = 'class') = (graduation_year IS NOT NULL AND department_id IS NOT NULL AND class_name IS NOT NULL)
        ),
        ADD CONSTRAINT groups_class_policy CHECK ((kind = 'class') = (join_policy = 'roster_only')),
        ADD CONSTRAINT groups_city_data CHECK (kind <> 'city' OR city IS NOT NULL),
        ADD CONSTRAINT groups_rejected_reason CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))`);
    await db.query(`UPDATE groups SET member_count = 0, industry = CASE WHEN kind = 'industry' THEN left(name, 40) END`);
    await db.query(`ALTER TABLE groups ADD CONSTRAINT groups_industry_data CHECK (kind <> 'industry' OR industry IS NOT NULL)`);
    // Created on roster import and on a first claim, possibly at the same time: the index makes it idempotent.
    await db.query(`CREATE UNIQUE INDEX groups_class_key_idx ON groups (graduation_year, department_id, class_name) WHERE kind = 'class'`);
    // Discovery lists active groups of one kind, newest first; staff list proposals the same way.
    await db.query(`CREATE INDEX groups_status_kind_idx ON groups (status, kind, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE group_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
        status text NOT NULL CHECK (status IN ('pending', 'active', 'left', 'removed', 'rejected')),
        muted_at timestamptz(3),
        -- Set when an admin removes the member; only an approved request clears it.
        removed_at timestamptz(3),
        request_note text CHECK (length(request_note) <= 200),
        requested_at timestamptz(3),
        joined_at timestamptz(3),
        decided_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        decided_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (group_id, alumnus_id),
        CHECK (status <> 'active' OR joined_at IS NOT NULL),
        CHECK (status <> 'pending' OR requested_at IS NOT NULL),
        CHECK (role = 'member' OR status = 'active')
      )`);
    await db.query(`CREATE UNIQUE INDEX group_memberships_one_owner_idx ON group_memberships (group_id) WHERE role = 'owner'`);
    // The member list (newest first), a group's join requests (oldest first), and one alumnus's groups.
    await db.query(
      `CREATE INDEX group_memberships_members_idx ON group_memberships (group_id, joined_at DESC, id DESC) WHERE status = 'active'`,
    );
    await db.query(
      `CREATE INDEX group_memberships_requests_idx ON group_memberships (group_id, requested_at, id) WHERE status = 'pending'`,
    );
    await db.query(`CREATE INDEX group_memberships_alumnus_idx ON group_memberships (alumnus_id, group_id) WHERE status = 'active'`);
    await db.query(`
      CREATE TABLE group_qrcodes (
        group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        page text NOT NULL,
        env_version text NOT NULL,
        scene text NOT NULL CHECK (length(scene) <= 32),
        storage_key text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, page, env_version)
      )`);
    await db.query(`
      INSERT INTO groups (kind, name, intro, graduation_year, department_id, class_name, join_policy, status)
      SELECT DISTINCT ON (r.graduation_year, r.department_id, r.class_name)
             'class', left(r.graduation_year || '届' || r.class_name, 40), '', r.graduation_year, r.department_id, r.class_name,
             'roster_only', 'active'
        FROM roster_entries r
       WHERE r.class_name IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE group_qrcodes`);
    await db.query(`DROP TABLE group_memberships`);
    await db.query(`DELETE FROM groups WHERE kind = 'class'`);
    await db.query(`DROP INDEX groups_status_kind_idx`);
    await db.query(`DROP INDEX groups_class_key_idx`);
    await db.query(`
      ALTER TABLE groups
        DROP CONSTRAINT groups_name_length, DROP CONSTRAINT groups_class_data, DROP CONSTRAINT groups_class_policy,
        DROP CONSTRAINT groups_city_data, DROP CONSTRAINT groups_industry_data, DROP CONSTRAINT groups_rejected_reason,
        DROP COLUMN cover_key, DROP COLUMN graduation_year, DROP COLUMN department_id, DROP COLUMN class_name,
        DROP COLUMN industry, DROP COLUMN join_policy, DROP COLUMN status, DROP COLUMN created_by,
        DROP COLUMN reject_reason, DROP COLUMN decided_by, DROP COLUMN decided_at, DROP COLUMN updated_at`);
  }
}
