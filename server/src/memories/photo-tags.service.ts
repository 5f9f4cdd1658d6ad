import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { type AuthUserDto, MEMORY_LIMITS, type PendingPhotoTagDto, type PhotoTagDto, type TagCandidateDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import type { PhotoTagBodyDto } from './dto/memories-request.dto.js';
import { MemoriesAccess } from './memories-access.js';
import { MemoryImagesService } from './memory-images.service.js';
import { MemoryPhotoTagEntity } from './memory-photo-tag.entity.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';
import { MemoryPhotosService, presentTag } from './memory-photos.service.js';

/**
 * People in old photos. A verified alumnus tags someone (a verified alumnus: the photo's
 * classmates are offered); the tag waits, unseen by others, until the person tagged lets their
 * name show, and they are told in 消息. Tagging oneself needs no asking. The person tagged may
 * take their name off again at any time.
 */
@Injectable()
export class PhotoTagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MemoriesAccess,
    private readonly photos: MemoryPhotosService,
    private readonly images: MemoryImagesService,
    private readonly groups: GroupsService,
    private readonly alumni: AlumniService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
  ) {}

  async tag(user: AuthUserDto, photoId: string, dto: PhotoTagBodyDto): Promise<PhotoTagDto> {
    await this.access.assertWriter(user);
    const self = dto.alumnusId === user.id;
    const target = await this.alumni.findActive(dto.alumnusId);
    if (!target || target.verifiedAt === null) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'alumnusId', issue: 'must be a verified alumnus (see tag-candidates)' }]);
    }
    const tagger = self ? target : await this.alumni.findActive(user.id);
    const tag = await this.dataSource.transaction(async (manager) => {
      // Tags of one photo take turns on its row, so the limit holds.
      const photo = await manager.findOne(MemoryPhotoEntity, { where: { id: photoId }, lock: { mode: 'pessimistic_write' } });
      if (!photo || photo.status !== 'published') throw new AppError('MEMORY_PHOTO_NOT_FOUND');
      const existing = await manager.findOneBy(MemoryPhotoTagEntity, { photoId, alumnusId: dto.alumnusId });
      if (existing && !(self && existing.status !== 'accepted')) throw new AppError('MEMORY_TAG_EXISTS');
      const count = await manager.countBy(MemoryPhotoTagEntity, { photoId, status: In(['pending', 'accepted']) });
      if (!existing && count >= MEMORY_LIMITS.tags) throw new AppError('MEMORY_TAG_LIMIT');
      const saved = await manager.save(
        manager.create(MemoryPhotoTagEntity, {
          ...(existing ?? {}),
          photoId,
          alumnusId: dto.alumnusId,
          taggedBy: user.id,
          status: self ? 'accepted' : 'pending',
          x: dto.x ?? null,
          y: dto.y ?? null,
          answeredAt: self ? new Date() : null,
        }),
      );
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: self ? 'memories.tag_confirmed' : 'memories.tagged',
        subjectType: 'memory_photo',
        subjectId: photoId,
        detail: { tagId: saved.id },
      });
      if (!self) {
        await this.outbox.enqueue(manager, [
          {
            alumnusId: dto.alumnusId,
            kind: 'memories.tagged',
            payload: { photoId, tagId: saved.id, taggerName: tagger?.displayName ?? '校友', year: photo.year, caption: photo.caption },
            dedupeKey: `memories.tagged:${saved.id}`,
          },
        ]);
      }
      return saved;
    });
    return presentTag(tag, user, { id: target.id, displayName: target.displayName });
  }

  /** Whom the caller may tag in this photo: the verified alumni of its class (none for a year-wall photo). */
  async candidates(user: AuthUserDto, photoId: string): Promise<TagCandidateDto[]> {
    await this.access.assertViewer(user);
    const photo = await this.photos.published(photoId);
    if (photo.classGroupId === null) return [];
    const tagged = new Set((await this.dataSource.getRepository(MemoryPhotoTagEntity).findBy({ photoId })).map((tag) => tag.alumnusId));
    return (await this.groups.verifiedClassmates(photo.classGroupId)).filter((c) => !tagged.has(c.id));
  }

  /** Tags waiting for the caller's answer, newest first, on photos still shown. */
  async pending(user: AuthUserDto): Promise<PendingPhotoTagDto[]> {
    const tags = await this.dataSource
      .getRepository(MemoryPhotoTagEntity)
      .createQueryBuilder('t')
      .innerJoin(MemoryPhotoEntity, 'p', `p.id = t.photoId AND p.status = 'published'`)
      .where(`t.alumnusId = :me AND t.status = 'pending'`, { me: user.id })
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(100)
      .getMany();
    if (tags.length === 0) return [];
    const photos = new Map(
      (await this.dataSource.getRepository(MemoryPhotoEntity).findBy({ id: In(tags.map((t) => t.photoId)) })).map((p) => [p.id, p]),
    );
    const taggers = new Map((await this.alumni.findByIds(tags.flatMap((t) => (t.taggedBy ? [t.taggedBy] : [])))).map((a) => [a.id, a]));
    return tags.map((tag) => {
      const photo = photos.get(tag.photoId)!;
      const tagger = tag.taggedBy ? taggers.get(tag.taggedBy) : undefined;
      return {
        id: tag.id,
        photo: {
          id: photo.id,
          thumbnailUrl: this.images.urls(photo.storageKey).thumbnailUrl,
          year: photo.year,
          place: photo.place,
          caption: photo.caption,
        },
        taggedBy: tagger && tagger.deletedAt === null ? { id: tagger.id, displayName: tagger.displayName } : null,
        createdAt: tag.createdAt.toISOString(),
      };
    });
  }

  /** The person tagged lets their name show, or takes it off (a declined tag is not offered again). */
  async decide(user: AuthUserDto, tagId: string, accept: boolean): Promise<PhotoTagDto> {
    // Taking one's name off needs nothing; letting it show is a record about the person.
    if (accept) await this.access.assertWriter(user);
    const tag = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(MemoryPhotoTagEntity, { where: { id: tagId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('MEMORY_TAG_NOT_FOUND');
      if (current.alumnusId !== user.id) throw new AppError('MEMORY_TAG_FORBIDDEN');
      const photo = await manager.findOneBy(MemoryPhotoEntity, { id: current.photoId });
      if (!photo || photo.status !== 'published') throw new AppError('MEMORY_TAG_NOT_FOUND');
      const status = accept ? 'accepted' : 'declined';
      if (current.status === status) return current;
      await manager.update(MemoryPhotoTagEntity, { id: tagId }, { status, answeredAt: new Date() });
      if (accept) {
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'memories.tag_confirmed',
          subjectType: 'memory_photo',
          subjectId: current.photoId,
          detail: { tagId },
        });
      }
      return { ...current, status, answeredAt: new Date() } as MemoryPhotoTagEntity;
    });
    const me = await this.alumni.findActive(user.id);
    return presentTag(tag, user, me ? { id: me.id, displayName: me.displayName } : null);
  }
}
