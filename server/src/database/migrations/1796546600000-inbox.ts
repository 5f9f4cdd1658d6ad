import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The message centre (消息): every notice the outbox queues, kept for its alumnus. */
export class Inbox1796546600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        outbox_message_id uuid UNIQUE REFERENCES outbox_messages (id) ON DELETE SET NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        page text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3)
      )`);
    // My messages, newest first; and the unread badge, which reads only the unread ones.
    await db.query(`CREATE INDEX inbox_messages_mine_idx ON inbox_messages (alumnus_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX inbox_messages_unread_idx ON inbox_messages (alumnus_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbox_messages`);
  }
}
