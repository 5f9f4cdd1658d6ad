import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { EventSummaryDto, Page } from '@alumni/shared';
import { decodeCursor, keysetPage, toPage } from '../common/pagination.js';
import type { ListEventsQueryDto } from './dto/list-events-query.dto.js';
import { EventEntity } from './event.entity.js';

export function toEventSummary(event: EventEntity): EventSummaryDto {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    status: event.status,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    city: event.city,
    venue: event.online ? null : event.venue,
    online: event.online,
    capacity: event.capacity,
    confirmedCount: event.confirmedCount,
    coverUrl: event.coverUrl,
  };
}

@Injectable()
export class EventsService {
  constructor(@InjectRepository(EventEntity) private readonly events: Repository<EventEntity>) {}

  /** Published events alumni can see: upcoming soonest first, or past latest first. */
  async list(query: ListEventsQueryDto, now: Date = new Date()): Promise<Page<EventSummaryDto>> {
    const after = decodeCursor(query.cursor);
    const upcoming = query.when === 'upcoming';
    const rows = await keysetPage(
      this.events
        .createQueryBuilder('event')
        .where('event.status IN (:...statuses)', { statuses: upcoming ? ['published'] : ['published', 'finished'] })
        .andWhere(upcoming ? 'event.endsAt > :now' : 'event.endsAt <= :now', { now }),
      'startsAt',
      upcoming ? 'ASC' : 'DESC',
      after,
      query.limit,
    ).getMany();
    return toPage(rows, query.limit, (e) => ({ at: e.startsAt, id: e.id }), toEventSummary);
  }
}
