import type pg from 'pg';

/** One open sapling drive ("1 棵树苗 = ¥30"), gifts from ¥1 to ¥10,000; its id. Totals start at zero. */
export async function insertSaplingDrive(pool: pg.Pool, title: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO campaigns (title, kind, status, summary, story, goal_fen, unit_name, unit_price_fen, min_amount_fen, max_amount_fen,
                            beneficiary, suggested_amounts_fen, starts_at)
     VALUES ($1, 'sapling', 'open', '基准测试生成的植树项目', '<p>每 30 元种下一棵树苗</p>', 100000000, '棵树苗', 3000, 100, 1000000,
             '江州大学后勤处', '[3000, 9000, 30000]', now() - interval '1 day')
     RETURNING id`,
    [title],
  );
  return rows[0]!.id;
}

/** An order as POST /donations leaves it: pending, prepaid, payable for 30 minutes. */
export interface PendingOrder {
  outTradeNo: string;
  amountFen: number;
  units: number;
  alumnusId: string;
  payerOpenid: string;
  expiresAt: Date;
}

/**
 * Pending, prepaid gifts to a sapling drive from these donors in turn, in one INSERT … SELECT
 * over generate_series, as POST /donations writes them (the same columns and values; no
 * idempotency record or check jobs, which only matter to a repeat or a lost notification):
 * every third gift 1–4 saplings, the others ¥1 to ¥999 (some buying a sapling or more).
 */
export async function insertPendingOrders(
  pool: pg.Pool,
  campaignId: string,
  donorIds: readonly string[],
  count: number,
  numberPrefix: string,
): Promise<PendingOrder[]> {
  const { rows } = await pool.query<PendingOrder>(
    `INSERT INTO donations (campaign_id, alumnus_id, out_trade_no, amount_fen, units, message, anonymous, status, payer_openid,
                            prepay_id, expires_at)
     SELECT $1, a.id, $2 || lpad(g::text, 6, '0'), gift.amount, gift.amount / 3000, '祝母校越来越好', g % 5 = 0, 'pending', a.openid,
            'wx' || substr(md5($2 || g), 1, 32), now() + interval '30 minutes'
     FROM generate_series(0, $3::int - 1) AS g
     JOIN alumni AS a ON a.id = ($4::uuid[])[1 + g % cardinality($4::uuid[])],
     LATERAL (SELECT CASE WHEN g % 3 = 0 THEN (1 + g % 4) * 3000 ELSE 100 + (g * 7919) % 99900 END AS amount) AS gift
     ORDER BY g
     RETURNING out_trade_no AS "outTradeNo", amount_fen::int AS "amountFen", units, alumnus_id AS "alumnusId",
               payer_openid AS "payerOpenid", expires_at AS "expiresAt"`,
    [campaignId, numberPrefix, count, donorIds],
  );
  return rows;
}
