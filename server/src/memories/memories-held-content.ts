import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { MemoryPhotoCommentEntity } from './memory-photo-comment.entity.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';

/**
 * What WeChat and staff decide on old photos and their comments. A photo shows once both its
 * picture (field '') and its caption (field `caption`) are cleared; a rejection of either takes
 * it down and its file goes. A report (field `report`) kept changes nothing; upheld, it takes
 * the photo or the comment down.
 */
@Injectable()
@HeldContentOwner()
export class MemoriesHeldContent implements HeldContentOwner {
  readonly kinds = ['memory-photo', 'memory-comment'] as const;

  async passed(manager: EntityManager, item: HeldItem): Promise<void> {
    if (item.kind !== 'memory-photo') return;
    await manager.update(MemoryPhotoEntity, { id: item.subjectId, storageKey: item.imageKey ?? '' }, { imageCleared: true });
    await publishIfCleared(manager, item.subjectId);
  }

  async approve(manager: EntityManager, item: HeldItem): Promise<void> {
    if (item.field === 'report') return;
    if (item.kind === 'memory-comment') {
      const updated = await manager.update(MemoryPhotoCommentEntity, { id: item.subjectId, status: 'held' }, { status: 'published' });
      if (updated.affected === 1) {
        const comment = await manager.findOneByOrFail(MemoryPhotoCommentEntity, { id: item.subjectId });
        await manager.increment(MemoryPhotoEntity, { id: comment.photoId }, 'commentCount', 1);
      }
      return;
    }
    await manager.update(
      MemoryPhotoEntity,
      { id: item.subjectId },
      item.field === 'caption' ? { captionCleared: true } : { imageCleared: true },
    );
    await publishIfCleared(manager, item.subjectId);
  }

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.kind === 'memory-comment') {
      const comment = await manager.findOne(MemoryPhotoCommentEntity, {
        where: { id: item.subjectId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!comment || comment.status === 'removed') return [];
      await manager.update(MemoryPhotoCommentEntity, { id: comment.id }, { status: 'removed' });
      if (comment.status === 'published') await manager.decrement(MemoryPhotoEntity, { id: comment.photoId }, 'commentCount', 1);
      return [];
    }
    const photo = await manager.findOne(MemoryPhotoEntity, { where: { id: item.subjectId }, lock: { mode: 'pessimistic_write' } });
    if (!photo || photo.status === 'rejected' || photo.status === 'removed') return [];
    // Upheld reports take a shown photo down; a photo not shown yet is refused.
    await manager.update(MemoryPhotoEntity, { id: photo.id }, { status: photo.status === 'published' ? 'removed' : 'rejected' });
    return [photo.storageKey];
  }
}

async function publishIfCleared(manager: EntityManager, photoId: string): Promise<void> {
  await manager.query(
    `UPDATE memory_photos SET status = 'published', updated_at = now()
      WHERE id = $1 AND image_cleared AND caption_cleared AND status IN ('checking', 'held')`,
    [photoId],
  );
}
