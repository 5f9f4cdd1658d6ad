import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, MemoryCommentDto, Page } from '@alumni/shared';
import { canSee } from '../alumni/alumnus-view.js';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { type PageQueryDto, rowsPage } from '../common/pagination.js';
import { CommentModerationService } from '../content-security/comment-moderation.service.js';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { isStaff, MemoriesAccess } from './memories-access.js';
import { MemoryPhotoCommentEntity } from './memory-photo-comment.entity.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';
import { MemoryPhotosService } from './memory-photos.service.js';
import { MemoryReportEntity } from './memory-report.entity.js';

/**
 * Comments on old photos (WeChat's text check: risky refused, review held for staff, seen only
 * by its author meanwhile) and reports of photos and comments: a reported item waits in the
 * staff content-review queue (reason `reported`) until staff keep it or take it down.
 */
@Injectable()
export class PhotoCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MemoriesAccess,
    private readonly photos: MemoryPhotosService,
    private readonly alumni: AlumniService,
    private readonly moderation: CommentModerationService,
    private readonly reviews: ContentReviewsService,
    private readonly mediaChecks: MediaChecksService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** A photo's comments, oldest first: the published ones, and the caller's own waiting for staff. */
  async list(user: AuthUserDto, photoId: string, query: PageQueryDto): Promise<Page<MemoryCommentDto>> {
    await this.access.assertViewer(user);
    await this.photos.visible(user, photoId);
    const builder = this.dataSource
      .getRepository(MemoryPhotoCommentEntity)
      .createQueryBuilder('c')
      .where('c.photoId = :photoId', { photoId })
      .andWhere(`(c.status = 'published' OR (c.status = 'held' AND c.authorId = :me))`, { me: user.id });
    const page = await rowsPage(builder, 'createdAt', 'ASC', query);
    return { items: await this.present(page.items, user), nextCursor: page.nextCursor };
  }

  async create(user: AuthUserDto, photoId: string, text: string): Promise<MemoryCommentDto> {
    await this.access.assertWriter(user);
    await this.photos.published(photoId);
    const check = await this.moderation.check(user.id, text);
    const comment = await this.dataSource.transaction(async (manager) => {
      const photo = await manager.findOne(MemoryPhotoEntity, { where: { id: photoId }, lock: { mode: 'pessimistic_write' } });
      if (!photo || photo.status !== 'published') throw new AppError('MEMORY_PHOTO_NOT_FOUND');
      const created = await manager.save(
        manager.create(MemoryPhotoCommentEntity, {
          photoId,
          authorId: user.id,
          text,
          status: check.status,
          checkLabel: check.checkLabel,
        }),
      );
      if (check.status === 'published') await manager.increment(MemoryPhotoEntity, { id: photoId }, 'commentCount', 1);
      await this.moderation.queueIfHeld(manager, 'memory-comment', created, check);
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'memories.commented',
        subjectType: 'memory_photo',
        subjectId: photoId,
        detail: { commentId: created.id, status: check.status },
      });
      return created;
    });
    const [dto] = await this.present([comment], user);
    return dto!;
  }

  /** Its author or staff take a comment down. */
  async remove(user: AuthUserDto, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const comment = await this.lockShown(manager, id, user);
      if (comment.authorId !== user.id && !isStaff(user)) throw new AppError('FORBIDDEN');
      await this.takeDown(manager, comment);
      await this.moderation.withdraw(manager, 'memory-comment', id);
      if (comment.authorId !== user.id) {
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'memory-comment.removed',
          subjectType: 'memory_photo_comment',
          subjectId: id,
          before: { status: comment.status },
          after: { status: 'removed' },
        });
      }
    });
  }

  /** Reports a published photo: it waits in the staff content-review queue (still shown) until staff decide. */
  async reportPhoto(user: AuthUserDto, photoId: string, reason: string): Promise<void> {
    await this.access.assertViewer(user);
    const photo = await this.photos.published(photoId);
    if (photo.uploaderId === user.id) throw new AppError('MEMORY_REPORT_OWN_CONTENT');
    const mediaCheckId = await this.mediaChecks.latestCheckId('memory-photo', photoId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.recordReport(manager, 'photo', photoId, user.id, reason))) return;
      await this.reviews.hold(manager, {
        kind: 'memory-photo',
        subjectId: photoId,
        field: 'report',
        authorId: photo.uploaderId,
        // The queue holds text or a picture: a reported photo is its picture (staff see it by its check's URL).
        text: null,
        imageKey: photo.storageKey,
        reason: 'reported',
        label: null,
        detail: reason,
        mediaCheckId,
      });
    });
  }

  async reportComment(user: AuthUserDto, commentId: string, reason: string): Promise<void> {
    await this.access.assertViewer(user);
    const comment = await this.dataSource.getRepository(MemoryPhotoCommentEntity).findOneBy({ id: commentId });
    if (!comment || comment.status !== 'published') throw new AppError('MEMORY_COMMENT_NOT_FOUND');
    await this.photos.published(comment.photoId).catch(() => {
      throw new AppError('MEMORY_COMMENT_NOT_FOUND');
    });
    if (comment.authorId === user.id) throw new AppError('MEMORY_REPORT_OWN_CONTENT');
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.recordReport(manager, 'comment', commentId, user.id, reason))) return;
      await this.moderation.report(manager, 'memory-comment', comment, user.id, reason, 'MEMORY_REPORT_OWN_CONTENT');
    });
  }

  /** Hides a comment (published or held); a published one no longer counts on its photo. */
  async takeDown(manager: EntityManager, comment: MemoryPhotoCommentEntity): Promise<void> {
    await manager.update(MemoryPhotoCommentEntity, { id: comment.id }, { status: 'removed' });
    if (comment.status === 'published') await manager.decrement(MemoryPhotoEntity, { id: comment.photoId }, 'commentCount', 1);
  }

  /** One report per alumnus and item: a repeat changes nothing (answers false). */
  private async recordReport(
    manager: EntityManager,
    subjectKind: 'photo' | 'comment',
    subjectId: string,
    reporterId: string,
    reason: string,
  ): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(MemoryReportEntity)
      .values({ subjectKind, subjectId, reporterId, reason })
      .orIgnore()
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  private async lockShown(manager: EntityManager, id: string, user: AuthUserDto): Promise<MemoryPhotoCommentEntity> {
    const comment = await manager.findOne(MemoryPhotoCommentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const shown =
      comment && (comment.status === 'published' || (comment.status === 'held' && (comment.authorId === user.id || isStaff(user))));
    if (!comment || !shown) throw new AppError('MEMORY_COMMENT_NOT_FOUND');
    return comment;
  }

  private async present(comments: MemoryPhotoCommentEntity[], user: AuthUserDto): Promise<MemoryCommentDto[]> {
    const authors = new Map((await this.alumni.findByIds([...new Set(comments.map((c) => c.authorId))])).map((a) => [a.id, a]));
    return comments.map((comment) => {
      const alumnus = authors.get(comment.authorId);
      const gone = !alumnus || alumnus.deletedAt !== null;
      const avatar = !gone && alumnus.avatarKey !== null && canSee(alumnus, 'avatar', { viewer: user, groupPeers: new Set() });
      return {
        id: comment.id,
        author: gone
          ? { id: comment.authorId, displayName: '已注销校友', avatarUrl: null }
          : { id: alumnus.id, displayName: alumnus.displayName, avatarUrl: avatar ? this.storage.urlFor(alumnus.avatarKey!) : null },
        text: comment.text,
        status: comment.status === 'held' ? 'held' : 'published',
        createdAt: comment.createdAt.toISOString(),
        mayDelete: comment.authorId === user.id || isStaff(user),
        mayReport: comment.status === 'published' && comment.authorId !== user.id,
      };
    });
  }
}
