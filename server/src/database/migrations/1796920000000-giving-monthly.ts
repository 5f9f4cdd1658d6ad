import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly giving (月捐, docs/giving.md "Monthly giving"): pledges, and one instalment per
 * pledge and Beijing month. `UNIQUE (pledge_id, month)` is what makes a month impossible to
 * invite, charge or pay twice, whatever instances run the job; an instalment's gift is an
 * ordinary donation (`donation_id`), paid through the usual order and notification path.
 */
export class GivingMonthly1796920000000 implements MigrationInterface {
  name = 'GivingMonthly1796920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monthly_pledges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        campaign_id uuid NOT NULL REFERENCES campaigns (id),
        amount_fen bigint NOT NULL CHECK (amount_fen BETWEEN 500 AND 500000),
        day_of_month int NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled')),
        mode text NOT NULL DEFAULT 'invite' CHECK (mode IN ('invite', 'deduction')),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    // One live pledge per donor and campaign: a second is a change of the first.
    await db.query(`CREATE UNIQUE INDEX monthly_pledges_live_idx ON monthly_pledges (alumnus_id, campaign_id) WHERE status <> 'cancelled'`);
    await db.query(`CREATE INDEX monthly_pledges_day_idx ON monthly_pledges (status, day_of_month)`);
    await db.query(`
      CREATE TABLE monthly_instalments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES monthly_pledges (id),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'paid', 'missed', 'skipped')),
        donation_id uuid UNIQUE REFERENCES donations (id),
        invited_at timestamptz(3) NOT NULL DEFAULT now(),
        reminded_at timestamptz(3),
        paid_at timestamptz(3),
        missed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (pledge_id, month),
        CHECK ((status = 'paid') = (paid_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX monthly_instalments_open_idx ON monthly_instalments (month) WHERE status = 'invited'`);
    await db.query(`CREATE INDEX monthly_instalments_month_idx ON monthly_instalments (month, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE monthly_instalments`);
    await db.query(`DROP TABLE monthly_pledges`);
  }
}
