import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 委托代扣 for monthly giving (docs/giving.md "Automatic deduction", docs/wechat-pay.md):
 * a pledge's contracts (a contract code is never reused, so each signing attempt that
 * reaches WeChat Pay keeps its row; at most one live per pledge) and, on the instalment, the
 * deduction's attempts. The month itself stays unique per pledge (GivingMonthly), so a month
 * is charged at most once whichever way it is paid.
 */
export class GivingMonthlyDeduction1797030000000 implements MigrationInterface {
  name = 'GivingMonthlyDeduction1797030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monthly_contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES monthly_pledges (id),
        contract_code text NOT NULL UNIQUE CHECK (contract_code ~ '^[A-Za-z0-9]{1,32}$'),
        request_serial bigint NOT NULL UNIQUE CHECK (request_serial > 0),
        plan_id text NOT NULL,
        openid text NOT NULL,
        state text NOT NULL DEFAULT 'signing' CHECK (state IN ('signing', 'signed', 'terminating', 'terminated')),
        contract_id text UNIQUE,
        signed_at timestamptz(3),
        terminated_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((state IN ('signed', 'terminating')) <= (contract_id IS NOT NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX monthly_contracts_live_idx ON monthly_contracts (pledge_id) WHERE state IN ('signing', 'signed', 'terminating')`,
    );
    await db.query(`
      ALTER TABLE monthly_instalments
        ADD COLUMN deduction_state text CHECK (deduction_state IN ('applying', 'accepted', 'failed', 'fallback')),
        ADD COLUMN deduction_attempts int NOT NULL DEFAULT 0 CHECK (deduction_attempts >= 0),
        ADD COLUMN deduction_next_at timestamptz(3),
        ADD COLUMN deduction_error text`);
    await db.query(
      `CREATE INDEX monthly_instalments_deduction_idx ON monthly_instalments (deduction_state) WHERE deduction_state IN ('applying', 'accepted', 'failed')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX monthly_instalments_deduction_idx`);
    await db.query(`
      ALTER TABLE monthly_instalments
        DROP COLUMN deduction_state, DROP COLUMN deduction_attempts, DROP COLUMN deduction_next_at, DROP COLUMN deduction_error`);
    await db.query(`DROP TABLE monthly_contracts`);
  }
}
