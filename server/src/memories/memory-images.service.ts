import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuthUserDto, MEMORY_LIMITS, type MemoryImageDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { thumbnailKeyOf } from '../storage/storage-keys.js';
import { readImageUploadWithThumbnail } from '../storage/upload.js';
import { MemoriesAccess } from './memories-access.js';
import { MemoryImageEntity } from './memory-image.entity.js';

/** Served at /api/v1/uploads/memories/… (a public folder: a key is handed out only where the photo may be seen). */
export const MEMORY_IMAGE_FOLDER = 'memories';

/**
 * Images for old photos (and story covers): uploaded one at a time as `wx.uploadFile` sends
 * them, cleaned (upright, no EXIF or GPS, at most 2560 px) with a 480 px thumbnail, and kept
 * as the uploader's until a photo or a story takes one. WeChat's image check runs when the
 * image is used, under what it became (the photo), so its verdict lands on something.
 */
@Injectable()
export class MemoryImagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MemoriesAccess,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** A verified alumnus (or staff) uploads an image; only they can use it, by its id. */
  async upload(user: AuthUserDto, request: FastifyRequest): Promise<MemoryImageDto> {
    await this.access.assertWriter(user);
    const upload = await readImageUploadWithThumbnail(request, MEMORY_LIMITS.imageMaxBytes);
    const stored = await this.storage.put({
      folder: MEMORY_IMAGE_FOLDER,
      body: upload.body,
      contentType: upload.contentType,
      thumbnail: upload.thumbnail,
    });
    const image = await this.dataSource.getRepository(MemoryImageEntity).save({ uploaderId: user.id, storageKey: stored.key });
    return { id: image.id, ...this.urls(image.storageKey) };
  }

  /** Refuses (MEMORY_IMAGE_INVALID) an id that is not the caller's unused upload: before any WeChat call. */
  async assertFree(uploaderId: string, imageId: string, manager?: EntityManager): Promise<void> {
    const image = await (manager ?? this.dataSource.manager).findOneBy(MemoryImageEntity, { id: imageId, uploaderId });
    if (!image) throw invalid(imageId);
  }

  /** Uses the caller's upload (it stops being free) and answers its storage key, in the caller's transaction. */
  async take(manager: EntityManager, uploaderId: string, imageId: string): Promise<string> {
    const image = await manager.findOne(MemoryImageEntity, { where: { id: imageId, uploaderId }, lock: { mode: 'pessimistic_write' } });
    if (!image) throw invalid(imageId);
    await manager.delete(MemoryImageEntity, { id: image.id });
    return image.storageKey;
  }

  /** The URLs of a stored image and its thumbnail. */
  urls(storageKey: string): { url: string; thumbnailUrl: string } {
    return { url: this.storage.urlFor(storageKey), thumbnailUrl: this.storage.urlFor(thumbnailKeyOf(storageKey)) };
  }

  /** Files no row points to any more; failing to remove one only leaves an orphan behind. */
  async deleteFiles(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.storage.delete(key).catch(() => undefined)));
  }
}

const invalid = (imageId: string) =>
  new AppError('MEMORY_IMAGE_INVALID', [{ field: 'imageId', issue: `image ${imageId} is not an upload of yours that is free to use` }]);
