-- Synthetic college for the query plans in docs/engagement.md (psql, on a migrated, empty database):
--   psql "$DATABASE_URL" -v alumni=100000 -v interactions=10000 -f generate.sql
-- Run it again with a larger :interactions to add rows.
\set ON_ERROR_STOP on
SELECT setseed(0.2026);

INSERT INTO departments (name, sort_order)
SELECT '院系' || g, g FROM generate_series(1, 20) g
WHERE NOT EXISTS (SELECT 1 FROM departments);

-- 100,000 alumni: 60% signed in, 40% verified, 45% with a bound phone, cities skewed to a few.
INSERT INTO alumni (display_name, real_name, graduation_year, department_id, city, employer, openid, verified_at,
                    phone_encrypted, phone_hash, phone_masked, created_at)
SELECT '校友' || g, '姓名' || g, 1980 + g % 45, (ARRAY(SELECT id FROM departments ORDER BY sort_order))[1 + g % 20],
       (ARRAY['杭州', '上海', '北京', '深圳', '江州', '南京', '武汉', '成都', NULL])[1 + (g * 7) % 9],
       CASE WHEN g % 3 = 0 THEN '公司' || g % 500 END,
       CASE WHEN g % 5 < 3 THEN 'o_gen_' || g END,
       CASE WHEN g % 5 < 2 THEN now() - (g % 1500) * interval '1 day' END,
       CASE WHEN g % 20 < 9 THEN 'gen:' || g END, CASE WHEN g % 20 < 9 THEN 'hash' || g END, CASE WHEN g % 20 < 9 THEN '138****' || lpad((g % 10000)::text, 4, '0') END,
       now() - (g % 1800) * interval '1 day'
FROM generate_series(1, :alumni) g
WHERE (SELECT count(*) FROM alumni) < :alumni;

-- Interactions over five years; alumni drawn with a skew (some are far more active than others).
WITH ids AS (SELECT ARRAY(SELECT id FROM alumni ORDER BY id) AS a),
     kinds AS (SELECT ARRAY['identity.signed_up', 'identity.profile_updated', 'identity.phone_bound', 'events.registered',
                            'events.checked_in', 'events.checked_in', 'groups.joined', 'groups.posted', 'groups.posted',
                            'giving.donated', 'offline.visit', 'offline.phone_call', 'events.cancelled', 'events.no_show'] AS k)
INSERT INTO interactions (alumnus_id, kind, detail, occurred_at)
SELECT ids.a[1 + floor(power(random(), 2) * array_length(ids.a, 1))::int],
       kinds.k[1 + (g % 14)],
       CASE g % 14 WHEN 9 THEN jsonb_build_object('amountFen', 1000 * (1 + g % 200), 'campaignId', 'c' || g % 12)
                   WHEN 1 THEN jsonb_build_object('fields', CASE WHEN g % 2 = 0 THEN '["city"]'::jsonb ELSE '["employer","bio"]'::jsonb END)
                   ELSE '{}'::jsonb END,
       date_trunc('milliseconds', now() - random() * interval '5 years')
FROM generate_series(1, :interactions - (SELECT count(*) FROM interactions)) g, ids, kinds;

-- The runner (run-plans.mjs) then rebuilds the summaries with engagement_backfill and analyses the tables.
