import type { MigrationInterface, QueryRunner } from 'typeorm';
import { interactionKindsWhere } from '@alumni/shared';

/**
 * The interaction log also refuses TRUNCATE (row triggers never see it). Engagement: the
 * weights and settings staff edit, and the per-alumnus and per-month summaries kept current
 * in the same transaction as every interaction row (docs/engagement.md).
 */
export class Engagement1795957048233 implements MigrationInterface {
  name = 'Engagement1795957048233';

  async up(db: QueryRunner): Promise<void> {
    // The append-only function raises for every operation but the erasure update, TRUNCATE included.
    await db.query(`
      CREATE TRIGGER interactions_no_truncate BEFORE TRUNCATE ON interactions
        FOR EACH STATEMENT EXECUTE FUNCTION interactions_append_only()`);
    await db.query(`
      CREATE TABLE engagement_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        half_life_days integer NOT NULL CHECK (half_life_days BETWEEN 30 AND 3650),
        contact_current_months integer NOT NULL CHECK (contact_current_months BETWEEN 1 AND 120),
        reference_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(
      `INSERT INTO engagement_settings (half_life_days, contact_current_months, reference_at) VALUES (180, 24, '2026-01-01T00:00:00+08:00')`,
    );
    await db.query(`
      CREATE TABLE engagement_weights (
        kind text PRIMARY KEY CHECK (kind ~ '^[a-z][a-z_.]*$'),
        weight double precision NOT NULL CHECK (weight BETWEEN -100 AND 100)
      )`);
    await db.query(`
      INSERT INTO engagement_weights (kind, weight) VALUES
        ('identity.verified', 2), ('events.registered', 1), ('events.checked_in', 3), ('events.no_show', -1),
        ('groups.joined', 1), ('groups.posted', 0.5), ('giving.donated', 5),
        ('offline.visit', 3), ('offline.phone_call', 1), ('offline.lecture', 8), ('offline.job_posted', 5), ('offline.mentoring', 5)`);
    await db.query(`
      CREATE TABLE engagement_summaries (
        alumnus_id uuid PRIMARY KEY REFERENCES alumni (id) ON DELETE CASCADE,
        score_base double precision NOT NULL DEFAULT 0,
        last_interaction_at timestamptz(3) NOT NULL,
        recent_participations timestamptz[] NOT NULL DEFAULT '{}' CHECK (cardinality(recent_participations) <= 6),
        recent_donations timestamptz[] NOT NULL DEFAULT '{}' CHECK (cardinality(recent_donations) <= 2),
        donated_fen bigint NOT NULL DEFAULT 0,
        phone_confirmed_at timestamptz(3),
        city_confirmed_at timestamptz(3),
        employer_confirmed_at timestamptz(3),
        wechat_active_at timestamptz(3)
      )`);
    // Lapsed donors: latest gift first, continuing after a cursor.
    await db.query(
      `CREATE INDEX engagement_summaries_last_donation_idx ON engagement_summaries ((recent_donations[1]) DESC, alumnus_id DESC) WHERE recent_donations[1] IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE engagement_months (
        alumnus_id uuid NOT NULL REFERENCES alumni (id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        participations integer NOT NULL DEFAULT 0,
        donations integer NOT NULL DEFAULT 0,
        donated_fen bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (alumnus_id, month)
      )`);
    // Trends read a range of months across all alumni, from the index alone (no table pages);
    // this year's giving reads only the months with gifts or refunds.
    await db.query(
      `CREATE INDEX engagement_months_month_idx ON engagement_months (month, alumnus_id) INCLUDE (participations, donations, donated_fen)`,
    );
    await db.query(
      `CREATE INDEX engagement_months_giving_idx ON engagement_months (month, alumnus_id) INCLUDE (donations, donated_fen)
         WHERE donations > 0 OR donated_fen <> 0`,
    );
    // The newest `keep` times of an array plus one more, newest first: a sliding-window count
    // ("6 in the last 12 months") becomes one comparison with the last element.
    await db.query(`
      CREATE FUNCTION engagement_recent(times timestamptz[], added timestamptz, keep integer) RETURNS timestamptz[]
        LANGUAGE sql IMMUTABLE AS $$
          SELECT coalesce(array_agg(t ORDER BY t DESC), '{}')
          FROM (SELECT t FROM unnest(times || added) AS t ORDER BY t DESC LIMIT keep) AS newest
        $$`);

    // Rebuilds both summaries from the log with the current settings: fills them for the
    // interactions recorded before this migration, and repairs them should they ever drift.
    await db.query(`
      CREATE FUNCTION engagement_backfill(participation_kinds text[], alumnus_kinds text[]) RETURNS void
        LANGUAGE sql AS $$
          DELETE FROM engagement_months;
          DELETE FROM engagement_summaries;
          INSERT INTO engagement_summaries (alumnus_id, score_base, last_interaction_at, recent_participations, recent_donations,
            donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at)
          SELECT i.alumnus_id,
            coalesce(sum(w.weight * power(2::float8, extract(epoch FROM i.occurred_at - s.reference_at)::float8 / (s.half_life_days * 86400.0))), 0),
            max(i.occurred_at),
            coalesce((array_agg(i.occurred_at ORDER BY i.occurred_at DESC) FILTER (WHERE i.kind = ANY (participation_kinds)))[1:6], '{}'),
            coalesce((array_agg(i.occurred_at ORDER BY i.occurred_at DESC) FILTER (WHERE i.kind = 'giving.donated'))[1:2], '{}'),
            coalesce(sum(CASE i.kind WHEN 'giving.donated' THEN (i.detail->>'amountFen')::bigint
                                     WHEN 'giving.refunded' THEN -(i.detail->>'amountFen')::bigint END), 0),
            max(i.occurred_at) FILTER (WHERE i.kind IN ('identity.phone_bound', 'offline.phone_call')),
            max(i.occurred_at) FILTER (WHERE i.kind = 'identity.profile_updated' AND i.detail->'fields' ? 'city'),
            max(i.occurred_at) FILTER (WHERE i.kind = 'identity.profile_updated' AND i.detail->'fields' ? 'employer'),
            max(i.occurred_at) FILTER (WHERE i.kind = ANY (alumnus_kinds))
          FROM interactions i
          CROSS JOIN engagement_settings s
          LEFT JOIN engagement_weights w ON w.kind = i.kind
          WHERE i.alumnus_id IS NOT NULL
          GROUP BY i.alumnus_id;
          INSERT INTO engagement_months (alumnus_id, month, participations, donations, donated_fen)
          SELECT alumnus_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC' + interval '8 hours')::date,
            count(*) FILTER (WHERE kind = ANY (participation_kinds)),
            count(*) FILTER (WHERE kind = 'giving.donated'),
            coalesce(sum(CASE kind WHEN 'giving.donated' THEN (detail->>'amountFen')::bigint
                                   WHEN 'giving.refunded' THEN -(detail->>'amountFen')::bigint END), 0)
          FROM interactions
          WHERE alumnus_id IS NOT NULL AND (kind = ANY (participation_kinds) OR kind IN ('giving.donated', 'giving.refunded'))
          GROUP BY 1, 2;
        $$`);
    await db.query('SELECT engagement_backfill($1, $2)', [interactionKindsWhere('participation'), interactionKindsWhere('byAlumnus')]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION engagement_backfill');
    await db.query('DROP FUNCTION engagement_recent');
    await db.query('DROP TABLE engagement_months');
    await db.query('DROP TABLE engagement_summaries');
    await db.query('DROP TABLE engagement_weights');
    await db.query('DROP TABLE engagement_settings');
    await db.query('DROP TRIGGER interactions_no_truncate ON interactions');
  }
}
