import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A classmate the liaison invited was verified (docs/reach.md): it counts for the liaison
 * like bringing someone to an event, more than the invitation itself.
 */
export class LiaisonInviteeVerified1796910000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`INSERT INTO engagement_weights (kind, weight) VALUES ('liaisons.invitee_verified', 2) ON CONFLICT (kind) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM engagement_weights WHERE kind = 'liaisons.invitee_verified'`);
  }
}
