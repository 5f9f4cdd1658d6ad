import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Branch admin seats and what they added move; a branch both administer keeps one seat. */
@Injectable()
@MergeParticipant()
export class BranchesMerge implements MergeParticipant {
  readonly columns = ['branch_admins.alumnus_id', 'branch_admins.appointed_by', 'branches.created_by', 'branch_items.added_by'] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'branch_admins.alumnus_id', ['branch_id']);
    await moveReferences(context, this.columns);
  }
}
