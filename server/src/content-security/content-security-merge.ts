import { Injectable } from '@nestjs/common';
import { moveReferences, MergeParticipant, type MergeContext } from '../duplicates/merge-participant.js';

/** Content reviews and media checks, by author and deciding staff. */
@Injectable()
@MergeParticipant()
export class ContentSecurityMerge implements MergeParticipant {
  readonly columns = ['content_reviews.author_id', 'content_reviews.decided_by', 'media_checks.author_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await moveReferences(context, this.columns);
  }
}
