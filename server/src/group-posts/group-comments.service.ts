import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AuthUserDto, GroupCommentDto, Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { isStaff } from '../alumni/alumnus-view.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import type { ReportResolution } from './content-report.entity.js';
import type { CreateGroupCommentDto } from './dto/group-post-request.dto.js';
import { FeedAccessService, isVisibleTo } from './feed-access.service.js';
import { GroupCommentReportEntity } from './group-comment-report.entity.js';
import { GroupPostCommentEntity } from './group-post-comment.entity.js';
import { GroupPostEntity } from './group-post.entity.js';
import { PostPresenterService } from './post-presenter.service.js';

/** Subscription-message kind for "someone replied to my post"; delivery is the outbox worker's. */
export const POST_REPLIED_KIND = 'groups.post-replied';
/** A subscription message's `thing` keyword holds at most 20 characters. */
const SNIPPET_CHARS = 20;

const snippet = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= SNIPPET_CHARS ? chars.join('') : `${chars.slice(0, SNIPPET_CHARS - 1).join('')}…`;
};

@Injectable()
export class GroupCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedAccessService,
    private readonly gate: ContentGateService,
    private readonly presenter: PostPresenterService,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** A post's comments, oldest first: published ones, and my held ones (every held one for staff). */
  async list(user: AuthUserDto, postId: string, query: PageQueryDto): Promise<Page<GroupCommentDto>> {
    const after = decodeCursor(query.cursor);
    const post = await this.access.visiblePost(postId, user);
    const builder = this.dataSource
      .getRepository(GroupPostCommentEntity)
      .createQueryBuilder('c')
      .where('c.post_id = :postId', { postId })
      .andWhere(
        isStaff(user)
          ? `c.status IN ('published', 'held')`
          : `c.status IN ('published', 'held') AND (c.status = 'published' OR c.author_id = :viewerId)`,
        { viewerId: user.id },
      );
    const rows = await keysetPage(builder, 'createdAt', 'ASC', after, query.limit).getMany();
    const page = toPage(
      rows,
      query.limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => c,
    );
    return { items: await this.presenter.comments(page.items, post, user), nextCursor: page.nextCursor };
  }

  /** A comment on a published post: checked like posts; a published reply tells the post's author. */
  async create(user: AuthUserDto, postId: string, dto: CreateGroupCommentDto): Promise<GroupCommentDto> {
    const current = await this.access.visiblePost(postId, user);
    if (current.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'only published posts take comments' }]);
    await this.access.assertCanSpeak(current.groupId, user);
    const decision = await this.gate.decide(user.id, 'comment', dto.text);
    const { post, comment } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.access.visiblePost(postId, user, manager);
      if (locked.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'the post is no longer published' }]);
      await this.access.assertCanSpeak(locked.groupId, user, manager);
      const saved = await manager.save(
        manager.create(GroupPostCommentEntity, {
          postId,
          authorId: user.id,
          text: dto.text,
          ...decision,
          queuedAt: decision.status === 'held' ? new Date() : null,
        }),
      );
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'groups.commented',
        subjectType: 'group_post',
        subjectId: postId,
        detail: { groupId: locked.groupId, commentId: saved.id, status: saved.status },
      });
      if (saved.status === 'published') await this.published(manager, locked, saved);
      return { post: locked, comment: saved };
    });
    const [created] = await this.presenter.comments([comment], post, user);
    return created!;
  }

  /** Deleted by its author, an admin of the post's group, or staff. */
  async delete(user: AuthUserDto, commentId: string): Promise<void> {
    const { comment, post } = await this.visibleComment(user, commentId);
    if (comment.authorId !== user.id && !(await this.access.moderatesGroup(post.groupId, user))) {
      throw new AppError('GROUP_POST_FORBIDDEN');
    }
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockComment(manager, commentId);
      if (!locked || !isVisibleTo(locked, user)) throw new AppError('GROUP_COMMENT_NOT_FOUND');
      await this.remove(manager, locked, user, null);
    });
  }

  /**
   * A comment became visible to everyone (at once, or approved by staff): the post counts it,
   * and its author hears of the reply unless they wrote it themselves.
   */
  async published(manager: EntityManager, post: GroupPostEntity, comment: GroupPostCommentEntity): Promise<void> {
    await manager.increment(GroupPostEntity, { id: post.id }, 'commentCount', 1);
    if (post.authorId === comment.authorId) return;
    const [commenter, names] = await Promise.all([
      this.alumni.findActive(comment.authorId, manager),
      this.access.groupNames([post.groupId], manager),
    ]);
    await this.outbox.enqueue(manager, [
      {
        alumnusId: post.authorId,
        kind: POST_REPLIED_KIND,
        payload: {
          groupId: post.groupId,
          groupName: names.get(post.groupId) ?? '',
          postId: post.id,
          postSnippet: snippet(post.text),
          commentId: comment.id,
          commentSnippet: snippet(comment.text),
          commenterName: commenter?.displayName ?? '',
          repliedAt: comment.createdAt.toISOString(),
        },
      },
    ]);
  }

  /**
   * Hides a comment; a published one no longer counts and its open reports close as removed.
   * Anyone but its author doing it is audited.
   */
  async remove(manager: EntityManager, comment: GroupPostCommentEntity, actor: AuthUserDto, note: string | null): Promise<void> {
    const before = comment.status;
    Object.assign(comment, { status: 'removed', queuedAt: null, moderatedBy: actor.id, moderatedAt: new Date(), moderationNote: note });
    await manager.save(comment);
    await this.resolveReports(manager, comment.id, actor, 'removed');
    if (before === 'published') await manager.decrement(GroupPostEntity, { id: comment.postId }, 'commentCount', 1);
    if (actor.id !== comment.authorId) {
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'group-comment.removed',
        subjectType: 'group_post_comment',
        subjectId: comment.id,
        before: { status: before },
        after: { status: 'removed', note },
      });
    }
  }

  async resolveReports(manager: EntityManager, commentId: string, actor: AuthUserDto, resolution: ReportResolution): Promise<void> {
    await manager.update(
      GroupCommentReportEntity,
      { commentId, resolvedAt: IsNull() },
      { resolvedAt: new Date(), resolvedBy: actor.id, resolution },
    );
  }

  lockComment(manager: EntityManager, commentId: string): Promise<GroupPostCommentEntity | null> {
    return manager.findOne(GroupPostCommentEntity, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A comment the user may see, under a post they may see; not found otherwise. */
  async visibleComment(user: AuthUserDto, commentId: string): Promise<{ comment: GroupPostCommentEntity; post: GroupPostEntity }> {
    const comment = await this.dataSource.getRepository(GroupPostCommentEntity).findOneBy({ id: commentId });
    if (!comment || !isVisibleTo(comment, user)) throw new AppError('GROUP_COMMENT_NOT_FOUND');
    const post = await this.access.visiblePost(comment.postId, user).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'GROUP_POST_NOT_FOUND' ? new AppError('GROUP_COMMENT_NOT_FOUND') : error;
    });
    return { comment, post };
  }
}
