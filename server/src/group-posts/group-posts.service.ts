import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { type AuthUserDto, GROUP_POST_LIMITS, type GroupFeedPageDto, type GroupPostDto, type Page } from '@alumni/shared';
import { isStaff } from '../alumni/alumnus-view.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type Keyset, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import type { ReportResolution } from './content-report.entity.js';
import type { CreateGroupPostDto } from './dto/group-post-request.dto.js';
import { FeedAccessService } from './feed-access.service.js';
import { GroupPostCommentEntity } from './group-post-comment.entity.js';
import { GroupPostReportEntity } from './group-post-report.entity.js';
import { GroupPostEntity } from './group-post.entity.js';
import { PostImagesService } from './post-images.service.js';
import { PostPresenterService } from './post-presenter.service.js';

/** Rows of the feeds a viewer sees: published, plus held ones of their own (all held ones for staff). */
function visibleSql(alias: string, user: AuthUserDto): string {
  return isStaff(user)
    ? `${alias}.status IN ('published', 'held')`
    : `${alias}.status IN ('published', 'held') AND (${alias}.status = 'published' OR ${alias}.author_id = :viewerId)`;
}

const FEED_KEEP_MS = 60_000;

@Injectable()
export class GroupPostsService {
  /**
   * A feed page as one reader saw it, reused while nothing it was built from changes (a post,
   * like, image, membership, group or author written anywhere drops them all): members
   * refreshing a lively group. The reader is part of the key, since likes, permissions and
   * their own held posts differ. Nothing in it depends on the clock, so it may be kept for a
   * minute rather than the few seconds of the time-bound lists.
   */
  private readonly feedCache: ReadCache<GroupFeedPageDto>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedAccessService,
    private readonly gate: ContentGateService,
    private readonly images: PostImagesService,
    private readonly presenter: PostPresenterService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    caches: ReadCaches,
  ) {
    this.feedCache = caches.create(
      ['groups', 'group_memberships', 'group_posts', 'group_post_images', 'group_post_likes', 'alumni'],
      FEED_KEEP_MS,
    );
  }

  /** A new post: checked by WeChat first, then published or held, with its images and the interaction row. */
  async create(user: AuthUserDto, groupId: string, dto: CreateGroupPostDto): Promise<GroupPostDto> {
    await this.access.assertCanRead(groupId, user);
    await this.access.assertCanSpeak(groupId, user);
    const imageIds = dto.imageIds ?? [];
    await this.images.assertUsable(user, imageIds, null);
    const decision = await this.gate.decide(user.id, 'forum', dto.text);
    const post = await this.dataSource.transaction(async (manager) => {
      // Membership or mute may have changed while WeChat was answering.
      await this.access.assertCanSpeak(groupId, user, manager);
      const saved = await manager.save(
        manager.create(GroupPostEntity, {
          groupId,
          authorId: user.id,
          text: dto.text,
          ...decision,
          queuedAt: decision.status === 'held' ? new Date() : null,
        }),
      );
      await this.images.attach(manager, user, saved.id, imageIds);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'groups.posted',
        subjectType: 'group_post',
        subjectId: saved.id,
        detail: { groupId, status: saved.status },
      });
      return saved;
    });
    return this.presenter.post(post, user);
  }

  async get(user: AuthUserDto, postId: string): Promise<GroupPostDto> {
    return this.presenter.post(await this.access.visiblePost(postId, user), user);
  }

  /**
   * The author edits: the new text is checked again, so an edit can publish a held post or
   * hold a published one (which then leaves the pinned list); risky text leaves the post as it was.
   */
  async update(user: AuthUserDto, postId: string, dto: CreateGroupPostDto): Promise<GroupPostDto> {
    const current = await this.access.visiblePost(postId, user);
    if (current.authorId !== user.id) throw new AppError('GROUP_POST_FORBIDDEN');
    await this.access.assertCanSpeak(current.groupId, user);
    if (dto.imageIds) await this.images.assertUsable(user, dto.imageIds, postId);
    const decision = await this.gate.decide(user.id, 'forum', dto.text);
    const { post, droppedKeys } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.access.visiblePost(postId, user, manager);
      const reported = await manager.existsBy(GroupPostReportEntity, { postId, resolvedAt: IsNull() });
      const held = decision.status === 'held';
      Object.assign(locked, {
        text: dto.text,
        ...decision,
        editedAt: new Date(),
        // Held again means back in the queue; a passing edit leaves it only if nobody reported it.
        queuedAt: held ? new Date() : reported ? (locked.queuedAt ?? new Date()) : null,
        pinnedAt: held ? null : locked.pinnedAt,
        pinnedBy: held ? null : locked.pinnedBy,
      });
      const saved = await manager.save(locked);
      const dropped = dto.imageIds ? await this.images.attach(manager, user, postId, dto.imageIds) : [];
      return { post: saved, droppedKeys: dropped };
    });
    await this.images.deleteFiles(droppedKeys);
    return this.presenter.post(post, user);
  }

  /** Deleted by its author, an admin of its group, or staff. */
  async delete(user: AuthUserDto, postId: string): Promise<void> {
    const post = await this.access.visiblePost(postId, user);
    if (post.authorId !== user.id && !(await this.access.moderatesGroup(post.groupId, user))) throw new AppError('GROUP_POST_FORBIDDEN');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.access.visiblePost(postId, user, manager);
      await this.remove(manager, locked, user, null);
    });
  }

  /**
   * Takes a post out of every feed and the queue; its open reports are resolved as
   * removed. Anyone but the author doing it is a moderation act, audited.
   */
  async remove(manager: EntityManager, post: GroupPostEntity, actor: AuthUserDto, note: string | null): Promise<void> {
    const before = post.status;
    Object.assign(post, {
      status: 'removed',
      pinnedAt: null,
      pinnedBy: null,
      queuedAt: null,
      moderatedBy: actor.id,
      moderatedAt: new Date(),
      moderationNote: note,
    });
    await manager.save(post);
    await this.resolveReports(manager, post.id, actor, 'removed');
    // Its comments can no longer be seen, so they leave the queue too, their reports closed.
    await manager.update(GroupPostCommentEntity, { postId: post.id, queuedAt: Not(IsNull()) }, { queuedAt: null });
    await manager.query(
      `UPDATE group_comment_reports r SET resolved_at = now(), resolved_by = $2, resolution = 'removed'
         FROM group_post_comments c WHERE c.id = r.comment_id AND c.post_id = $1 AND r.resolved_at IS NULL`,
      [post.id, actor.id],
    );
    if (actor.id !== post.authorId) {
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'group-post.removed',
        subjectType: 'group_post',
        subjectId: post.id,
        before: { status: before },
        after: { status: 'removed', note },
      });
    }
  }

  async resolveReports(manager: EntityManager, postId: string, actor: AuthUserDto, resolution: ReportResolution): Promise<void> {
    await manager.update(
      GroupPostReportEntity,
      { postId, resolvedAt: IsNull() },
      { resolvedAt: new Date(), resolvedBy: actor.id, resolution },
    );
  }

  /** Pins a published post above its group's feed (group owners and admins, staff); at most three per group. */
  async pin(user: AuthUserDto, postId: string, pinned: boolean): Promise<GroupPostDto> {
    const current = await this.access.visiblePost(postId, user);
    if (!(await this.access.moderatesGroup(current.groupId, user))) throw new AppError('GROUP_ADMIN_REQUIRED');
    const post = await this.dataSource.transaction(async (manager) => {
      // One pinning at a time per group, so two admins cannot both take the last place.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('group-pins:' || $1))`, [current.groupId]);
      const locked = await this.access.visiblePost(postId, user, manager);
      if (locked.status !== 'published') throw new AppError('GROUP_POST_STATE_CONFLICT', [{ issue: 'only published posts can be pinned' }]);
      if (pinned === (locked.pinnedAt !== null)) return locked;
      if (pinned) {
        const count = await manager.countBy(GroupPostEntity, { groupId: locked.groupId, pinnedAt: Not(IsNull()) });
        if (count >= GROUP_POST_LIMITS.pinned) throw new AppError('GROUP_POST_PIN_LIMIT');
      }
      Object.assign(locked, { pinnedAt: pinned ? new Date() : null, pinnedBy: pinned ? user.id : null });
      return manager.save(locked);
    });
    return this.presenter.post(post, user);
  }

  /** One group's feed, newest first; the first page also carries the pinned announcements. */
  groupFeed(user: AuthUserDto, groupId: string, query: PageQueryDto): Promise<GroupFeedPageDto> {
    const key = `${user.id} ${user.roles.join(',')} ${groupId} ${JSON.stringify(query)}`;
    return this.feedCache.get(key, () => this.readGroupFeed(user, groupId, query));
  }

  private async readGroupFeed(user: AuthUserDto, groupId: string, query: PageQueryDto): Promise<GroupFeedPageDto> {
    const after = decodeCursor(query.cursor);
    await this.access.assertCanRead(groupId, user);
    const builder = this.dataSource
      .getRepository(GroupPostEntity)
      .createQueryBuilder('p')
      .where('p.group_id = :groupId', { groupId })
      .andWhere(visibleSql('p', user), { viewerId: user.id });
    const [rows, pinnedRows] = await Promise.all([
      keysetPage(builder, 'createdAt', 'DESC', after, query.limit).getMany(),
      after === null
        ? this.dataSource.getRepository(GroupPostEntity).find({
            where: { groupId, status: 'published', pinnedAt: Not(IsNull()) },
            order: { pinnedAt: 'DESC' },
          })
        : [],
    ]);
    const { page, pinned } = await this.present(rows, query.limit, (posts) => this.presenter.feedPosts(posts, user), pinnedRows);
    return { ...page, pinned };
  }

  /**
   * Every group I belong to, merged newest first. Each group contributes at most one page
   * from its own index range, so the cost is (my groups × page size), not the table size.
   */
  async myFeed(user: AuthUserDto, query: PageQueryDto): Promise<Page<GroupPostDto>> {
    const after = decodeCursor(query.cursor);
    const groupIds = await this.access.myGroupIds(user);
    if (groupIds.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [groupIds, query.limit + 1];
    const param = (value: unknown) => `$${params.push(value)}`;
    const own = isStaff(user) ? '' : `AND (p.status = 'published' OR p.author_id = ${param(user.id)})`;
    const cursor = after ? `AND (p.created_at, p.id) < (${param(after.at)}, ${param(after.id)})` : '';
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM unnest($1::uuid[]) AS g(id)
         CROSS JOIN LATERAL (
           SELECT p.id, p.created_at FROM group_posts p
            WHERE p.group_id = g.id AND p.status IN ('published', 'held') ${own} ${cursor}
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT $2) p
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $2`,
      params,
    );
    const byId = new Map(
      (await this.dataSource.getRepository(GroupPostEntity).findBy({ id: In(ids.map((row) => row.id)) })).map((p) => [p.id, p]),
    );
    // A group deleted between the two reads takes its posts with it.
    const { page } = await this.present(
      ids.flatMap((row) => byId.get(row.id) ?? []),
      query.limit,
      (posts) => this.presenter.posts(posts, user),
    );
    return page;
  }

  /**
   * A page of rows and the pinned announcements shown above it, presented in one pass so they
   * share the presenter's batched reads (authors, images, likes, standings): a page costs the
   * same few round trips however many posts and announcements it shows.
   */
  private async present<T>(
    rows: GroupPostEntity[],
    limit: number,
    show: (posts: GroupPostEntity[]) => Promise<T[]>,
    pinnedRows: GroupPostEntity[] = [],
  ): Promise<{ page: Page<T>; pinned: T[] }> {
    const keyset = (p: GroupPostEntity): Keyset => ({ at: p.createdAt, id: p.id });
    const page = toPage(rows, limit, keyset, (p) => p);
    const posts = await show([...page.items, ...pinnedRows]);
    return { page: { items: posts.slice(0, page.items.length), nextCursor: page.nextCursor }, pinned: posts.slice(page.items.length) };
  }
}
