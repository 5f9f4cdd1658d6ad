import { Injectable } from '@nestjs/common';
import { dropCollisions, MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** Posts, comments, images and likes move; a post both liked loses one like (it was counted twice); one open report per item. */
@Injectable()
@MergeParticipant()
export class GroupPostsMerge implements MergeParticipant {
  readonly columns = [
    'group_posts.author_id',
    'group_posts.moderated_by',
    'group_posts.pinned_by',
    'group_post_comments.author_id',
    'group_post_comments.moderated_by',
    'group_post_images.uploader_id',
    'group_post_likes.alumnus_id',
    'group_post_reports.reporter_id',
    'group_post_reports.resolved_by',
    'group_comment_reports.reporter_id',
    'group_comment_reports.resolved_by',
  ] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager } = context;
    const likes = await dropCollisions<{ post_id: string }>(context, 'group_post_likes.alumnus_id', ['post_id'], {
      returning: 'm.post_id',
    });
    for (const { post_id } of likes) await manager.query('UPDATE group_posts SET like_count = like_count - 1 WHERE id = $1', [post_id]);
    await dropCollisions(context, 'group_post_reports.reporter_id', ['post_id'], { where: '$row.resolved_at IS NULL' });
    await dropCollisions(context, 'group_comment_reports.reporter_id', ['comment_id'], { where: '$row.resolved_at IS NULL' });
    await moveReferences(context, this.columns);
  }
}
