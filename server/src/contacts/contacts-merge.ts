import { Injectable } from '@nestjs/common';
import { MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/**
 * Contact requests move. A request between the two records themselves goes (one cannot ask
 * oneself); where both asked (or were asked by) the same person, the survivor's open request stands.
 */
@Injectable()
@MergeParticipant()
export class ContactsMerge implements MergeParticipant {
  readonly columns = ['contact_requests.sender_id', 'contact_requests.recipient_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    const open = `status IN ('pending', 'accepted')`;
    await manager.query(
      `DELETE FROM contact_requests WHERE (sender_id = $1 AND recipient_id = $2) OR (sender_id = $2 AND recipient_id = $1)`,
      [mergedId, survivorId],
    );
    await manager.query(
      `DELETE FROM contact_requests m WHERE m.sender_id = $1 AND m.${open}
         AND EXISTS (SELECT 1 FROM contact_requests s WHERE s.sender_id = $2 AND s.recipient_id = m.recipient_id AND s.${open})`,
      [mergedId, survivorId],
    );
    await manager.query(
      `DELETE FROM contact_requests m WHERE m.recipient_id = $1 AND m.${open}
         AND EXISTS (SELECT 1 FROM contact_requests s WHERE s.recipient_id = $2 AND s.sender_id = m.sender_id AND s.${open})`,
      [mergedId, survivorId],
    );
    await moveReferences(context, this.columns);
  }
}
