import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Abnormal refunds handled in the app (docs/giving.md, Abnormal refunds) and refunds followed
 * until they settle. Where staff sent an abnormal refund (the donor's debit card: its bank and
 * last four digits only, never the number or the name; or the school's account), who and when;
 * and each open refund's next check with WeChat Pay (`next_check_at`, backing off with
 * `check_count`), so the sweep asks about the refunds that are due, whatever instance runs it.
 */
export class AbnormalRefunds1796940000000 implements MigrationInterface {
  name = 'AbnormalRefunds1796940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE donation_refunds
        ADD COLUMN abnormal_route text CHECK (abnormal_route IN ('user_bank_card', 'merchant_bank_card')),
        ADD COLUMN abnormal_bank_type text,
        ADD COLUMN abnormal_card_last4 text CHECK (abnormal_card_last4 ~ '^[0-9]{4}$'),
        ADD COLUMN abnormal_applied_at timestamptz(3),
        ADD COLUMN abnormal_applied_by uuid,
        ADD COLUMN check_count integer NOT NULL DEFAULT 0,
        ADD COLUMN next_check_at timestamptz(3),
        ADD CONSTRAINT donation_refunds_abnormal_card CHECK (
          (abnormal_route = 'user_bank_card') = (abnormal_bank_type IS NOT NULL AND abnormal_card_last4 IS NOT NULL)
          AND (abnormal_route IS NULL) = (abnormal_applied_at IS NULL))
    `);
    // Refunds open now are due at once: the sweep takes them from here.
    await db.query(`UPDATE donation_refunds SET next_check_at = now() WHERE status IN ('processing', 'abnormal')`);
    await db.query(`CREATE INDEX donation_refunds_due ON donation_refunds (next_check_at) WHERE status IN ('processing', 'abnormal')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX donation_refunds_due`);
    await db.query(`
      ALTER TABLE donation_refunds
        DROP CONSTRAINT donation_refunds_abnormal_card,
        DROP COLUMN abnormal_route, DROP COLUMN abnormal_bank_type, DROP COLUMN abnormal_card_last4,
        DROP COLUMN abnormal_applied_at, DROP COLUMN abnormal_applied_by, DROP COLUMN check_count, DROP COLUMN next_check_at
    `);
  }
}
