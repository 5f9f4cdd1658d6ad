import { Injectable } from '@nestjs/common';
import { MergeParticipant, type MergeContext } from '../../duplicates/merge-participant.js';

/** Stored answers to retried requests: the merged account sends no more requests, so its records go. */
@Injectable()
@MergeParticipant()
export class IdempotencyMerge implements MergeParticipant {
  readonly columns = ['idempotency_records.alumnus_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await context.manager.query('DELETE FROM idempotency_records WHERE alumnus_id = $1', [context.mergedId]);
  }
}
