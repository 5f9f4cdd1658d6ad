import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments no longer wait for the campaign row (docs/giving.md, Posting): a payment only marks
 * its donation paid; a posting pass then numbers the paid gifts of a campaign in the order they
 * were paid and adds them to its totals, a batch at a time. A paid gift without a certificate
 * number is one waiting for it. `last_tree_no` is where the campaign's tree numbers stand
 * (refunded trees keep theirs).
 */
export class GivingPosting1796710000000 implements MigrationInterface {
  name = 'GivingPosting1796710000000';

  async up(db: QueryRunner): Promise<void> {
    // The posting pass's queue: paid gifts not yet numbered, per campaign in the order they were paid.
    await db.query(
      `CREATE INDEX donations_unposted_idx ON donations (campaign_id, paid_at, id) WHERE status = 'paid' AND certificate_no IS NULL`,
    );
    // Whether a donor has given to the campaign before (the donor count).
    await db.query(`CREATE INDEX donations_campaign_donor_idx ON donations (campaign_id, alumnus_id) WHERE status = 'paid'`);
    await db.query(`ALTER TABLE campaigns ADD COLUMN last_tree_no int NOT NULL DEFAULT 0 CHECK (last_tree_no >= 0)`);
    await db.query(`
      UPDATE campaigns AS c SET last_tree_no = t.last
      FROM (SELECT campaign_id, max(first_tree_no + units - 1) AS last FROM donations WHERE first_tree_no IS NOT NULL GROUP BY campaign_id) AS t
      WHERE c.id = t.campaign_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns DROP COLUMN last_tree_no`);
    await db.query(`DROP INDEX donations_campaign_donor_idx`);
    await db.query(`DROP INDEX donations_unposted_idx`);
  }
}
