import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `engagement_accumulate`: adds one interaction row to its alumnus's engagement sums, summary
 * and month (docs/engagement.md), called by the statement that inserts the row, so an
 * interaction costs one round trip instead of two (issue 17, sign-up burst). It is a VOLATILE
 * PL/pgSQL function because its statement must take its snapshot after the caller's statement
 * got the engagement settings lock (EngagementService, SETTINGS_LOCK): in READ COMMITTED a
 * volatile function's queries each take a fresh snapshot, while a CTE of the calling statement
 * would see the snapshot taken before it waited for that lock, and miss a next generation of
 * sums that a half-life change committed meanwhile. The month is the Asia/Shanghai one (fixed
 * UTC+8), as `shanghaiMonth` computes it.
 */
export class EngagementAccumulate1796950000000 implements MigrationInterface {
  name = 'EngagementAccumulate1796950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION engagement_accumulate(
        p_alumnus uuid, p_kind text, p_at timestamptz, p_participation boolean, p_donations integer, p_fen bigint,
        p_phone boolean, p_city boolean, p_employer boolean, p_wechat boolean, p_keep_participations integer, p_keep_donations integer
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        WITH kinds AS (
          INSERT INTO engagement_kind_sums AS k (alumnus_id, generation, kind, decayed_sum)
          SELECT p_alumnus, g.generation, p_kind,
                 power(2::float8, extract(epoch FROM p_at - g.reference_at)::float8 / (g.half_life_days * 86400.0))
          FROM engagement_settings s
          CROSS JOIN LATERAL (VALUES (s.generation, s.half_life_days, s.reference_at),
                                     (s.next_generation, s.next_half_life_days, s.next_reference_at)) g (generation, half_life_days, reference_at)
          WHERE g.generation IS NOT NULL
          ON CONFLICT (alumnus_id, generation, kind) DO UPDATE SET decayed_sum = k.decayed_sum + EXCLUDED.decayed_sum
        ), summary AS (
          INSERT INTO engagement_summaries AS e (alumnus_id, last_interaction_at, recent_participations, recent_donations,
            donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at)
          VALUES (p_alumnus, p_at, CASE WHEN p_participation THEN ARRAY[p_at] ELSE '{}' END,
                  CASE WHEN p_donations > 0 THEN ARRAY[p_at] ELSE '{}' END, p_fen,
                  CASE WHEN p_phone THEN p_at END, CASE WHEN p_city THEN p_at END,
                  CASE WHEN p_employer THEN p_at END, CASE WHEN p_wechat THEN p_at END)
          ON CONFLICT (alumnus_id) DO UPDATE SET
            last_interaction_at = greatest(e.last_interaction_at, EXCLUDED.last_interaction_at),
            recent_participations = CASE WHEN p_participation THEN engagement_recent(e.recent_participations, p_at, p_keep_participations)
                                         ELSE e.recent_participations END,
            recent_donations = CASE WHEN p_donations > 0 THEN engagement_recent(e.recent_donations, p_at, p_keep_donations)
                                    ELSE e.recent_donations END,
            donated_fen = e.donated_fen + EXCLUDED.donated_fen,
            phone_confirmed_at = greatest(e.phone_confirmed_at, EXCLUDED.phone_confirmed_at),
            city_confirmed_at = greatest(e.city_confirmed_at, EXCLUDED.city_confirmed_at),
            employer_confirmed_at = greatest(e.employer_confirmed_at, EXCLUDED.employer_confirmed_at),
            wechat_active_at = greatest(e.wechat_active_at, EXCLUDED.wechat_active_at)
        )
        INSERT INTO engagement_months AS m (alumnus_id, month, participations, donations, donated_fen)
        SELECT p_alumnus, date_trunc('month', p_at AT TIME ZONE 'UTC' + interval '8 hours')::date,
               CASE WHEN p_participation THEN 1 ELSE 0 END, p_donations, p_fen
        WHERE p_participation OR p_fen <> 0
        ON CONFLICT (alumnus_id, month) DO UPDATE SET
          participations = m.participations + EXCLUDED.participations,
          donations = m.donations + EXCLUDED.donations,
          donated_fen = m.donated_fen + EXCLUDED.donated_fen;
      END
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION engagement_accumulate');
  }
}
