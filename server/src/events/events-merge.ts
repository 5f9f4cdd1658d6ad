import { Injectable } from '@nestjs/common';
import { MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';
import { EventEntity } from './event.entity.js';
import { SeatsService } from './seats.service.js';

/** How good a registration is, best first: checked in, confirmed, waitlisted, cancelled. */
const RANK = (r: string) =>
  `(CASE WHEN ${r}.checked_in_at IS NOT NULL THEN 4 WHEN ${r}.status = 'confirmed' THEN 3 WHEN ${r}.status = 'waitlisted' THEN 2 ELSE 1 END)`;

/**
 * Registrations: one per event, the better of the two kept; an event both held a confirmed
 * seat at counts one seat fewer (the headcount counted the person twice). The seat so freed
 * goes to the waitlist in the merge's transaction, as a cancellation's does (SeatsService.fill:
 * first come first served, each promoted alumnus told), while the event is published and still
 * to come, the rule erasure follows; a past event's headcount is only corrected (docs/reach.md).
 */
@Injectable()
@MergeParticipant()
export class EventsMerge implements MergeParticipant {
  readonly columns = ['events.created_by', 'event_registrations.alumnus_id', 'event_registrations.checked_in_by'] as const;

  constructor(private readonly seats: SeatsService) {}

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    const both = (await manager.query(
      `SELECT m.event_id, m.id AS merged, s.id AS survivor, (m.status = 'confirmed' AND s.status = 'confirmed') AS counted_twice,
              ${RANK('m')} > ${RANK('s')} AS merged_better
         FROM event_registrations m JOIN event_registrations s ON s.event_id = m.event_id AND s.alumnus_id = $2
        WHERE m.alumnus_id = $1 ORDER BY m.event_id`,
      [mergedId, survivorId],
    )) as { event_id: string; merged: string; survivor: string; counted_twice: boolean; merged_better: boolean }[];
    for (const row of both) {
      const event = await manager.findOneOrFail(EventEntity, { where: { id: row.event_id }, lock: { mode: 'pessimistic_write' } });
      await manager.query('DELETE FROM event_registrations WHERE id = $1', [row.merged_better ? row.survivor : row.merged]);
      if (!row.counted_twice) continue;
      await this.seats.setConfirmedCount(manager, event, event.confirmedCount - 1);
      if (event.status === 'published' && event.startsAt > new Date()) await this.seats.fill(manager, event);
    }
    await moveReferences(context, this.columns);
  }
}
