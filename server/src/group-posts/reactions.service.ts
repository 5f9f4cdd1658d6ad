import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, GroupPostLikeDto, GroupPostReportDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import type { ReportGroupPostDto } from './dto/group-post-request.dto.js';
import { FeedAccessService } from './feed-access.service.js';
import { GroupCommentsService } from './group-comments.service.js';
import { GroupPostLikeEntity } from './group-post-like.entity.js';
import { GroupPostEntity } from './group-post.entity.js';

/** Where the reports of each kind of item live, and the item's own table (its queue place). */
const REPORTED = {
  post: { reports: 'group_post_reports', key: 'post_id', content: 'group_posts' },
  comment: { reports: 'group_comment_reports', key: 'comment_id', content: 'group_post_comments' },
} as const;

export interface FiledReport {
  created: boolean;
  report: GroupPostReportDto;
}

/** Likes and reports: what members do to published posts and comments besides commenting. */
@Injectable()
export class ReactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedAccessService,
    private readonly comments: GroupCommentsService,
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
  async report(user: AuthUserDto, postId: string, dto: ReportGroupPostDto): Promise<FiledReport> {
    const post = await this.publishedPost(user, postId);
    await this.access.assertMember(post.groupId, user);
    return this.file(user, 'post', post, { postId, commentId: null }, dto.reason);
  }

  /** A member reports a published comment, like a post: it joins the queue once, however many report it. */
  async reportComment(user: AuthUserDto, commentId: string, dto: ReportGroupPostDto): Promise<FiledReport> {
    const { comment, post } = await this.comments.visibleComment(user, commentId);
    if (comment.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'the comment is waiting for review' }]);
    await this.access.assertMember(post.groupId, user);
    return this.file(user, 'comment', comment, { postId: post.id, commentId }, dto.reason);
  }

  /** Files my open report of the item (or finds the one I filed before) and queues the item. */
  private async file(
    user: AuthUserDto,
    kind: keyof typeof REPORTED,
    item: { id: string; authorId: string },
    subject: Pick<GroupPostReportDto, 'postId' | 'commentId'>,
    reason: string,
  ): Promise<FiledReport> {
    if (item.authorId === user.id) throw new AppError('GROUP_REPORT_OWN_CONTENT');
    const { reports, key, content } = REPORTED[kind];
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${reports} (${key}, reporter_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (${key}, reporter_id) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [item.id, user.id, reason],
      );
      if (inserted.length > 0) {
        await manager.query(`UPDATE ${content} SET queued_at = COALESCE(queued_at, now()) WHERE id = $1`, [item.id]);
      }
      const [open]: { id: string; reason: string; created_at: Date }[] = await manager.query(
        `SELECT id, reason, created_at FROM ${reports} WHERE ${key} = $1 AND reporter_id = $2 AND resolved_at IS NULL`,
        [item.id, user.id],
      );
      return {
        created: inserted.length > 0,
        report: { id: open!.id, ...subject, reason: open!.reason, createdAt: open!.created_at.toISOString() },
      };
    });
  }

  private async publishedPost(user: AuthUserDto, postId: string): Promise<GroupPostEntity> {
    const post = await this.access.visiblePost(postId, user);
    if (post.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'the post is waiting for review' }]);
    return post;
  }
}
