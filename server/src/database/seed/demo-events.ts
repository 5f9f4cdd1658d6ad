import type { EntityManager } from 'typeorm';
import type { EventQuestion } from '@alumni/shared';

/** The homecoming's sign-up questions, so staff see answers in the registrants list and its export. */
export const HOMECOMING_QUESTIONS: EventQuestion[] = [
  {
    id: 'forum',
    kind: 'single',
    label: '参加哪个学院的座谈',
    required: true,
    options: ['机械工程学院', '信息工程学院', '经济管理学院', '不参加座谈'],
  },
  { id: 'activities', kind: 'multiple', label: '想参加的活动', required: false, options: ['校史馆参观', '校友林植树', '食堂怀旧午餐'] },
  { id: 'family', kind: 'text', label: '同行家属人数', required: false },
];

/**
 * Registrations behind every seeded event's headcount: exactly `confirmed_count` confirmed
 * alumni per published or finished event (the list, the check-in page and the export count
 * the same rows), four in five of a finished event's checked in, the homecoming's questions
 * answered. The demo sign-in accounts are left out, so a visitor signs up themselves.
 */
export async function seedDemoRegistrations(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO event_registrations (event_id, alumnus_id, status, answers, checked_in_at, created_at)
     SELECT e.id, a.id, 'confirmed',
            CASE WHEN jsonb_array_length(e.questions) = 0 THEN '{}'::jsonb
                 ELSE jsonb_build_object(
                        'forum', e.questions->0->'options'->>(a.rn % 4)::int,
                        'activities', CASE a.rn % 3 WHEN 0 THEN '["校史馆参观","校友林植树"]'::jsonb
                                                    WHEN 1 THEN '["食堂怀旧午餐"]'::jsonb ELSE '[]'::jsonb END,
                        'family', CASE WHEN a.rn % 4 = 0 THEN (a.rn % 3 + 1)::text ELSE '' END) END,
            CASE WHEN e.status = 'finished' AND a.rn % 5 <> 0 THEN e.starts_at + (a.rn % 40) * interval '1 minute' END,
            least(e.starts_at, now()) - (a.rn % 20 + 1) * interval '1 day' - (a.rn % 60) * interval '1 minute'
       FROM events e
       CROSS JOIN LATERAL (
         SELECT x.id, row_number() OVER (ORDER BY md5(x.id::text || e.id::text))::int AS rn
           FROM alumni x
          WHERE x.openid IS NULL AND x.deleted_at IS NULL
       ) a
      WHERE e.status IN ('published', 'finished') AND a.rn <= e.confirmed_count`,
  );
  const [short] = await manager.query(
    `SELECT e.title FROM events e
      WHERE e.confirmed_count <> (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') LIMIT 1`,
  );
  if (short) throw new Error(`not enough demo alumni to fill ${short.title}`);
}
