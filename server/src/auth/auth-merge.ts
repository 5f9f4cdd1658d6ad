import { Injectable } from '@nestjs/common';
import { MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/**
 * The merged account signs in no more: recording its roles as changed (to none) now makes
 * every access token it still holds fail the guard's role check at once (role-changes.ts),
 * instead of living until it expires. The row stays on the merged record.
 */
@Injectable()
@MergeParticipant()
export class AuthMerge implements MergeParticipant {
  readonly columns = ['role_changes.alumnus_id'] as const;

  async merge({ manager, mergedId }: MergeContext): Promise<void> {
    await manager.query(
      `INSERT INTO role_changes (alumnus_id, roles, changed_at) VALUES ($1, '{}', now())
       ON CONFLICT (alumnus_id) DO UPDATE SET roles = '{}', changed_at = now()`,
      [mergedId],
    );
  }
}
