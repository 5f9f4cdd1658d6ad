import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { StoryCommentEntity } from './story-comment.entity.js';
import { StoryEntity } from './story.entity.js';
import { bump } from './stories.service.js';

/**
 * Staff decisions on stories' held content: a comment WeChat did not clear shows once approved
 * (and counts) or is removed; a rejected cover comes off the story if it is still the one shown.
 */
@Injectable()
@HeldContentOwner()
export class StoriesHeldContent implements HeldContentOwner {
  readonly kinds = ['story-cover', 'story-comment'] as const;

  async approve(manager: EntityManager, item: HeldItem): Promise<void> {
    // A report kept: the comment stays as it is.
    if (item.kind !== 'story-comment' || item.field === 'report') return;
    const shown = await manager.update(StoryCommentEntity, { id: item.subjectId, status: 'held' }, { status: 'published' });
    if (shown.affected !== 1) return;
    const comment = await manager.findOneByOrFail(StoryCommentEntity, { id: item.subjectId });
    await bump(manager, comment.storyId, 'comment_count', 1);
  }

  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.kind === 'story-comment') {
      // Held text is dropped; an upheld report takes a shown comment down (it no longer counts).
      const comment = await manager.findOne(StoryCommentEntity, { where: { id: item.subjectId }, lock: { mode: 'pessimistic_write' } });
      if (!comment || comment.status === 'removed') return [];
      await manager.update(StoryCommentEntity, { id: comment.id }, { status: 'removed' });
      if (comment.status === 'published') await bump(manager, comment.storyId, 'comment_count', -1);
      return [];
    }
    if (item.imageKey === null) return [];
    const taken = await manager.update(StoryEntity, { id: item.subjectId, coverKey: item.imageKey }, { coverKey: null });
    return taken.affected === 1 ? [item.imageKey] : [];
  }
}
