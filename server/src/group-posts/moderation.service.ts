import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { AuthUserDto, ModerationItemDto, Page } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import { GroupCommentReportEntity } from './group-comment-report.entity.js';
import { GroupCommentsService } from './group-comments.service.js';
import { GroupPostCommentEntity } from './group-post-comment.entity.js';
import { GroupPostReportEntity } from './group-post-report.entity.js';
import { GroupPostEntity } from './group-post.entity.js';
import { GroupPostsService } from './group-posts.service.js';
import { PostPresenterService } from './post-presenter.service.js';

export type ModerationAction = 'approve' | 'reject' | 'remove';
type Subject = 'post' | 'comment';

/**
 * Staff moderation: the queue of held and reported items, oldest first, and the decisions.
 * `approve` publishes a held item, or keeps a reported post or comment (its reports are closed);
 * `reject` refuses a held item; `remove` takes down anything still shown. Every decision is
 * audited in its transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly posts: GroupPostsService,
    private readonly comments: GroupCommentsService,
    private readonly presenter: PostPresenterService,
    private readonly audit: AuditService,
  ) {}

  async queue(user: AuthUserDto, query: PageQueryDto): Promise<Page<ModerationItemDto>> {
    const after = decodeCursor(query.cursor);
    const params: unknown[] = [query.limit + 1];
    const cursor = after ? `AND (queued_at, id) > ($2, $3)` : '';
    if (after) params.push(after.at, after.id);
    // Each side reads its own partial index in queue order; the merge takes the first page.
    const keys: { kind: Subject; id: string; queued_at: Date }[] = await this.dataSource.query(
      `(SELECT 'post' AS kind, id, queued_at FROM group_posts WHERE queued_at IS NOT NULL ${cursor} ORDER BY queued_at, id LIMIT $1)
       UNION ALL
       (SELECT 'comment' AS kind, id, queued_at FROM group_post_comments WHERE queued_at IS NOT NULL ${cursor} ORDER BY queued_at, id LIMIT $1)
       ORDER BY queued_at, id LIMIT $1`,
      params,
    );
    const page = toPage(
      keys,
      query.limit,
      (k) => ({ at: k.queued_at, id: k.id }),
      (k) => k,
    );
    const postRows = await this.dataSource
      .getRepository(GroupPostEntity)
      .findBy({ id: In(page.items.filter((k) => k.kind === 'post').map((k) => k.id)) });
    const commentRows = await this.dataSource
      .getRepository(GroupPostCommentEntity)
      .findBy({ id: In(page.items.filter((k) => k.kind === 'comment').map((k) => k.id)) });
    const parents = await this.dataSource.getRepository(GroupPostEntity).findBy({ id: In(commentRows.map((c) => c.postId)) });
    const postsById = new Map([...postRows, ...parents].map((p) => [p.id, p]));
    const commentsById = new Map(commentRows.map((c) => [c.id, c]));
    const [postReports, commentReports] = await Promise.all([
      this.dataSource
        .getRepository(GroupPostReportEntity)
        .find({ where: { postId: In(postRows.map((p) => p.id)), resolvedAt: IsNull() }, order: { createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(GroupCommentReportEntity)
        .find({ where: { commentId: In(commentRows.map((c) => c.id)), resolvedAt: IsNull() }, order: { createdAt: 'ASC' } }),
    ]);
    const reasons = <R extends { reason: string }>(reports: R[], of: (r: R) => boolean) => reports.filter(of).map((r) => r.reason);
    const entries = page.items.map((key) => {
      if (key.kind === 'post') {
        const post = postsById.get(key.id)!;
        return { kind: key.kind, row: post, post, reasons: reasons(postReports, (r) => r.postId === post.id) };
      }
      const comment = commentsById.get(key.id)!;
      const post = postsById.get(comment.postId)!;
      return { kind: key.kind, row: comment, post, reasons: reasons(commentReports, (r) => r.commentId === comment.id) };
    });
    return { items: await this.presenter.moderationItems(entries, user), nextCursor: page.nextCursor };
  }

  async decidePost(user: AuthUserDto, postId: string, action: ModerationAction, note: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const post = await manager.findOne(GroupPostEntity, { where: { id: postId }, lock: { mode: 'pessimistic_write' } });
      if (!post || (post.status !== 'published' && post.status !== 'held')) throw new AppError('GROUP_POST_NOT_FOUND');
      if (action === 'remove') return this.posts.remove(manager, post, user, note);
      const before = post.status;
      if (action === 'approve') {
        if (post.status === 'published' && post.queuedAt === null) throw conflict('the post is neither held nor reported');
        await this.posts.resolveReports(manager, post.id, user, 'kept');
        this.decided(post, user, 'published', note);
      } else {
        if (post.status !== 'held') throw conflict('only held posts can be rejected; remove a published one');
        await this.posts.resolveReports(manager, post.id, user, 'removed');
        this.decided(post, user, 'rejected', note);
      }
      await manager.save(post);
      await this.record(manager, user, { action: 'group-post', subjectType: 'group_post', id: post.id }, action, before, note);
    });
  }

  async decideComment(user: AuthUserDto, commentId: string, action: ModerationAction, note: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const comment = await this.comments.lockComment(manager, commentId);
      if (!comment || (comment.status !== 'published' && comment.status !== 'held')) throw new AppError('GROUP_COMMENT_NOT_FOUND');
      if (action === 'remove') return this.comments.remove(manager, comment, user, note);
      const before = comment.status;
      if (action === 'approve') {
        if (before === 'published' && comment.queuedAt === null) throw conflict('the comment is neither held nor reported');
        await this.comments.resolveReports(manager, comment.id, user, 'kept');
      } else if (before !== 'held') {
        throw conflict('only held comments can be rejected; remove a published one');
      }
      this.decided(comment, user, action === 'approve' ? 'published' : 'rejected', note);
      await manager.save(comment);
      const post = await manager.findOneByOrFail(GroupPostEntity, { id: comment.postId });
      // Only a held comment becomes newly visible: a kept reported one was counted already.
      if (before === 'held' && action === 'approve' && post.status === 'published') await this.comments.published(manager, post, comment);
      await this.record(
        manager,
        user,
        { action: 'group-comment', subjectType: 'group_post_comment', id: comment.id },
        action,
        before,
        note,
      );
    });
  }

  private decided(
    item: GroupPostEntity | GroupPostCommentEntity,
    user: AuthUserDto,
    status: 'published' | 'rejected',
    note: string | null,
  ) {
    Object.assign(item, { status, queuedAt: null, moderatedBy: user.id, moderatedAt: new Date(), moderationNote: note });
  }

  private record(
    manager: EntityManager,
    user: AuthUserDto,
    subject: { action: string; subjectType: string; id: string },
    action: Exclude<ModerationAction, 'remove'>,
    before: string,
    note: string | null,
  ) {
    return this.audit.record(manager, {
      actorId: user.id,
      action: `${subject.action}.${action === 'approve' ? 'approved' : 'rejected'}`,
      subjectType: subject.subjectType,
      subjectId: subject.id,
      before: { status: before },
      after: { status: action === 'approve' ? 'published' : 'rejected', note },
    });
  }
}

const conflict = (issue: string) => new AppError('GROUP_POST_STATE_CONFLICT', [{ issue }]);
