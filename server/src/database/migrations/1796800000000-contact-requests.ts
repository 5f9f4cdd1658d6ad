import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 校友录 contact requests (docs/directory.md): one row per request from a sender to a
 * recipient, with what each side shares. A refusal or a block stays as the row's status, so
 * the next request of the same sender is judged by it; an erased account's rows are deleted.
 */
export class ContactRequests1796800000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sender_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        note text,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'blocked')),
        sender_share_phone boolean NOT NULL DEFAULT false,
        sender_email text,
        sender_wechat_id text,
        recipient_share_phone boolean NOT NULL DEFAULT false,
        recipient_email text,
        recipient_wechat_id text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        CHECK (sender_id <> recipient_id)
      )`);
    // At most one open request (waiting or accepted) from one sender to one recipient.
    await db.query(`
      CREATE UNIQUE INDEX contact_requests_open_idx ON contact_requests (sender_id, recipient_id)
        WHERE status IN ('pending', 'accepted')`);
    await db.query(`CREATE INDEX contact_requests_pair_idx ON contact_requests (sender_id, recipient_id, created_at DESC)`);
    await db.query(`CREATE INDEX contact_requests_recipient_idx ON contact_requests (recipient_id, created_at DESC)`);
    // Exchanging contact details with a classmate counts a little, like a like does.
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES ('directory.contact_accepted', 1)
      ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind LIKE 'directory.contact_%'`);
    await db.query(`DROP TABLE contact_requests`);
  }
}
