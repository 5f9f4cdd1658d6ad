import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { eventMessagePayload } from './event-messages.js';
import { EventEntity } from './event.entity.js';

const HOUR_MS = 60 * 60 * 1000;

/** Reminders go out this long before the start; the later one takes over once it is due. */
const LEADS = [
  { name: '24h', ms: 24 * HOUR_MS, until: HOUR_MS },
  { name: '1h', ms: HOUR_MS, until: 0 },
] as const;

/**
 * Reminders 24 h and 1 h before an event to its confirmed registrants. A minute-by-minute
 * job (once across instances) queues the reminders that have come due; each has a dedupe key
 * of lead, registration and start time, so it is queued once however often or wherever the
 * scan runs, and a new start time makes new reminders. Only registrants confirmed before a
 * reminder's moment get it: someone promoted from the waitlist an hour before the start got
 * their confirmation then and gets the 1 h reminder, not a late "tomorrow" one.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('events.reminders', '* * * * *', async () => {
      await this.queueDue(new Date());
    });
  }

  /** Queues every reminder due at `now`; returns how many were new. */
  async queueDue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let queued = 0;
      for (const lead of LEADS) {
        const due: { registration_id: string; alumnus_id: string; event_id: string }[] = await manager.query(
          `SELECT r.id AS registration_id, r.alumnus_id, e.id AS event_id
           FROM events e JOIN event_registrations r ON r.event_id = e.id AND r.status = 'confirmed'
           WHERE e.status = 'published'
             AND e.starts_at > $1::timestamptz + make_interval(secs => $3 / 1000.0)
             AND e.starts_at <= $1::timestamptz + make_interval(secs => $2 / 1000.0)
             AND r.confirmed_at <= e.starts_at - make_interval(secs => $2 / 1000.0)`,
          [now.toISOString(), lead.ms, lead.until],
        );
        if (due.length === 0) continue;
        const events = new Map(
          (await manager.findBy(EventEntity, { id: In([...new Set(due.map((d) => d.event_id))]) })).map((e) => [e.id, e]),
        );
        queued += await this.outbox.enqueue(
          manager,
          due.map((d) => {
            const event = events.get(d.event_id)!;
            return {
              alumnusId: d.alumnus_id,
              kind: 'events.reminder',
              payload: { ...eventMessagePayload(event, d.registration_id), lead: lead.name },
              dedupeKey: `events.reminder:${lead.name}:${d.registration_id}:${event.startsAt.toISOString()}`,
            };
          }),
        );
      }
      return queued;
    });
  }
}
