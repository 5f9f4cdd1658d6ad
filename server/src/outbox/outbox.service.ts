import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity.js';

export interface OutboxInput {
  alumnusId: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** Queues notifications in the caller's transaction; delivery is the worker's job. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, messages: OutboxInput[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.save(
      OutboxMessageEntity,
      messages.map((m) => manager.create(OutboxMessageEntity, m)),
    );
  }
}
