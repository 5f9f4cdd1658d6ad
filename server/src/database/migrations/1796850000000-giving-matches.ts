import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching gifts (配捐, docs/giving.md): a sponsor's pledge to match a campaign's gifts at a
 * ratio up to a cap, the share of each gift it matched, and the sponsor's own payments of
 * the pledge. The posting pass matches gifts under the campaign row's lock, so
 * `campaign_matches.matched_fen` never passes `cap_fen` (also a CHECK); a refund gives back
 * the refunded part's match. `campaigns.matched_fen` and `donations.matched_fen` are the sums.
 */
export class GivingMatches1796850000000 implements MigrationInterface {
  name = 'GivingMatches1796850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns ADD COLUMN matched_fen bigint NOT NULL DEFAULT 0 CHECK (matched_fen >= 0)`);
    await db.query(`ALTER TABLE donations ADD COLUMN matched_fen bigint NOT NULL DEFAULT 0 CHECK (matched_fen >= 0)`);
    await db.query(`
      CREATE TABLE campaign_matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        sponsor_kind text NOT NULL CHECK (sponsor_kind IN ('alumnus', 'company', 'foundation')),
        sponsor_name text NOT NULL,
        sponsor_alumnus_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ratio_percent int NOT NULL CHECK (ratio_percent BETWEEN 1 AND 1000),
        cap_fen bigint NOT NULL CHECK (cap_fen > 0),
        matched_fen bigint NOT NULL DEFAULT 0,
        paid_fen bigint NOT NULL DEFAULT 0,
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        first_time_only boolean NOT NULL DEFAULT false,
        class_graduation_year int,
        class_department_id uuid,
        class_name text,
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (matched_fen BETWEEN 0 AND cap_fen),
        CHECK (paid_fen BETWEEN 0 AND cap_fen),
        CHECK (ends_at > starts_at),
        CHECK ((class_graduation_year IS NULL) = (class_name IS NULL) AND (class_name IS NULL) = (class_department_id IS NULL))
      )`);
    await db.query(`CREATE INDEX campaign_matches_campaign_idx ON campaign_matches (campaign_id, created_at, id)`);
    await db.query(`
      CREATE TABLE donation_matches (
        donation_id uuid NOT NULL REFERENCES donations (id),
        match_id uuid NOT NULL REFERENCES campaign_matches (id),
        matched_fen bigint NOT NULL CHECK (matched_fen >= 0),
        PRIMARY KEY (donation_id, match_id)
      )`);
    await db.query(`CREATE INDEX donation_matches_match_idx ON donation_matches (match_id)`);
    await db.query(`
      CREATE TABLE campaign_match_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        match_id uuid NOT NULL REFERENCES campaign_matches (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        received_on date NOT NULL,
        reference text NOT NULL,
        recorded_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX campaign_match_payments_match_idx ON campaign_match_payments (match_id, created_at)`);
    // The public campaign page is cached (read-cache/): a new or changed pledge drops it.
    await db.query(
      `CREATE TRIGGER campaign_matches_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign_matches FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE campaign_match_payments`);
    await db.query(`DROP TABLE donation_matches`);
    await db.query(`DROP TABLE campaign_matches`);
    await db.query(`ALTER TABLE donations DROP COLUMN matched_fen`);
    await db.query(`ALTER TABLE campaigns DROP COLUMN matched_fen`);
  }
}
