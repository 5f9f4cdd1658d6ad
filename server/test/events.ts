import type { EventInput } from '@alumni/shared';

/** A valid offline event starting 2030-05-02 10:00 Beijing time, with a waitlist. */
export function eventInput(override: Record<string, unknown> = {}): EventInput & Record<string, unknown> {
  return {
    title: '2026 秋季返校日',
    kind: 'homecoming',
    description: '<p>欢迎回家</p>',
    coverUrl: 'https://cdn.example.com/cover.jpg',
    online: false,
    city: '江州',
    venue: '大礼堂',
    address: '江州市学府路 1 号',
    latitude: 30.5,
    longitude: 114.3,
    startsAt: '2030-05-02T02:00:00.000Z',
    endsAt: '2030-05-02T06:00:00.000Z',
    capacity: 100,
    waitlistEnabled: true,
    contactName: '王老师',
    contactPhone: '0710-1234567',
    ...override,
  };
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string>): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
