import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `2^((t − T₀)/h)` of an interaction row `i` with the settings row `s`: its decayed count at the reference time. */
const DECAYED = `power(2::float8, extract(epoch FROM i.occurred_at - s.reference_at)::float8 / (s.half_life_days * 86400.0))`;

/** The summary columns both versions of the backfill fill the same way (everything but the score). */
const SUMMARY_COLUMNS = `last_interaction_at, recent_participations, recent_donations,
  donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at`;
const SUMMARY_VALUES = `max(i.occurred_at),
  coalesce((array_agg(i.occurred_at ORDER BY i.occurred_at DESC) FILTER (WHERE i.kind = ANY (participation_kinds)))[1:6], '{}'),
  coalesce((array_agg(i.occurred_at ORDER BY i.occurred_at DESC) FILTER (WHERE i.kind = 'giving.donated'))[1:2], '{}'),
  coalesce(sum(CASE i.kind WHEN 'giving.donated' THEN (i.detail->>'amountFen')::bigint
                           WHEN 'giving.refunded' THEN -(i.detail->>'amountFen')::bigint END), 0),
  max(i.occurred_at) FILTER (WHERE i.kind IN ('identity.phone_bound', 'offline.phone_call')),
  max(i.occurred_at) FILTER (WHERE i.kind = 'identity.profile_updated' AND i.detail->'fields' ? 'city'),
  max(i.occurred_at) FILTER (WHERE i.kind = 'identity.profile_updated' AND i.detail->'fields' ? 'employer'),
  max(i.occurred_at) FILTER (WHERE i.kind = ANY (alumnus_kinds))`;
const MONTHS = `
  INSERT INTO engagement_months (alumnus_id, month, participations, donations, donated_fen)
  SELECT alumnus_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC' + interval '8 hours')::date,
    count(*) FILTER (WHERE kind = ANY (participation_kinds)),
    count(*) FILTER (WHERE kind = 'giving.donated'),
    coalesce(sum(CASE kind WHEN 'giving.donated' THEN (detail->>'amountFen')::bigint
                           WHEN 'giving.refunded' THEN -(detail->>'amountFen')::bigint END), 0)
  FROM interactions
  WHERE alumnus_id IS NOT NULL AND (kind = ANY (participation_kinds) OR kind IN ('giving.donated', 'giving.refunded'))
  GROUP BY 1, 2;`;

/**
 * Scores are no longer stored per alumnus but read as Σ weight(kind) · decayed sum(alumnus, kind):
 * a weight change then rewrites nothing and never waits for, or holds up, `record()`
 * (docs/engagement.md). `engagement_summaries.score_base` gives way to one row per alumnus and
 * kind; the backfill fills that table instead.
 */
export class EngagementKindSums1795962132431 implements MigrationInterface {
  name = 'EngagementKindSums1795962132431';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE engagement_kind_sums (
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        kind text NOT NULL,
        decayed_sum double precision NOT NULL,
        PRIMARY KEY (alumnus_id, kind)
      )`);
    // Every kind is kept, weighted or not, so a kind weighted later counts its past rows too.
    // Also the half-life change's rebuild (the only change that reads the log).
    await db.query(`
      CREATE FUNCTION engagement_rebuild_kind_sums() RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_kind_sums;
          INSERT INTO engagement_kind_sums (alumnus_id, kind, decayed_sum)
          SELECT i.alumnus_id, i.kind, sum(${DECAYED})
          FROM interactions i CROSS JOIN engagement_settings s
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id, i.kind;
        $$`);
    await db.query('SELECT engagement_rebuild_kind_sums()');
    await db.query('ALTER TABLE engagement_summaries DROP COLUMN score_base');
    await db.query(`
      CREATE OR REPLACE FUNCTION engagement_backfill(participation_kinds text[], alumnus_kinds text[]) RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_months;
          DELETE FROM engagement_summaries;
          INSERT INTO engagement_summaries (alumnus_id, ${SUMMARY_COLUMNS})
          SELECT i.alumnus_id, ${SUMMARY_VALUES}
          FROM interactions i
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id;
          SELECT engagement_rebuild_kind_sums();
          ${MONTHS}
        $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE engagement_summaries ADD COLUMN score_base double precision NOT NULL DEFAULT 0');
    await db.query(`
      UPDATE engagement_summaries e SET score_base = x.base
      FROM (SELECT k.alumnus_id, sum(w.weight * k.decayed_sum) AS base
            FROM engagement_kind_sums k JOIN engagement_weights w ON w.kind = k.kind
            GROUP BY k.alumnus_id) x
      WHERE e.alumnus_id = x.alumnus_id`);
    await db.query(`
      CREATE OR REPLACE FUNCTION engagement_backfill(participation_kinds text[], alumnus_kinds text[]) RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_months;
          DELETE FROM engagement_summaries;
          INSERT INTO engagement_summaries (alumnus_id, score_base, ${SUMMARY_COLUMNS})
          SELECT i.alumnus_id, coalesce(sum(w.weight * ${DECAYED}), 0), ${SUMMARY_VALUES}
          FROM interactions i
          CROSS JOIN engagement_settings s
          LEFT JOIN engagement_weights w ON w.kind = i.kind
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id;
          ${MONTHS}
        $$`);
    await db.query('DROP FUNCTION engagement_rebuild_kind_sums');
    await db.query('DROP TABLE engagement_kind_sums');
  }
}
