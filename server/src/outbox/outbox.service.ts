import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';

export interface OutboxInput {
  alumnusId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Queue the message only if no message with this key was ever queued. */
  dedupeKey?: string;
}

/** The queue the notifications module delivers outbox messages from. */
export const OUTBOX_DELIVERY_QUEUE = 'outbox.deliver';

/**
 * Queues notifications in the caller's transaction: the row and its delivery job commit
 * (or roll back) with the change they announce. Delivery is NotificationsService's job.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly jobs: JobsService) {}

  /** Returns how many messages were queued (deduplicated ones are not). */
  async enqueue(manager: EntityManager, messages: OutboxInput[]): Promise<number> {
    if (messages.length === 0) return 0;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(
        messages.map((m) => ({
          alumnusId: m.alumnusId,
          kind: m.kind,
          payload: m.payload,
          dedupeKey: m.dedupeKey ?? null,
        })) as QueryDeepPartialEntity<OutboxMessageEntity>[],
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = (inserted.raw as { id: string }[]).map((row) => row.id);
    for (const id of ids) await this.jobs.send(OUTBOX_DELIVERY_QUEUE, { id }, { manager });
    return ids.length;
  }
}
