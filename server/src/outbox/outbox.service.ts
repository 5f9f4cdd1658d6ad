import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { InboxService } from '../inbox/inbox.service.js';
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
 * Queues notifications in the caller's transaction: the row, its delivery job and the
 * notice in the alumnus's message centre commit (or roll back) with the change they
 * announce. This is the one place every notice passes, so every notice reaches the message
 * centre whether or not WeChat delivers it too. Delivery is DeliveryService's job.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly jobs: JobsService,
    private readonly inbox: InboxService,
  ) {}

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
      .returning(['id', 'alumnusId', 'kind', 'payload'])
      .execute();
    const rows = inserted.raw as { id: string; alumnus_id: string; kind: string; payload: Record<string, unknown> }[];
    await this.inbox.keep(
      manager,
      rows.map((row) => ({ outboxMessageId: row.id, alumnusId: row.alumnus_id, kind: row.kind, payload: row.payload })),
    );
    await this.jobs.sendMany(
      OUTBOX_DELIVERY_QUEUE,
      rows.map(({ id }) => ({ id })),
      { manager },
    );
    return rows.length;
  }
}
