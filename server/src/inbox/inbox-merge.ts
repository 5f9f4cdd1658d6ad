import { Injectable } from '@nestjs/common';
import { moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Inbox messages. */
@Injectable()
@MergeParticipant()
export class InboxMerge implements MergeParticipant {
  readonly columns = ['inbox_messages.alumnus_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await moveReferences(context, this.columns);
  }
}
