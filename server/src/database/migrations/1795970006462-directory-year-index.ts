import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's commonest search, a graduation year with or without a name, in directory
 * order: the class index starts with the year but then orders by department and class, so
 * PostgreSQL walked the whole directory order instead and filtered ~6,000 of 100,000 rows
 * per page. This one reads the year's rows already in order (about 170 for year + surname;
 * docs/benchmarks.md).
 */
export class DirectoryYearIndex1795970006462 implements MigrationInterface {
  name = 'DirectoryYearIndex1795970006462';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX alumni_directory_year_idx ON alumni (graduation_year, verified_at DESC, id DESC) WHERE verified_at IS NOT NULL AND deleted_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX alumni_directory_year_idx`);
  }
}
