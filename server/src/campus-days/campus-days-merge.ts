import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Stamps, completions and reunion interest move; a spot both stamped, a day both completed, a reunion both wanted keep one row. */
@Injectable()
@MergeParticipant()
export class CampusDaysMerge implements MergeParticipant {
  readonly columns = [
    'campus_day_stamps.alumnus_id',
    'campus_day_completions.alumnus_id',
    'reunion_interests.alumnus_id',
    'reunion_proposals.proposer_id',
    'reunion_proposals.decided_by',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'campus_day_stamps.alumnus_id', ['spot_id']);
    await dropCollisions(context, 'campus_day_completions.alumnus_id', ['event_id']);
    await dropCollisions(context, 'reunion_interests.alumnus_id', ['proposal_id']);
    await moveReferences(context, this.columns);
  }
}
