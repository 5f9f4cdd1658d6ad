import { Injectable } from '@nestjs/common';
import { MergeParticipant, type MergeContext } from './merge-participant.js';

/**
 * The queue itself and the merge chain. Other open pairs naming the merged record go (the
 * next scan finds them again with the survivor); a pair dismissed with the merged record (an
 * account or a roster entry) stays dismissed for the survivor; records merged earlier into the merged one now point at the
 * survivor, so a redirect never follows a long chain. Decided pairs keep their history.
 */
@Injectable()
@MergeParticipant()
export class DuplicatesMerge implements MergeParticipant {
  readonly columns = [
    'duplicate_candidates.alumnus_id',
    'duplicate_candidates.other_alumnus_id',
    'duplicate_candidates.decided_by',
    'alumni.merged_into',
  ] as const;

  async merge({ manager, mergedId, survivorId }: MergeContext): Promise<void> {
    await manager.query(
      `INSERT INTO duplicate_candidates (alumnus_id, other_alumnus_id, score, reasons, status, decided_at, decided_by)
       SELECT least($2::uuid, o.other), greatest($2::uuid, o.other), d.score, d.reasons, 'dismissed', d.decided_at, d.decided_by
         FROM duplicate_candidates d
        CROSS JOIN LATERAL (SELECT CASE WHEN d.alumnus_id = $1 THEN d.other_alumnus_id ELSE d.alumnus_id END AS other) o
        WHERE d.status = 'dismissed' AND d.other_alumnus_id IS NOT NULL AND $1 IN (d.alumnus_id, d.other_alumnus_id) AND o.other <> $2
       ON CONFLICT (alumnus_id, other_alumnus_id) DO UPDATE SET status = 'dismissed', decided_at = EXCLUDED.decided_at, decided_by = EXCLUDED.decided_by`,
      [mergedId, survivorId],
    );
    // The same for a roster entry staff said is not the merged record's graduate.
    await manager.query(
      `INSERT INTO duplicate_candidates (alumnus_id, roster_entry_id, score, reasons, status, decided_at, decided_by)
       SELECT $2, d.roster_entry_id, d.score, d.reasons, 'dismissed', d.decided_at, d.decided_by
         FROM duplicate_candidates d WHERE d.status = 'dismissed' AND d.roster_entry_id IS NOT NULL AND d.alumnus_id = $1
       ON CONFLICT (alumnus_id, roster_entry_id) WHERE roster_entry_id IS NOT NULL DO UPDATE SET status = 'dismissed', decided_at = EXCLUDED.decided_at, decided_by = EXCLUDED.decided_by`,
      [mergedId, survivorId],
    );
    await manager.query(`DELETE FROM duplicate_candidates WHERE status = 'open' AND $1 IN (alumnus_id, other_alumnus_id)`, [mergedId]);
    await manager.query('UPDATE duplicate_candidates SET decided_by = $2 WHERE decided_by = $1', [mergedId, survivorId]);
    await manager.query('UPDATE alumni SET merged_into = $2 WHERE merged_into = $1', [mergedId, survivorId]);
  }
}
