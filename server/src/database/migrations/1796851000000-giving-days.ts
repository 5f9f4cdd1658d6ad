import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Giving days (docs/giving.md, Giving days): a window, the campaigns in it (`campaign_ids`),
 * goals and challenges (`challenges`, jsonb: each with its id, kind, title, metric, donor
 * target, bonus and sponsor). The day's totals and boards are read from the donations, never
 * stored. The public live view is cached (read-cache/): a change of a day drops it.
 */
export class GivingDays1796851000000 implements MigrationInterface {
  name = 'GivingDays1796851000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE giving_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        goal_fen bigint NOT NULL CHECK (goal_fen > 0),
        goal_donors int CHECK (goal_donors > 0),
        campaign_ids uuid[] NOT NULL DEFAULT '{}',
        challenges jsonb NOT NULL DEFAULT '[]',
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX giving_days_starts_idx ON giving_days (starts_at DESC, id DESC)`);
    // The day's gifts: paid to one of its campaigns inside its window.
    await db.query(`CREATE INDEX donations_paid_at_idx ON donations (paid_at, campaign_id) WHERE status = 'paid'`);
    await db.query(
      `CREATE TRIGGER giving_days_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON giving_days FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX donations_paid_at_idx`);
    await db.query(`DROP TABLE giving_days`);
  }
}
