import { Injectable } from '@nestjs/common';
import { moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Messages queued or sent: kept as history, now the survivor's (a merged account has no openid left to deliver to). */
@Injectable()
@MergeParticipant()
export class OutboxMerge implements MergeParticipant {
  readonly columns = ['outbox_messages.alumnus_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await moveReferences(context, this.columns);
  }
}
