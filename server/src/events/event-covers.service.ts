import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { type AuthUserDto, EVENT_LIMITS, type EventCoverDto } from '@alumni/shared';
import { HeldContentOwner, type HeldItem } from '../content-security/held-content.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { readImageUploadWithThumbnail } from '../storage/upload.js';
import { EventEntity } from './event.entity.js';

/** A public folder (PUBLIC_FOLDERS): covers are there to be shown on the event's card and page. */
export const EVENT_COVER_FOLDER = 'event-covers';

/**
 * Event covers: staff upload the picture first (it is cleaned, given a thumbnail and sent to
 * WeChat's media check), then save the event naming its URL, so a new event can have its
 * cover before its first save. A cover staff reject in 内容审核 comes off the event.
 */
@Injectable()
@HeldContentOwner()
export class EventCoversService implements HeldContentOwner {
  readonly kinds = ['event-cover'] as const;

  constructor(private readonly mediaChecks: MediaChecksService) {}

  async upload(user: AuthUserDto, request: FastifyRequest): Promise<EventCoverDto> {
    const upload = await readImageUploadWithThumbnail(request, EVENT_LIMITS.coverMaxBytes);
    const stored = await this.mediaChecks.storeLoose({
      folder: EVENT_COVER_FOLDER,
      kind: 'event-cover',
      authorId: user.id,
      body: upload.body,
      contentType: upload.contentType,
      thumbnail: upload.thumbnail,
    });
    return { url: stored.url };
  }

  async approve(): Promise<void> {}

  /** Unlinks the rejected picture from every event showing it; the file goes once the decision commits. */
  async reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    if (item.imageKey === null) return [];
    const name = item.imageKey.slice(item.imageKey.lastIndexOf('/') + 1);
    await manager
      .createQueryBuilder()
      .update(EventEntity)
      .set({ coverUrl: null })
      .where('cover_url LIKE :suffix', { suffix: `%/${EVENT_COVER_FOLDER}/${name}` })
      .execute();
    return [item.imageKey];
  }
}
