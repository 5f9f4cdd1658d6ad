import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables public reads are cached from announce every write: a statement trigger sends
 * the table's name on `table_changed` when the writing transaction commits (one message per
 * table and transaction, however many rows), and every instance drops the cached answers
 * built from it (read-cache/, docs/architecture.md).
 */
const READ_CACHE_TABLES = [
  'schools',
  'departments',
  'events',
  'campaigns',
  'donations',
  'campaign_disbursements',
  'alumni',
  'groups',
  'group_memberships',
  'group_posts',
  'group_post_images',
  'group_post_likes',
];

export class ReadCacheTriggers1795980000000 implements MigrationInterface {
  name = 'ReadCacheTriggers1795980000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION notify_table_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('table_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
    for (const table of READ_CACHE_TABLES) {
      await db.query(
        `CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of READ_CACHE_TABLES) await db.query(`DROP TRIGGER ${table}_changed ON ${table}`);
    await db.query(`DROP FUNCTION notify_table_changed()`);
  }
}
