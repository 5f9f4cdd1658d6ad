import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Stories, comments, likes and reads move; a story both liked loses the second like, a day both read it the second read, a comment both reported the second report. */
@Injectable()
@MergeParticipant()
export class StoriesMerge implements MergeParticipant {
  readonly columns = [
    'stories.author_id',
    'stories.subject_alumnus_id',
    'stories.reviewed_by',
    'stories.consent_recorded_by',
    'story_comments.author_id',
    'story_likes.alumnus_id',
    'story_reads.alumnus_id',
    'story_comment_reports.reporter_id',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    const likes = await dropCollisions<{ story_id: string }>(context, 'story_likes.alumnus_id', ['story_id'], { returning: 'm.story_id' });
    for (const { story_id } of likes)
      await context.manager.query('UPDATE stories SET like_count = like_count - 1 WHERE id = $1', [story_id]);
    await dropCollisions(context, 'story_reads.alumnus_id', ['story_id', 'day']);
    await dropCollisions(context, 'story_comment_reports.reporter_id', ['comment_id']);
    await moveReferences(context, this.columns);
  }
}
