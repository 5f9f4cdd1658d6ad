import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { precededBy, type Statement } from '../common/idempotency/idempotency.service.js';
import type { PlainTransaction } from '../database/plain-transaction.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { eventMessagePayload } from './event-messages.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';

/**
 * A sign-up's last statement found the seats it counted on taken, or one it did not count on
 * freed: its transaction is rolled back and the sign-up made again (RegistrationsService).
 */
export class SeatsChanged extends Error {
  constructor() {
    super('the event’s free seats changed while signing up');
  }
}

/**
 * Moves seats between the waitlist and the confirmed list, keeping `confirmed_count` equal to
 * the confirmed rows and below the capacity whatever the concurrency and however many server
 * instances run. A sign-up takes no lock until its last statement (docs/events.md, Seats):
 * `claim` is a conditional increment, so the event row is locked only from it to the commit;
 * `confirmWaitlisted` takes the weakest lock (`FOR KEY SHARE`), which sign-ups' claims do not
 * wait for but a cancellation's or a staff change's `FOR UPDATE` does. Those callers hold the
 * event row's `FOR UPDATE` lock for their whole transaction (they are rare).
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

  /**
   * Takes a free seat for a sign-up that wrote itself as confirmed; its transaction's last
   * statement (after `before`, the stored answer, in one round trip). Throws SeatsChanged when the
   * last one was taken meanwhile.
   */
  async claim(tx: PlainTransaction, eventId: string, before?: Statement): Promise<void> {
    const { sql, params } = precededBy(before, {
      sql: `UPDATE events SET confirmed_count = confirmed_count + 1 WHERE id = $1 AND confirmed_count < capacity RETURNING id`,
      params: [eventId],
    });
    const claimed = await tx.rows(sql, params);
    if (claimed.length === 0) throw new SeatsChanged();
  }

  /**
   * A batch of sign-ups written together (group commit, RegistrationsService) takes `count`
   * seats in one conditional increment, its transaction's last statement. When some of the batch
   * found no seat (`fillsEvent`), the claim must also leave the event full, or they were
   * refused or waitlisted while a seat was free. Throws SeatsChanged otherwise.
   */
  async claimMany(tx: PlainTransaction, eventId: string, count: number, fillsEvent: boolean, before?: Statement): Promise<void> {
    const { sql, params } = precededBy(before, {
      sql: `UPDATE events SET confirmed_count = confirmed_count + $2
             WHERE id = $1 AND confirmed_count + $2 <= capacity AND (NOT $3 OR confirmed_count + $2 >= capacity) RETURNING id`,
      params: [eventId, count, fillsEvent],
    });
    const claimed = await tx.rows(sql, params);
    if (claimed.length === 0) throw new SeatsChanged();
  }

  /**
   * A sign-up that wrote itself as waitlisted checks, as its transaction's last statement,
   * that the event is still full. A cancellation holding the row waits for this sign-up's
   * commit (and then promotes it), or has committed and freed a seat, which this sees: then
   * SeatsChanged, and the sign-up is made again for the free seat.
   */
  async confirmWaitlisted(tx: PlainTransaction, eventId: string, before?: Statement): Promise<void> {
    const { sql, params } = precededBy(before, {
      sql: `SELECT confirmed_count, capacity FROM events WHERE id = $1 FOR KEY SHARE`,
      params: [eventId],
    });
    const [event] = await tx.rows<{ confirmed_count: number; capacity: number }>(sql, params);
    if (event.confirmed_count < event.capacity) throw new SeatsChanged();
  }

  async setConfirmedCount(manager: EntityManager, event: EventEntity, confirmedCount: number): Promise<void> {
    await manager.update(EventEntity, { id: event.id }, { confirmedCount });
    event.confirmedCount = confirmedCount;
  }
}
