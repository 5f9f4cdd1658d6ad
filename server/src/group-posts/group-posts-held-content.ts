import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { GroupPostImageEntity } from './group-post-image.entity.js';

/** Staff decisions on post photos: a rejected photo leaves its post (or the uploader's free uploads) and its file goes. */
@Injectable()
@HeldContentOwner()
export class GroupPostsHeldContent implements HeldContentOwner {
  readonly kinds = ['post-image'] as const;

  async approve(): Promise<void> {}

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.imageKey === null) return [];
    const taken = await manager.delete(GroupPostImageEntity, { id: item.subjectId, storageKey: item.imageKey });
    return taken.affected === 1 ? [item.imageKey] : [];
  }
}
