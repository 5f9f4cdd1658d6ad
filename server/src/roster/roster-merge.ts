import { Injectable } from '@nestjs/common';
import { moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Roster imports, and the roster entry the merged record claimed (an entry claims one account: when both claimed one, the merged record's entry is released, docs/reach.md). */
@Injectable()
@MergeParticipant()
export class RosterMerge implements MergeParticipant {
  readonly columns = ['roster_entries.claimed_by', 'roster_imports.imported_by'] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    // One entry per account: the survivor keeps theirs; the merged record's second entry is unclaimed again.
    await manager.query(
      `UPDATE roster_entries SET claimed_by = NULL, claimed_at = NULL
        WHERE claimed_by = $1 AND EXISTS (SELECT 1 FROM roster_entries WHERE claimed_by = $2)`,
      [mergedId, survivorId],
    );
    await moveReferences(context, this.columns);
  }
}
