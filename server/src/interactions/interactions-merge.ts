import { Injectable } from '@nestjs/common';
import { MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/**
 * The interaction log: every row of the merged record's history becomes the survivor's. The
 * log is append-only in the database; its trigger lets this one re-attribution through,
 * named in a setting local to the merge's transaction (migration Duplicates1796900000000).
 */
@Injectable()
@MergeParticipant()
export class InteractionsMerge implements MergeParticipant {
  readonly columns = ['interactions.alumnus_id'] as const;

  async merge({ manager, mergedId, survivorId }: MergeContext): Promise<void> {
    await manager.query(`SELECT set_config('alumnilink.merge', $1, true)`, [`${mergedId}>${survivorId}`]);
    await manager.query('UPDATE interactions SET alumnus_id = $2 WHERE alumnus_id = $1', [mergedId, survivorId]);
    await manager.query(`SELECT set_config('alumnilink.merge', '', true)`);
  }
}
