import type pg from 'pg';
import type { EventAudience, EventQuestion, EventStatus } from '@alumni/shared';

const HOUR_MS = 60 * 60 * 1000;

export interface EventBatch {
  count: number;
  status: EventStatus;
  /** The first event starts this long from now, each next one `spacingHours` later; negative for past events. */
  startsInHours: number;
  spacingHours?: number;
  capacity: number;
  waitlistEnabled: boolean;
  audience?: EventAudience;
  questions?: EventQuestion[];
  /** Null: sign-up opens when the event is published. */
  signupOpensAt?: Date | null;
  /** Null: sign-up closes when the event starts. */
  signupClosesAt?: Date | null;
}

/** Inserts offline two-hour events in one INSERT … SELECT over generate_series; returns their ids in start order. */
export async function insertEvents(pool: pg.Pool, batch: EventBatch): Promise<string[]> {
  const firstStart = new Date(Math.floor(Date.now() / 1000) * 1000 + batch.startsInHours * HOUR_MS);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO events (title, kind, status, description, starts_at, ends_at, city, venue, address, latitude, longitude,
                         online, capacity, confirmed_count, waitlist_enabled, audience, questions, signup_opens_at,
                         signup_closes_at, contact_name, contact_phone)
     SELECT '压测活动 ' || g, 'meetup', $1, '<p>基准测试生成的活动</p>',
            $2::timestamptz + (g - 1) * $3::float8 * interval '1 hour',
            $2::timestamptz + (g - 1) * $3::float8 * interval '1 hour' + interval '2 hours',
            '江州', '大礼堂', '江州市学府路 1 号', 30.5, 114.3,
            false, $4, 0, $5, $6, $7, $8, $9, '王老师', '0710-1234567'
     FROM generate_series(1, $10::int) AS g
     ORDER BY g
     RETURNING id`,
    [
      batch.status,
      firstStart,
      batch.spacingHours ?? 1,
      batch.capacity,
      batch.waitlistEnabled,
      JSON.stringify(batch.audience ?? { kind: 'everyone' }),
      JSON.stringify(batch.questions ?? []),
      batch.signupOpensAt ?? null,
      batch.signupClosesAt ?? null,
      batch.count,
    ],
  );
  return rows.map((row) => row.id);
}
