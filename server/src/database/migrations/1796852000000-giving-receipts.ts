import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Donation receipts (公益事业捐赠票据, docs/giving.md, Receipts): a donor's request for one or
 * several paid gifts, with the payer's name and ID or tax number (encrypted, FieldCipher; the
 * last four characters kept apart for the masked display), then the receipt number and the
 * e-receipt file staff record. `donation_receipt_items.donation_id` is unique: a gift is
 * receipted at most once, whatever requests race.
 */
export class GivingReceipts1796852000000 implements MigrationInterface {
  name = 'GivingReceipts1796852000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE donation_receipts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'issued')),
        payer_kind text NOT NULL CHECK (payer_kind IN ('person', 'company')),
        payer_name text NOT NULL,
        tax_id_cipher text NOT NULL,
        tax_id_masked text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        receipt_no text UNIQUE,
        file_key text,
        issued_at timestamptz(3),
        issued_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'issued') = (receipt_no IS NOT NULL AND issued_at IS NOT NULL)),
        CHECK (status = 'requested' OR file_key IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX donation_receipts_queue_idx ON donation_receipts (status, created_at, id)`);
    await db.query(`CREATE INDEX donation_receipts_alumnus_idx ON donation_receipts (alumnus_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE donation_receipt_items (
        receipt_id uuid NOT NULL REFERENCES donation_receipts (id),
        donation_id uuid NOT NULL UNIQUE REFERENCES donations (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (receipt_id, donation_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE donation_receipt_items`);
    await db.query(`DROP TABLE donation_receipts`);
  }
}
