import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Giving by WeChat Pay: what a campaign needs to take gifts (amount rules, beneficiary,
 * units raised, the certificate counter) and the donation orders themselves, one row per
 * out_trade_no, paid at most once.
 */
export class Donations1795957222593 implements MigrationInterface {
  name = 'Donations1795957222593';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns
        ADD COLUMN beneficiary text NOT NULL DEFAULT '',
        ADD COLUMN suggested_amounts_fen jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN min_amount_fen bigint NOT NULL DEFAULT 100 CHECK (min_amount_fen > 0),
        ADD COLUMN max_amount_fen bigint,
        ADD COLUMN units_raised int NOT NULL DEFAULT 0 CHECK (units_raised >= 0),
        ADD COLUMN paid_count int NOT NULL DEFAULT 0 CHECK (paid_count >= 0),
        ADD COLUMN spent_fen bigint NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
        ADD COLUMN created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        ADD CONSTRAINT campaigns_amount_range CHECK (max_amount_fen IS NULL OR max_amount_fen >= min_amount_fen),
        ADD CONSTRAINT campaigns_suggested_array CHECK (jsonb_typeof(suggested_amounts_fen) = 'array')`);
    await db.query(`CREATE INDEX campaigns_staff_idx ON campaigns (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE donations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        -- Kept when an account is erased: the gift is the school's financial record.
        alumnus_id uuid REFERENCES alumni (id) ON DELETE SET NULL,
        out_trade_no text NOT NULL UNIQUE CHECK (out_trade_no ~ '^[A-Za-z0-9_-]{6,32}$'),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        -- Refunds that succeeded; refunded in full makes the status 'refunded'.
        refunded_fen bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen),
        units int NOT NULL DEFAULT 0 CHECK (units >= 0),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 200),
        anonymous boolean NOT NULL DEFAULT false,
        hide_amount boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'closed', 'refunded')),
        payer_openid text NOT NULL,
        prepay_id text,
        expires_at timestamptz(3) NOT NULL,
        transaction_id text UNIQUE,
        paid_at timestamptz(3),
        closed_at timestamptz(3),
        certificate_no text UNIQUE,
        first_tree_no int CHECK (first_tree_no > 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('paid', 'refunded') OR (transaction_id IS NOT NULL AND paid_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX donations_alumnus_idx ON donations (alumnus_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX donations_campaign_paid_idx ON donations (campaign_id, paid_at DESC, id DESC) WHERE status = 'paid'`);
    // The expiry sweep reads pending orders by their deadline.
    await db.query(`CREATE INDEX donations_pending_idx ON donations (expires_at) WHERE status = 'pending'`);
    await db.query(`
      CREATE TABLE donation_refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        donation_id uuid NOT NULL REFERENCES donations (id),
        out_refund_no text NOT NULL UNIQUE CHECK (out_refund_no ~ '^[A-Za-z0-9_-]{1,64}$'),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 80),
        status text NOT NULL DEFAULT 'processing' CHECK (status IN ('processing', 'succeeded', 'closed', 'abnormal')),
        refund_id text,
        last_error text,
        requested_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        settled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX donation_refunds_donation_idx ON donation_refunds (donation_id, created_at)`);
    // The fund-use ledger: what the money did, as staff record it.
    await db.query(`
      CREATE TABLE campaign_disbursements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        spent_on date NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
        photo_urls jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(photo_urls) = 'array'),
        created_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX campaign_disbursements_campaign_idx ON campaign_disbursements (campaign_id, created_at DESC, id DESC)`);
    // Where a numbered sapling stands, added by staff after planting.
    await db.query(`
      CREATE TABLE campaign_trees (
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        tree_no int NOT NULL CHECK (tree_no > 0),
        location text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        photo_urls jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(photo_urls) = 'array'),
        updated_by uuid REFERENCES alumni (id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, tree_no),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    // Who agreed to appear, with their yearly total, on the honour roll.
    await db.query(`
      CREATE TABLE giving_preferences (
        alumnus_id uuid PRIMARY KEY REFERENCES alumni (id) ON DELETE CASCADE,
        honour_roll boolean NOT NULL DEFAULT false,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One check of a day's trade bill against our paid donations; differences are listed, never fixed.
    await db.query(`
      CREATE TABLE giving_reconciliations (
        bill_date date PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('matched', 'differences')),
        differences jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(differences) = 'array'),
        our_count int NOT NULL,
        our_fen bigint NOT NULL,
        bill_count int NOT NULL,
        bill_fen bigint NOT NULL,
        checked_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE giving_reconciliations`);
    await db.query(`DROP TABLE campaign_disbursements`);
    await db.query(`DROP TABLE giving_preferences`);
    await db.query(`DROP TABLE campaign_trees`);
    await db.query(`DROP TABLE donation_refunds`);
    await db.query(`DROP TABLE donations`);
    await db.query(`DROP INDEX campaigns_staff_idx`);
    await db.query(`
      ALTER TABLE campaigns
        DROP CONSTRAINT campaigns_amount_range,
        DROP CONSTRAINT campaigns_suggested_array,
        DROP COLUMN beneficiary, DROP COLUMN suggested_amounts_fen, DROP COLUMN min_amount_fen, DROP COLUMN max_amount_fen,
        DROP COLUMN units_raised, DROP COLUMN paid_count, DROP COLUMN spent_fen, DROP COLUMN created_by`);
  }
}
