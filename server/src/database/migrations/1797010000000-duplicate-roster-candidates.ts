import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate records (docs/reach.md): a candidate pair is two accounts, or an account and an
 * unclaimed roster entry its claim failed to match (`roster_entry_id`, `other_alumnus_id` then
 * null); one row per account and entry, as one row per unordered pair of accounts.
 */
export class DuplicateRosterCandidates1797010000000 implements MigrationInterface {
  name = 'DuplicateRosterCandidates1797010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE duplicate_candidates
        ALTER COLUMN other_alumnus_id DROP NOT NULL,
        ADD COLUMN roster_entry_id uuid REFERENCES roster_entries(id) ON DELETE CASCADE,
        ADD CONSTRAINT duplicate_candidates_one_other CHECK ((other_alumnus_id IS NULL) <> (roster_entry_id IS NULL))`);
    // Partial: the scan inserts tens of thousands of account pairs at once, which need no entry in it.
    await db.query(
      `CREATE UNIQUE INDEX duplicate_candidates_account_entry ON duplicate_candidates (alumnus_id, roster_entry_id) WHERE roster_entry_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX duplicate_candidates_entry_idx ON duplicate_candidates (roster_entry_id) WHERE roster_entry_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM duplicate_candidates WHERE roster_entry_id IS NOT NULL`);
    await db.query(`DROP INDEX duplicate_candidates_entry_idx`);
    await db.query(`DROP INDEX duplicate_candidates_account_entry`);
    await db.query(`
      ALTER TABLE duplicate_candidates
        DROP CONSTRAINT duplicate_candidates_one_other,
        DROP COLUMN roster_entry_id,
        ALTER COLUMN other_alumnus_id SET NOT NULL`);
  }
}
