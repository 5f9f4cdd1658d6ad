import type { EventDetailDto, EventSummaryDto, RegistrationDto } from '@alumni/shared';

const HOUR = 3600_000;

/** A published offline event three days ahead, one required single-choice question. */
export function eventFixture(override: Partial<EventDetailDto> = {}): EventDetailDto {
  const starts = Date.now() + 72 * HOUR;
  return {
    id: 'e1',
    title: '2026 秋季返校日',
    kind: 'homecoming',
    status: 'published',
    startsAt: new Date(starts).toISOString(),
    endsAt: new Date(starts + 4 * HOUR).toISOString(),
    city: '江州',
    venue: '大礼堂',
    online: false,
    capacity: 100,
    confirmedCount: 40,
    coverUrl: null,
    description: '<p>欢迎回家</p>',
    address: '江州市学府路 1 号',
    latitude: 30.5,
    longitude: 114.3,
    onlineUrl: null,
    signupOpensAt: null,
    signupClosesAt: null,
    waitlistEnabled: true,
    audience: { kind: 'everyone' },
    questions: [{ id: 'q1', kind: 'single', label: '是否携带家属？', required: true, options: ['是', '否'] }],
    contactName: '王老师',
    contactPhone: '0710-1234567',
    ...override,
  };
}

export function registrationFixture(override: Partial<RegistrationDto> = {}): RegistrationDto {
  return {
    id: 'r1',
    eventId: 'e1',
    status: 'confirmed',
    answers: { q1: '是' },
    checkedInAt: null,
    createdAt: new Date().toISOString(),
    ...override,
  };
}

/** The n-th event of a list (活动n, e<n>), a meetup in 上海 in 2030. */
export function eventSummaryFixture(n: number, override: Partial<EventSummaryDto> = {}): EventSummaryDto {
  return {
    id: `e${n}`,
    title: `活动${n}`,
    kind: 'meetup',
    status: 'published',
    startsAt: '2030-05-02T06:00:00.000Z',
    endsAt: '2030-05-02T08:00:00.000Z',
    city: '上海',
    venue: '校友之家',
    online: false,
    capacity: 50,
    confirmedCount: 10,
    coverUrl: null,
    ...override,
  };
}
