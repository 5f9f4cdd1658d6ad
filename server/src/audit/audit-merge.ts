import { Injectable } from '@nestjs/common';
import { moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Audit entries: what the merged record did as staff is the survivor's. */
@Injectable()
@MergeParticipant()
export class AuditMerge implements MergeParticipant {
  readonly columns = ['audit_entries.actor_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await moveReferences(context, this.columns);
  }
}
