import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory rows: verified alumni whose account is not erased. Every directory index is partial on it. */
const LISTED = 'WHERE verified_at IS NOT NULL AND deleted_at IS NULL';

/** The directory's filterable fields with their default visibility (DEFAULT_VISIBILITY in shared, as of this migration). */
const VISIBILITY_STATISTICS = [
  ['realName', 'everyone'],
  ['graduationYear', 'everyone'],
  ['department', 'everyone'],
  ['className', 'everyone'],
  ['city', 'groups'],
  ['industry', 'groups'],
] as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Profile fields the foundation lacked (degree, bio, avatar), per-field visibility, and the
 * directory's indexes: each one serves a filter and the directory order (most recently
 * verified first) together, so a page is one index range scan at 100,000 alumni
 * (plans in docs/directory.md).
 */
export class ProfilesDirectory1795519201483 implements MigrationInterface {
  name = 'ProfilesDirectory1795519201483';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alumni
        ADD COLUMN degree text CHECK (degree IN ('associate', 'bachelor', 'master', 'doctor', 'other')),
        ADD COLUMN bio text CHECK (length(bio) <= 500),
        ADD COLUMN avatar_key text,
        ADD COLUMN visibility jsonb NOT NULL DEFAULT '{}' CHECK (
          jsonb_typeof(visibility) = 'object'
          AND NOT jsonb_path_exists(visibility, '$.* ? (@ != "everyone" && @ != "groups" && @ != "staff")')
        )`);
    await db.query(`CREATE INDEX alumni_directory_idx ON alumni (verified_at DESC, id DESC) ${LISTED}`);
    // Year, year + department, and year + department + class ("my class").
    await db.query(
      `CREATE INDEX alumni_directory_class_idx ON alumni (graduation_year, department_id, class_name, verified_at DESC, id DESC) ${LISTED}`,
    );
    await db.query(`CREATE INDEX alumni_directory_department_idx ON alumni (department_id, verified_at DESC, id DESC) ${LISTED}`);
    // City or industry, alone or with a year ("杭州, class of 2012"). Alone, a common value is
    // met early on alumni_directory_idx; a rare one is few rows through these.
    await db.query(`CREATE INDEX alumni_directory_city_idx ON alumni (city, graduation_year, verified_at DESC, id DESC) ${LISTED}`);
    await db.query(`CREATE INDEX alumni_directory_industry_idx ON alumni (industry, graduation_year, verified_at DESC, id DESC) ${LISTED}`);
    // Name search matches the beginning of a name (a Chinese name starts with the surname).
    await db.query(`CREATE INDEX alumni_directory_real_name_idx ON alumni (real_name text_pattern_ops) ${LISTED}`);
    await db.query(`CREATE INDEX alumni_directory_display_name_idx ON alumni (display_name text_pattern_ops) ${LISTED}`);
    // Statistics on each filterable field's visibility level, so the planner knows how many
    // rows the visibility condition keeps and picks an ordered index scan that stops at the page size.
    for (const [field, fallback] of VISIBILITY_STATISTICS) {
      await db.query(
        `CREATE STATISTICS alumni_visibility_${snake(field)}_stats ON (COALESCE(visibility ->> '${field}', '${fallback}')) FROM alumni`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [field] of VISIBILITY_STATISTICS) await db.query(`DROP STATISTICS alumni_visibility_${snake(field)}_stats`);
    for (const name of [
      'directory',
      'directory_class',
      'directory_department',
      'directory_city',
      'directory_industry',
      'directory_real_name',
      'directory_display_name',
    ]) {
      await db.query(`DROP INDEX alumni_${name}_idx`);
    }
    await db.query('ALTER TABLE alumni DROP COLUMN degree, DROP COLUMN bio, DROP COLUMN avatar_key, DROP COLUMN visibility');
  }
}
