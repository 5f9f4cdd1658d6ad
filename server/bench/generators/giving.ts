import type pg from 'pg';

/** Open drives, newest last; returns their ids in creation order. Totals match the gifts added by insertPaidDonations. */
export async function insertCampaigns(pool: pg.Pool, count: number, status: 'open' | 'closed' | 'draft' = 'open'): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO campaigns (title, kind, status, summary, story, goal_fen, beneficiary, suggested_amounts_fen, starts_at, created_at)
     SELECT '压测捐赠项目 ' || g, 'student_aid', $1, '基准测试生成的项目', '<p>基准测试生成的项目故事</p>', 10000000,
            '江州大学学生资助中心', '[1000, 5000, 10000]', now() - interval '30 days', now() - (($2::int - g) * interval '1 hour')
     FROM generate_series(1, $2::int) AS g
     ORDER BY g
     RETURNING id`,
    [status, count],
  );
  return rows.map((row) => row.id);
}

/**
 * Paid gifts to one drive from these donors in turn, one a minute going back from now (one
 * INSERT … SELECT over generate_series): every fourth anonymous, every fifth with its amount
 * hidden, as the donor wall shows them, each numbered (posted, docs/giving.md). The drive's
 * totals are updated to match.
 */
export async function insertPaidDonations(pool: pg.Pool, campaignId: string, donorIds: readonly string[], count: number): Promise<void> {
  await pool.query(
    `WITH gifts AS (
       INSERT INTO donations (campaign_id, alumnus_id, out_trade_no, amount_fen, message, anonymous, hide_amount, status,
                              payer_openid, expires_at, transaction_id, paid_at, certificate_no, created_at)
       SELECT $1::uuid, ($2::uuid[])[1 + g % cardinality($2::uuid[])], 'BENCH' || lpad(g::text, 12, '0') || substr(md5($1::uuid::text), 1, 8),
              1000 * (1 + g % 20), CASE WHEN g % 3 = 0 THEN '祝母校越来越好' ELSE '' END, g % 4 = 0, g % 5 = 0, 'paid',
              'o_bench_payer_' || g, now(), 'BENCHTX' || md5($1::uuid::text || g), now() - g * interval '1 minute',
              'BENCH-' || substr(md5($1::uuid::text), 1, 8) || '-' || g, now() - g * interval '1 minute'
       FROM generate_series(1, $3::int) AS g
       RETURNING amount_fen)
     UPDATE campaigns SET raised_fen = raised_fen + (SELECT sum(amount_fen) FROM gifts),
                          paid_count = paid_count + (SELECT count(*) FROM gifts),
                          donor_count = donor_count + LEAST($3::int, cardinality($2::uuid[]))
      WHERE id = $1`,
    [campaignId, donorIds, count],
  );
}

/** Fund-use entries of one drive, one a day going back from now. */
export async function insertDisbursements(pool: pg.Pool, campaignId: string, count: number): Promise<void> {
  await pool.query(
    `WITH spent AS (
       INSERT INTO campaign_disbursements (campaign_id, spent_on, amount_fen, purpose, photo_urls, created_at)
       SELECT $1, (now() - g * interval '1 day')::date, 50000, '资助第 ' || g || ' 批学生的学费与生活费', '["https://example.com/receipt.jpg"]',
              now() - g * interval '1 day'
       FROM generate_series(1, $2::int) AS g
       RETURNING amount_fen)
     UPDATE campaigns SET spent_fen = spent_fen + (SELECT sum(amount_fen) FROM spent) WHERE id = $1`,
    [campaignId, count],
  );
}
