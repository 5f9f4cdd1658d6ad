import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { eventMessagePayload } from './event-messages.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/**
 * Moves seats between the waitlist and the confirmed list. Callers hold the event row's lock
 * (`SELECT … FOR UPDATE`), which is what keeps `confirmed_count` equal to the confirmed rows
 * and below the capacity whatever the concurrency and however many server instances run.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Gives free seats to the waitlist, first come first served; each promoted alumnus is told. */
  async fill(manager: EntityManager, event: EventEntity): Promise<void> {
    const free = event.capacity - event.confirmedCount;
    if (free <= 0) return;
    const promoted = await manager
      .createQueryBuilder(RegistrationEntity, 'r')
      .where("r.eventId = :id AND r.status = 'waitlisted'", { id: event.id })
      .orderBy('r.queuePosition', 'ASC')
      .limit(free)
      .getMany();
    if (promoted.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(RegistrationEntity)
      .set({ status: 'confirmed' })
      .whereInIds(promoted.map((r) => r.id))
      .execute();
    await this.setConfirmedCount(manager, event, event.confirmedCount + promoted.length);
    for (const r of promoted) {
      await this.interactions.record(manager, {
        alumnusId: r.alumnusId,
        kind: 'events.promoted',
        subjectType: 'event',
        subjectId: event.id,
        detail: { registrationId: r.id },
      });
    }
    await this.outbox.enqueue(
      manager,
      promoted.map((r) => ({
        alumnusId: r.alumnusId,
        kind: 'events.promoted',
        payload: eventMessagePayload(event, r.id),
      })),
    );
  }

  async setConfirmedCount(manager: EntityManager, event: EventEntity, confirmedCount: number): Promise<void> {
    await manager.update(EventEntity, { id: event.id }, { confirmedCount });
    event.confirmedCount = confirmedCount;
  }
}
