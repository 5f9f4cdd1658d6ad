import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  MEMORY_LIMITS,
  type MemoryPhotoDto,
  type MemoryWallsDto,
  type Page,
  type PhotoTagDto,
  type PresenceDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { escapeLike } from '../common/escape-like.js';
import { rowsPage } from '../common/pagination.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import type { MemoryPhotoBodyDto, MemoryPhotoQueryDto } from './dto/memories-request.dto.js';
import { isStaff, MemoriesAccess } from './memories-access.js';
import { MemoryImagesService } from './memory-images.service.js';
import { MemoryPhotoPresenceEntity } from './memory-photo-presence.entity.js';
import { MemoryPhotoTagEntity } from './memory-photo-tag.entity.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';

/** The year in Beijing now: a photo cannot be from a later one. */
const currentYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/**
 * Old photos (docs/memories.md, Photo walls): a verified alumnus shares one on their class's
 * wall (or only on its year's); it shows to every verified alumnus once WeChat's image check
 * and the caption's text check cleared it; classmates tag people (PhotoTagsService), say
 * 我在这里, comment (PhotoCommentsService). What staff decide arrives through MemoriesHeldContent.
 */
@Injectable()
export class MemoryPhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MemoriesAccess,
    private readonly images: MemoryImagesService,
    private readonly groups: GroupsService,
    private readonly alumni: AlumniService,
    private readonly gate: ContentGateService,
    private readonly reviews: ContentReviewsService,
    private readonly mediaChecks: MediaChecksService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
  ) {}

  /** What there is to browse: the years with photos, my classes and the classes with photos. */
  async walls(user: AuthUserDto): Promise<MemoryWallsDto> {
    await this.access.assertViewer(user);
    const years: { year: number; n: string }[] = await this.dataSource.query(
      `SELECT year, count(*) AS n FROM memory_photos WHERE status = 'published' GROUP BY year ORDER BY year DESC`,
    );
    const counts: { class_group_id: string; n: string }[] = await this.dataSource.query(
      `SELECT class_group_id, count(*) AS n FROM memory_photos WHERE status = 'published' AND class_group_id IS NOT NULL GROUP BY class_group_id`,
    );
    const byClass = new Map(counts.map((row) => [row.class_group_id, Number(row.n)]));
    const mine = await this.groups.verifiedClassGroups([user.id]);
    const mineIds = new Set(mine.map((c) => c.groupId));
    const others = [...byClass.keys()].filter((id) => !mineIds.has(id));
    const names = await this.groups.groupNames(others);
    return {
      years: years.map((row) => ({ year: row.year, photoCount: Number(row.n) })),
      classes: [
        ...mine.map((c) => ({ groupId: c.groupId, name: c.name, photoCount: byClass.get(c.groupId) ?? 0, mine: true })),
        ...others
          .filter((id) => names.has(id))
          .map((id) => ({ groupId: id, name: names.get(id)!, photoCount: byClass.get(id)!, mine: false }))
          .sort((a, b) => b.photoCount - a.photoCount || a.name.localeCompare(b.name, 'zh')),
      ],
    };
  }

  /** A wall, newest first: published photos, and the caller's own still being checked. */
  async list(user: AuthUserDto, query: MemoryPhotoQueryDto): Promise<Page<MemoryPhotoDto>> {
    await this.access.assertViewer(user);
    const builder = this.dataSource
      .getRepository(MemoryPhotoEntity)
      .createQueryBuilder('p')
      .where(`(p.status = 'published' OR (p.uploaderId = :me AND p.status IN ('checking', 'held')))`, { me: user.id });
    if (query.classGroupId !== undefined) builder.andWhere('p.classGroupId = :classGroupId', { classGroupId: query.classGroupId });
    if (query.year !== undefined) builder.andWhere('p.year = :year', { year: query.year });
    if (query.place) builder.andWhere(`p.place ILIKE :place`, { place: `%${escapeLike(query.place)}%` });
    const page = await rowsPage(builder, 'createdAt', 'DESC', query);
    return { items: await this.present(page.items, user), nextCursor: page.nextCursor };
  }

  async detail(user: AuthUserDto, id: string): Promise<MemoryPhotoDto> {
    await this.access.assertViewer(user);
    const photo = await this.visible(user, id);
    const [dto] = await this.present([photo], user);
    return dto!;
  }

  /**
   * Shares an old photo: the image must be the caller's unused upload, the class one they are
   * verified in, the year not in the future. Risky caption text is refused; text WeChat wants
   * reviewed waits for staff. The image goes to WeChat's check once the photo is written.
   */
  async create(user: AuthUserDto, dto: MemoryPhotoBodyDto): Promise<MemoryPhotoDto> {
    await this.access.assertWriter(user);
    if (dto.year > currentYear()) {
      throw new AppError('MEMORY_PHOTO_YEAR_INVALID', [{ field: 'year', issue: `must be between 1900 and ${currentYear()}` }]);
    }
    const classGroupId = dto.classGroupId ?? null;
    if (classGroupId !== null) {
      const group = await this.groups.classGroup(classGroupId);
      if (!group || !(isStaff(user) || (await this.groups.isClassmate(group.id, user.id)))) throw new AppError('MEMORY_CLASS_NOT_MINE');
    }
    await this.images.assertFree(user.id, dto.imageId);
    const place = dto.place ?? null;
    const check = await this.gate.decide(user.id, 'forum', place ? `${dto.caption}\n${place}` : dto.caption, 'caption');
    const photo = await this.dataSource.transaction(async (manager) => {
      const storageKey = await this.images.take(manager, user.id, dto.imageId);
      const created = await manager.save(
        manager.create(MemoryPhotoEntity, {
          uploaderId: user.id,
          classGroupId,
          year: dto.year,
          place,
          caption: dto.caption,
          storageKey,
          status: check.status === 'published' ? 'checking' : 'held',
          imageCleared: false,
          captionCleared: check.status === 'published',
        }),
      );
      if (check.status === 'held') {
        await this.reviews.holdText(
          manager,
          { kind: 'memory-photo', subjectId: created.id, field: 'caption', authorId: user.id, text: dto.caption },
          check,
        );
      }
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'memories.photo_shared',
        subjectType: 'memory_photo',
        subjectId: created.id,
        detail: { year: dto.year, classGroupId },
      });
      return created;
    });
    await this.mediaChecks.submit({ kind: 'memory-photo', subjectId: photo.id, authorId: user.id, imageKey: photo.storageKey });
    return this.detail(user, photo.id);
  }

  /** Its uploader or staff take a photo down; its file goes, what waited for staff is withdrawn. */
  async remove(user: AuthUserDto, id: string): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      const photo = await manager.findOne(MemoryPhotoEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!photo || !this.mayView(photo, user)) throw new AppError('MEMORY_PHOTO_NOT_FOUND');
      if (photo.uploaderId !== user.id && !isStaff(user)) throw new AppError('MEMORY_PHOTO_FORBIDDEN');
      await manager.update(MemoryPhotoEntity, { id }, { status: 'removed' });
      await this.reviews.withdraw(manager, 'memory-photo', id);
      if (photo.uploaderId !== user.id) {
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'memory-photo.removed',
          subjectType: 'memory_photo',
          subjectId: id,
          before: { status: photo.status },
          after: { status: 'removed' },
        });
      }
      return photo.storageKey;
    });
    await this.images.deleteFiles([key]);
  }

  /** 我在这里 (idempotent both ways): the caller was there. */
  async presence(user: AuthUserDto, id: string, present: boolean): Promise<PresenceDto> {
    if (present) await this.access.assertWriter(user);
    else await this.access.assertViewer(user);
    return this.dataSource.transaction(async (manager) => {
      const photo = await manager.findOne(MemoryPhotoEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!photo || photo.status !== 'published') throw new AppError('MEMORY_PHOTO_NOT_FOUND');
      if (present) {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(MemoryPhotoPresenceEntity)
          .values({ photoId: id, alumnusId: user.id })
          .orIgnore()
          .execute();
        if ((inserted.raw as unknown[]).length > 0) {
          photo.presenceCount += 1;
          await manager.update(MemoryPhotoEntity, { id }, { presenceCount: photo.presenceCount });
          await this.interactions.record(manager, {
            alumnusId: user.id,
            kind: 'memories.was_there',
            subjectType: 'memory_photo',
            subjectId: id,
            detail: { year: photo.year },
          });
        }
      } else {
        const removed = await manager.delete(MemoryPhotoPresenceEntity, { photoId: id, alumnusId: user.id });
        if (removed.affected) {
          photo.presenceCount -= 1;
          await manager.update(MemoryPhotoEntity, { id }, { presenceCount: photo.presenceCount });
        }
      }
      return { present, presenceCount: photo.presenceCount };
    });
  }

  /** A photo the caller may see, or MEMORY_PHOTO_NOT_FOUND. */
  async visible(user: AuthUserDto, id: string, manager?: EntityManager): Promise<MemoryPhotoEntity> {
    const photo = await (manager ?? this.dataSource.manager).findOneBy(MemoryPhotoEntity, { id });
    if (!photo || !this.mayView(photo, user)) throw new AppError('MEMORY_PHOTO_NOT_FOUND');
    return photo;
  }

  /** A published photo (to tag, comment on, report), or MEMORY_PHOTO_NOT_FOUND. */
  async published(id: string, manager?: EntityManager): Promise<MemoryPhotoEntity> {
    const photo = await (manager ?? this.dataSource.manager).findOneBy(MemoryPhotoEntity, { id });
    if (!photo || photo.status !== 'published') throw new AppError('MEMORY_PHOTO_NOT_FOUND');
    return photo;
  }

  /** Published to every verified alumnus; still checked or held to its uploader and staff; gone to everyone. */
  mayView(photo: MemoryPhotoEntity, user: AuthUserDto): boolean {
    if (photo.status === 'published') return true;
    return (photo.status === 'checking' || photo.status === 'held') && (photo.uploaderId === user.id || isStaff(user));
  }

  async present(photos: MemoryPhotoEntity[], user: AuthUserDto): Promise<MemoryPhotoDto[]> {
    if (photos.length === 0) return [];
    const ids = photos.map((p) => p.id);
    const [tags, presence, mine] = await Promise.all([
      this.dataSource
        .getRepository(MemoryPhotoTagEntity)
        .find({ where: { photoId: In(ids), status: In(['pending', 'accepted']) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource.query(
        `SELECT photo_id, alumnus_id FROM (
           SELECT photo_id, alumnus_id, row_number() OVER (PARTITION BY photo_id ORDER BY created_at, alumnus_id) AS n
             FROM memory_photo_presence WHERE photo_id = ANY($1::uuid[])) r
          WHERE n <= $2`,
        [ids, MEMORY_LIMITS.presenceNames],
      ) as Promise<{ photo_id: string; alumnus_id: string }[]>,
      this.dataSource.getRepository(MemoryPhotoPresenceEntity).findBy({ photoId: In(ids), alumnusId: user.id }),
    ]);
    // A pending tag shows only to the person tagged and to the one who tagged them.
    const shownTags = tags.filter((tag) => tag.status === 'accepted' || tag.alumnusId === user.id || tag.taggedBy === user.id);
    const people = new Map(
      (
        await this.alumni.findByIds([
          ...new Set([...photos.map((p) => p.uploaderId), ...shownTags.map((t) => t.alumnusId), ...presence.map((p) => p.alumnus_id)]),
        ])
      ).map((a) => [a.id, a]),
    );
    const person = (id: string) => {
      const alumnus = people.get(id);
      return alumnus && alumnus.deletedAt === null ? { id, displayName: alumnus.displayName } : null;
    };
    const classNames = await this.groups.groupNames(photos.flatMap((p) => (p.classGroupId ? [p.classGroupId] : [])));
    const presentHere = new Set(mine.map((row) => row.photoId));
    return photos.map((photo) => {
      const published = photo.status === 'published';
      return {
        id: photo.id,
        ...this.images.urls(photo.storageKey),
        year: photo.year,
        place: photo.place,
        caption: photo.caption,
        classGroup: photo.classGroupId ? { id: photo.classGroupId, name: classNames.get(photo.classGroupId) ?? '' } : null,
        uploader: person(photo.uploaderId),
        status: photo.status,
        tags: shownTags.filter((tag) => tag.photoId === photo.id).map((tag) => presentTag(tag, user, person(tag.alumnusId))),
        presenceCount: photo.presenceCount,
        presenceNames: presence
          .filter((row) => row.photo_id === photo.id)
          .flatMap((row) => {
            const p = person(row.alumnus_id);
            return p ? [p.displayName] : [];
          }),
        presentByMe: presentHere.has(photo.id),
        commentCount: photo.commentCount,
        mayTag: published,
        mayComment: published,
        mayDelete: photo.uploaderId === user.id || isStaff(user),
        mayReport: published && photo.uploaderId !== user.id,
        createdAt: photo.createdAt.toISOString(),
      };
    });
  }
}

export function presentTag(tag: MemoryPhotoTagEntity, user: AuthUserDto, alumnus: { id: string; displayName: string } | null): PhotoTagDto {
  return {
    id: tag.id,
    alumnus,
    status: tag.status,
    x: tag.x,
    y: tag.y,
    taggedByMe: tag.taggedBy === user.id,
    isMe: tag.alumnusId === user.id,
  };
}
