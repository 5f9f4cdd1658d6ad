import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';
import { SeatsService } from './seats.service.js';

/**
 * Registrations and the answers given. Erasure gives up the seats of events still to come
 * (the waitlist moves up) and forgets every answer; past registrations stay, nameless, in
 * the events' headcounts.
 */
@Injectable()
@PersonalDataContributor()
export class EventsPersonalData implements PersonalDataContributor {
  constructor(private readonly seats: SeatsService) {}

  readonly sections: PersonalDataSection[] = [
    {
      key: 'registrations',
      table: 'event_registrations',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT r.id, r.event_id AS "eventId", e.title AS "eventTitle", e.starts_at AS "eventStartsAt", r.status, r.answers,
                  r.walk_in AS "walkIn", r.created_at AS "registeredAt",
                  r.confirmed_at AS "confirmedAt", r.checked_in_at AS "checkedInAt", r.cancelled_at AS "cancelledAt"
             FROM event_registrations r JOIN events e ON e.id = r.event_id
            WHERE r.alumnus_id = $1 ORDER BY r.created_at, r.id`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = {
    'events.created_by': 'staff work: who created an event, part of the association’s audit trail',
    'event_registrations.checked_in_by': 'staff work: who checked a registrant in',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    const upcoming = await manager
      .createQueryBuilder(RegistrationEntity, 'r')
      .innerJoin(EventEntity, 'e', 'e.id = r.eventId')
      .where('r.alumnusId = :alumnusId', { alumnusId })
      .andWhere("r.status IN ('confirmed', 'waitlisted') AND r.checkedInAt IS NULL")
      .andWhere("e.status = 'published' AND e.startsAt > now()")
      .orderBy('r.eventId')
      .getMany();
    for (const registration of upcoming) {
      const event = await manager.findOneOrFail(EventEntity, { where: { id: registration.eventId }, lock: { mode: 'pessimistic_write' } });
      await manager.update(RegistrationEntity, { id: registration.id }, { status: 'cancelled', cancelledAt: new Date() });
      if (registration.status === 'confirmed') {
        await this.seats.setConfirmedCount(manager, event, event.confirmedCount - 1);
        await this.seats.fill(manager, event);
      }
    }
    await manager.update(RegistrationEntity, { alumnusId }, { answers: {} });
  }
}
