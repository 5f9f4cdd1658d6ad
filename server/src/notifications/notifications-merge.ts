import { Injectable } from '@nestjs/common';
import { dropCollisions, moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Message subscriptions: the survivor keeps theirs for a template both subscribed to. */
@Injectable()
@MergeParticipant()
export class NotificationsMerge implements MergeParticipant {
  readonly columns = ['notification_subscriptions.alumnus_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'notification_subscriptions.alumnus_id', ['template_key']);
    await moveReferences(context, this.columns);
  }
}
