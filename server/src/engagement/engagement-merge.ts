import { Injectable } from '@nestjs/common';
import { ENGAGEMENT_THRESHOLDS as T } from '@alumni/shared';
import { MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/**
 * Engagement sums add up: the survivor's score, months and summary become what one record
 * holding both histories would have accumulated (the interaction rows move with the
 * interactions module), and the merged record's rows go.
 */
@Injectable()
@MergeParticipant()
export class EngagementMerge implements MergeParticipant {
  readonly columns = ['engagement_kind_sums.alumnus_id', 'engagement_months.alumnus_id', 'engagement_summaries.alumnus_id'] as const;

  async merge({ manager, mergedId, survivorId }: MergeContext): Promise<void> {
    const ids = [mergedId, survivorId];
    await manager.query(
      `INSERT INTO engagement_kind_sums AS k (alumnus_id, generation, kind, decayed_sum)
       SELECT $2, generation, kind, decayed_sum FROM engagement_kind_sums WHERE alumnus_id = $1
       ON CONFLICT (alumnus_id, generation, kind) DO UPDATE SET decayed_sum = k.decayed_sum + EXCLUDED.decayed_sum`,
      ids,
    );
    await manager.query(
      `INSERT INTO engagement_months AS m (alumnus_id, month, participations, donations, donated_fen)
       SELECT $2, month, participations, donations, donated_fen FROM engagement_months WHERE alumnus_id = $1
       ON CONFLICT (alumnus_id, month) DO UPDATE SET
         participations = m.participations + EXCLUDED.participations,
         donations = m.donations + EXCLUDED.donations,
         donated_fen = m.donated_fen + EXCLUDED.donated_fen`,
      ids,
    );
    // The newest times of both, as many as the segments read (engagement_recent's rule).
    await manager.query(
      `INSERT INTO engagement_summaries AS e (alumnus_id, last_interaction_at, recent_participations, recent_donations,
         donated_fen, phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at)
       SELECT $2, last_interaction_at, recent_participations, recent_donations, donated_fen,
              phone_confirmed_at, city_confirmed_at, employer_confirmed_at, wechat_active_at
         FROM engagement_summaries WHERE alumnus_id = $1
       ON CONFLICT (alumnus_id) DO UPDATE SET
         last_interaction_at = greatest(e.last_interaction_at, EXCLUDED.last_interaction_at),
         recent_participations = (SELECT coalesce(array_agg(t ORDER BY t DESC), '{}') FROM (
           SELECT t FROM unnest(e.recent_participations || EXCLUDED.recent_participations) AS t ORDER BY t DESC LIMIT ${T.coreParticipations}) n),
         recent_donations = (SELECT coalesce(array_agg(t ORDER BY t DESC), '{}') FROM (
           SELECT t FROM unnest(e.recent_donations || EXCLUDED.recent_donations) AS t ORDER BY t DESC LIMIT ${T.coreDonations}) n),
         donated_fen = e.donated_fen + EXCLUDED.donated_fen,
         phone_confirmed_at = greatest(e.phone_confirmed_at, EXCLUDED.phone_confirmed_at),
         city_confirmed_at = greatest(e.city_confirmed_at, EXCLUDED.city_confirmed_at),
         employer_confirmed_at = greatest(e.employer_confirmed_at, EXCLUDED.employer_confirmed_at),
         wechat_active_at = greatest(e.wechat_active_at, EXCLUDED.wechat_active_at)`,
      ids,
    );
    for (const table of ['engagement_kind_sums', 'engagement_months', 'engagement_summaries'])
      await manager.query(`DELETE FROM ${table} WHERE alumnus_id = $1`, [mergedId]);
  }
}
