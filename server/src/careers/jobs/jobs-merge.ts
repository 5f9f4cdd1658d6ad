import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../../duplicates/merge-participant.js';

/** Job posts and applications move; a post both applied to keeps the survivor's application. */
@Injectable()
@MergeParticipant()
export class JobsMerge implements MergeParticipant {
  readonly columns = ['job_posts.poster_id', 'job_posts.moderated_by', 'job_applications.applicant_id'] as const;

  async merge(context: MergeContext): Promise<void> {
    await dropCollisions(context, 'job_applications.applicant_id', ['post_id']);
    await moveReferences(context, this.columns);
  }
}
