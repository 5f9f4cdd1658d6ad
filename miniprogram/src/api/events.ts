import type {
  CheckInTokenDto,
  EventDetailDto,
  EventKind,
  EventSummaryDto,
  MyRegistrationDto,
  Page,
  RegistrationAnswers,
  RegistrationDto,
  TicketDto,
} from '@alumni/shared';
import { request } from './request';

export type EventWhen = 'upcoming' | 'past';

export type EventListQuery = {
  /** upcoming: not yet ended, soonest first; past: ended, latest first. */
  when?: EventWhen;
  kind?: EventKind;
  /** Exact city name, e.g. 上海. */
  city?: string;
  limit?: number;
  cursor?: string;
};

export function listEvents(query: EventListQuery = {}): Promise<Page<EventSummaryDto>> {
  return request<Page<EventSummaryDto>>({ path: '/api/v1/events', query });
}

export function getEvent(id: string): Promise<EventDetailDto> {
  return request<EventDetailDto>({ path: `/api/v1/events/${encodeURIComponent(id)}` });
}

/** My registration for the event in any status, or null when I never signed up. */
export async function getMyRegistration(eventId: string): Promise<RegistrationDto | null> {
  const mine = await request<MyRegistrationDto>({ path: `/api/v1/events/${encodeURIComponent(eventId)}/registrations/mine` });
  return mine.registration;
}

/**
 * Signs up with the answers. The same `idempotencyKey` on a retry (a lost answer, a double
 * tap) gets the first answer back instead of a second sign-up.
 */
export function signUp(eventId: string, answers: RegistrationAnswers, idempotencyKey: string): Promise<RegistrationDto> {
  return request<RegistrationDto>({
    method: 'POST',
    path: `/api/v1/events/${encodeURIComponent(eventId)}/registrations`,
    body: { answers },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function cancelMyRegistration(eventId: string): Promise<RegistrationDto> {
  return request<RegistrationDto>({ method: 'DELETE', path: `/api/v1/events/${encodeURIComponent(eventId)}/registrations/mine` });
}

export function listMyTickets(query: { when?: EventWhen; cursor?: string; limit?: number } = {}): Promise<Page<TicketDto>> {
  return request<Page<TicketDto>>({ path: '/api/v1/me/registrations', query });
}

/** The rotating proof for the ticket's QR code; fetch a new one by `refreshAt`. */
export function getCheckInToken(registrationId: string): Promise<CheckInTokenDto> {
  return request<CheckInTokenDto>({ path: `/api/v1/me/registrations/${encodeURIComponent(registrationId)}/check-in-token` });
}
