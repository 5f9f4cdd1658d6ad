import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Liaison appointments and invitations move; a class both are current liaisons of keeps the survivor's appointment. */
@Injectable()
@MergeParticipant()
export class LiaisonsMerge implements MergeParticipant {
  readonly columns = [
    'class_liaisons.alumnus_id',
    'class_liaisons.appointed_by',
    'class_liaisons.ended_by',
    'class_invitations.invited_by',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    await context.manager.query(
      `UPDATE class_liaisons m SET ended_at = now(), ended_by = NULL
        WHERE m.alumnus_id = $1 AND m.ended_at IS NULL
          AND EXISTS (SELECT 1 FROM class_liaisons s WHERE s.alumnus_id = $2 AND s.ended_at IS NULL AND s.class_group_id = m.class_group_id)`,
      [context.mergedId, context.survivorId],
    );
    await dropCollisions(context, 'class_invitations.invited_by', ['roster_entry_id']);
    await moveReferences(context, this.columns);
  }
}
