import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voided receipts (作废 / 红冲, docs/giving.md, Receipts): a receipt may end `voided` — staff
 * voided an issued one in the finance system (usually after a refund: `void_due_at` marks an
 * issued receipt one of whose gifts was refunded since), or a request whose gifts were all
 * refunded was withdrawn. A voided receipt releases its items, so a gift is on at most one
 * receipt that is not voided (the unique index becomes partial) and may be receipted again
 * for what is left of it.
 */
export class GivingReceiptVoids1796930000000 implements MigrationInterface {
  name = 'GivingReceiptVoids1796930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_status_check`);
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_check`);
    // A request withdrawn before any file was attached is voided without one.
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_check1`);
    await db.query(`
      ALTER TABLE donation_receipts
        ADD CONSTRAINT donation_receipts_check1 CHECK (status <> 'issued' OR file_key IS NOT NULL),
        ADD COLUMN void_due_at timestamptz(3),
        ADD COLUMN voided_at timestamptz(3),
        ADD COLUMN voided_by uuid,
        ADD COLUMN void_reason text,
        ADD COLUMN reversal_no text,
        ADD CONSTRAINT donation_receipts_status_check CHECK (status IN ('requested', 'issued', 'voided')),
        ADD CONSTRAINT donation_receipts_check CHECK (
          (status = 'requested' AND receipt_no IS NULL AND issued_at IS NULL)
          OR (status = 'issued' AND receipt_no IS NOT NULL AND issued_at IS NOT NULL)
          OR (status = 'voided' AND voided_at IS NOT NULL AND void_reason IS NOT NULL))`);
    await db.query(`ALTER TABLE donation_receipt_items ADD COLUMN released boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE donation_receipt_items DROP CONSTRAINT donation_receipt_items_donation_id_key`);
    await db.query(`CREATE UNIQUE INDEX donation_receipt_items_live_idx ON donation_receipt_items (donation_id) WHERE NOT released`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM donation_receipt_items WHERE released`);
    await db.query(`DROP INDEX donation_receipt_items_live_idx`);
    await db.query(`ALTER TABLE donation_receipt_items DROP COLUMN released`);
    await db.query(`ALTER TABLE donation_receipt_items ADD CONSTRAINT donation_receipt_items_donation_id_key UNIQUE (donation_id)`);
    await db.query(
      `DELETE FROM donation_receipts r WHERE status = 'voided' AND NOT EXISTS (SELECT 1 FROM donation_receipt_items i WHERE i.receipt_id = r.id)`,
    );
    await db.query(`UPDATE donation_receipts SET status = 'issued' WHERE status = 'voided' AND receipt_no IS NOT NULL`);
    await db.query(`UPDATE donation_receipts SET status = 'requested' WHERE status = 'voided'`);
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_status_check`);
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_check`);
    await db.query(`ALTER TABLE donation_receipts DROP CONSTRAINT donation_receipts_check1`);
    await db.query(
      `ALTER TABLE donation_receipts ADD CONSTRAINT donation_receipts_check1 CHECK (status = 'requested' OR file_key IS NOT NULL)`,
    );
    await db.query(
      `ALTER TABLE donation_receipts DROP COLUMN void_due_at, DROP COLUMN voided_at, DROP COLUMN voided_by, DROP COLUMN void_reason, DROP COLUMN reversal_no`,
    );
    await db.query(`ALTER TABLE donation_receipts ADD CONSTRAINT donation_receipts_status_check CHECK (status IN ('requested', 'issued'))`);
    await db.query(
      `ALTER TABLE donation_receipts ADD CONSTRAINT donation_receipts_check CHECK ((status = 'issued') = (receipt_no IS NOT NULL AND issued_at IS NOT NULL))`,
    );
  }
}
