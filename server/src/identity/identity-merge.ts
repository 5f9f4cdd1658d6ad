import { Injectable } from '@nestjs/common';
import { MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Sessions: the merged account can no longer sign in, so its refresh tokens go (its access tokens die with the account, see docs/reach.md). */
@Injectable()
@MergeParticipant()
export class IdentityMerge implements MergeParticipant {
  readonly columns = ['refresh_tokens.alumnus_id'] as const;

  async merge({ manager, mergedId }: MergeContext): Promise<void> {
    await manager.query('DELETE FROM refresh_tokens WHERE alumnus_id = $1', [mergedId]);
  }
}
