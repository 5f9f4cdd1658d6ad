import { Injectable } from '@nestjs/common';
import { MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Claims move to the survivor; one pending claim per alumnus, so the merged record's pending one is withdrawn when the survivor waits too. */
@Injectable()
@MergeParticipant()
export class VerificationMerge implements MergeParticipant {
  readonly columns = ['verification_claims.alumnus_id', 'verification_claims.decided_by'] as const;

  async merge(context: MergeContext): Promise<void> {
    await context.manager.query(
      `UPDATE verification_claims SET status = 'withdrawn'
        WHERE alumnus_id = $1 AND status = 'pending'
          AND EXISTS (SELECT 1 FROM verification_claims WHERE alumnus_id = $2 AND status = 'pending')`,
      [context.mergedId, context.survivorId],
    );
    await moveReferences(context, this.columns);
  }
}
