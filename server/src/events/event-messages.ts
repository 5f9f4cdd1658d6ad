import type { EventEntity } from './event.entity.js';

/** What every subscription message about an event needs: the registrant's page, title, time, place. */
export function eventMessagePayload(event: EventEntity, registrationId: string): Record<string, unknown> {
  return {
    eventId: event.id,
    registrationId,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    place: event.online ? '线上活动' : (event.venue ?? event.address ?? ''),
  };
}
