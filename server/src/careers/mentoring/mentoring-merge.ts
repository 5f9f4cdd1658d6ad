import { Injectable } from '@nestjs/common';
import { MergeParticipant, moveReferences, type MergeContext } from '../../duplicates/merge-participant.js';

/**
 * Mentoring: one mentor offer per alumnus, so where both offered, the survivor's offer takes
 * the merged offer's pairings and their counts. Pairings between the two records themselves
 * go (no one mentors themselves); a request both sent to the same mentor is withdrawn on the
 * merged side.
 */
@Injectable()
@MergeParticipant()
export class MentoringMerge implements MergeParticipant {
  readonly columns = [
    'mentor_offers.alumnus_id',
    'mentor_offers.moderated_by',
    'mentorships.mentor_id',
    'mentorships.mentee_id',
    'mentoring_meetings.logged_by',
    'careers_settings.updated_by',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    await manager.query(`DELETE FROM mentorships WHERE (mentor_id = $1 AND mentee_id = $2) OR (mentor_id = $2 AND mentee_id = $1)`, [
      mergedId,
      survivorId,
    ]);
    await manager.query(
      `UPDATE mentorships m SET status = 'withdrawn', decided_at = now()
        WHERE m.status = 'requested' AND (m.mentee_id = $1 OR m.mentor_id = $1)
          AND EXISTS (SELECT 1 FROM mentorships s WHERE s.status IN ('requested', 'active')
                       AND s.mentor_id = CASE WHEN m.mentor_id = $1 THEN $2 ELSE m.mentor_id END
                       AND s.mentee_id = CASE WHEN m.mentee_id = $1 THEN $2 ELSE m.mentee_id END)`,
      [mergedId, survivorId],
    );
    const [offers] = (await manager.query(
      `SELECT m.id AS merged, s.id AS survivor, m.active_count, m.waiting_count
         FROM mentor_offers m JOIN mentor_offers s ON s.alumnus_id = $2 WHERE m.alumnus_id = $1`,
      [mergedId, survivorId],
    )) as { merged: string; survivor: string; active_count: number; waiting_count: number }[];
    if (offers) {
      await manager.query('UPDATE mentorships SET offer_id = $2 WHERE offer_id = $1', [offers.merged, offers.survivor]);
      await manager.query(
        `UPDATE mentor_offers SET active_count = active_count + $2, waiting_count = waiting_count + $3,
                capacity = least(10, greatest(capacity, active_count + $2)), updated_at = now() WHERE id = $1`,
        [offers.survivor, offers.active_count, offers.waiting_count],
      );
      await manager.query('DELETE FROM mentor_offers WHERE id = $1', [offers.merged]);
    }
    await moveReferences(context, this.columns);
  }
}
