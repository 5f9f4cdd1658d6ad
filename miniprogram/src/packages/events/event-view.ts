import { type EventDetailDto, formatShanghaiShort, type RegistrationDto } from '@alumni/shared';

/** `12月20日 14:00 – 18:00`, or both dates when the event spans days. */
export function timeRange(startsAt: string, endsAt: string): string {
  const [start, end] = [formatShanghaiShort(startsAt), formatShanghaiShort(endsAt)];
  const [startDay, endDay] = [start.split(' ')[0], end.split(' ')[0]];
  return startDay === endDay ? `${start} – ${end.split(' ')[1]}` : `${start} – ${end}`;
}

export function seatsLeft(event: Pick<EventDetailDto, 'capacity' | 'confirmedCount'>): number {
  return Math.max(0, event.capacity - event.confirmedCount);
}

/** `剩余 12 个名额（共 60）`, or what happens now that it is full. */
export function seatsLine(event: EventDetailDto): string {
  const left = seatsLeft(event);
  if (left > 0) return `剩余 ${left} 个名额（共 ${event.capacity}）`;
  return event.waitlistEnabled ? `名额已满（共 ${event.capacity}），可报名候补` : `名额已满（共 ${event.capacity}）`;
}

/** Who may sign up, when it is not everyone. */
export function audienceNote(event: EventDetailDto): string | null {
  const { audience } = event;
  switch (audience.kind) {
    case 'verified':
      return '仅限已认证校友报名';
    case 'group':
      return '仅限指定群组的成员报名';
    case 'graduation_years':
      return audience.yearFrom === audience.yearTo
        ? `仅限 ${audience.yearFrom} 届校友报名`
        : `仅限 ${audience.yearFrom}–${audience.yearTo} 届校友报名`;
    default:
      return null;
  }
}

export type SignupState =
  | { kind: 'open'; waitlist: boolean }
  | { kind: 'not_started'; opensAt: string }
  | { kind: 'closed' }
  | { kind: 'full' }
  | { kind: 'cancelled' }
  | { kind: 'ended' };

/** Whether sign-up is open now, by the server's rules (registrations.service register()). */
export function signupState(event: EventDetailDto, now: number = Date.now()): SignupState {
  if (event.status === 'cancelled') return { kind: 'cancelled' };
  if (event.status !== 'published' || Date.parse(event.endsAt) <= now) return { kind: 'ended' };
  if (event.signupOpensAt && now < Date.parse(event.signupOpensAt)) return { kind: 'not_started', opensAt: event.signupOpensAt };
  if (now >= Date.parse(event.signupClosesAt ?? event.startsAt)) return { kind: 'closed' };
  if (seatsLeft(event) === 0) return event.waitlistEnabled ? { kind: 'open', waitlist: true } : { kind: 'full' };
  return { kind: 'open', waitlist: false };
}

/** A registration that still holds a place (or a place in the queue). */
export const isActive = (registration: RegistrationDto | null): registration is RegistrationDto =>
  registration !== null && registration.status !== 'cancelled';
