import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import type { AuthUserDto, GroupPostLikeDto, GroupPostReportDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import type { ReportGroupPostDto } from './dto/group-post-request.dto.js';
import { FeedAccessService } from './feed-access.service.js';
import { GroupPostLikeEntity } from './group-post-like.entity.js';
import { GroupPostReportEntity } from './group-post-report.entity.js';
import { GroupPostEntity } from './group-post.entity.js';

const toReport = (r: GroupPostReportEntity): GroupPostReportDto => ({
  id: r.id,
  postId: r.postId,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

/** Likes and reports: what members do to published posts besides commenting. */
@Injectable()
export class ReactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedAccessService,
    private readonly interactions: InteractionsService,
  ) {}

  /**
   * Likes or unlikes; both are idempotent (the primary key allows one like per alumnus),
   * and only a change moves the count or writes the `groups.liked` interaction.
   */
  async setLike(user: AuthUserDto, postId: string, liked: boolean): Promise<GroupPostLikeDto> {
    const post = await this.publishedPost(user, postId);
    await this.access.assertMember(post.groupId, user);
    return this.dataSource.transaction(async (manager) => {
      const changed = liked
        ? await manager
            .createQueryBuilder()
            .insert()
            .into(GroupPostLikeEntity)
            .values({ postId, alumnusId: user.id })
            .orIgnore()
            .returning('post_id')
            .execute()
        : await manager
            .createQueryBuilder()
            .delete()
            .from(GroupPostLikeEntity)
            .where({ postId, alumnusId: user.id })
            .returning('post_id')
            .execute();
      if ((changed.raw as unknown[]).length > 0) {
        await manager.increment(GroupPostEntity, { id: postId }, 'likeCount', liked ? 1 : -1);
        if (liked) {
          await this.interactions.record(manager, {
            alumnusId: user.id,
            kind: 'groups.liked',
            subjectType: 'group_post',
            subjectId: postId,
            detail: { groupId: post.groupId },
          });
        }
      }
      const { likeCount } = await manager.findOneByOrFail(GroupPostEntity, { id: postId });
      return { liked, likeCount };
    });
  }

  /**
   * A member reports a post to staff: it joins the moderation queue (keeping its place if it
   * is already there). A second report by the same member answers with the first (`created: false`).
   */
  async report(user: AuthUserDto, postId: string, dto: ReportGroupPostDto): Promise<{ created: boolean; report: GroupPostReportDto }> {
    const post = await this.publishedPost(user, postId);
    await this.access.assertMember(post.groupId, user);
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO group_post_reports (post_id, reporter_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (post_id, reporter_id) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [postId, user.id, dto.reason],
      );
      if (inserted.length > 0) {
        await manager.query(`UPDATE group_posts SET queued_at = COALESCE(queued_at, now()) WHERE id = $1`, [postId]);
      }
      const report = await manager.findOneByOrFail(GroupPostReportEntity, { postId, reporterId: user.id, resolvedAt: IsNull() });
      return { created: inserted.length > 0, report: toReport(report) };
    });
  }

  private async publishedPost(user: AuthUserDto, postId: string): Promise<GroupPostEntity> {
    const post = await this.access.visiblePost(postId, user);
    if (post.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'the post is waiting for review' }]);
    return post;
  }
}
