import { DUPLICATE_REASONS, DUPLICATE_THRESHOLD } from '@alumni/shared';

/**
 * The scan of duplicate candidates as one SQL statement (docs/reach.md, Duplicate records).
 * Comparing every pair of 100,000 records is 5·10⁹ pairs; instead only pairs sharing a
 * blocking key are scored:
 * - the same WeChat unionid, or the same phone hash;
 * - the same name (NFKC, letters and digits: `alumni_search_text`) with years at most one apart
 *   (or a year unknown);
 * - within one year and department, the same first or the same last character of the name:
 *   where a one-character variant (张伟 / 张玮, 欧阳娜 / 欧阳娜娜) is looked for.
 * Each pair is then scored by DUPLICATE_REASONS (shared); pairs from DUPLICATE_THRESHOLD on
 * are kept. The name is the real name where known, else the display name.
 *
 * The statement upserts open pairs (score and reasons refreshed), leaves dismissed and
 * merged pairs as they are, and removes open pairs no longer found; answers how many it added.
 */
export const SCAN_SQL = `
WITH people AS MATERIALIZED (
  SELECT id, alumni_search_text(COALESCE(NULLIF(real_name, ''), display_name)) AS nm,
         graduation_year AS yr, department_id AS dep, NULLIF(class_name, '') AS cls, phone_hash, NULLIF(unionid, '') AS unionid
    FROM alumni WHERE deleted_at IS NULL
), pairs AS (
  SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON b.unionid = a.unionid AND a.id < b.id
  UNION
  SELECT a.id, b.id FROM people a JOIN people b ON b.phone_hash = a.phone_hash AND a.id < b.id
  UNION
  SELECT a.id, b.id FROM people a JOIN people b ON b.nm = a.nm AND a.id < b.id
   WHERE a.nm <> '' AND (a.yr IS NULL OR b.yr IS NULL OR abs(a.yr - b.yr) <= 1)
  UNION
  SELECT a.id, b.id FROM people a JOIN people b
      ON b.yr = a.yr AND b.dep = a.dep AND left(b.nm, 1) = left(a.nm, 1) AND a.id < b.id AND b.nm <> a.nm
   WHERE a.nm <> ''
  UNION
  SELECT a.id, b.id FROM people a JOIN people b
      ON b.yr = a.yr AND b.dep = a.dep AND right(b.nm, 1) = right(a.nm, 1) AND a.id < b.id AND b.nm <> a.nm
   WHERE a.nm <> ''
), compared AS (
  SELECT p.a, p.b, a.nm = b.nm AS same_name,
         a.nm <> b.nm AND (
           -- One character replaced…
           (length(a.nm) = length(b.nm) AND length(a.nm) >= 2
             AND (SELECT count(*) FROM generate_series(1, length(a.nm)) i WHERE substr(a.nm, i, 1) <> substr(b.nm, i, 1)) = 1)
           -- …or one added (the shorter name inside the longer).
           OR (abs(length(a.nm) - length(b.nm)) = 1 AND least(length(a.nm), length(b.nm)) >= 2
             AND (strpos(a.nm, b.nm) > 0 OR strpos(b.nm, a.nm) > 0))
         ) AS similar_name,
         a.unionid = b.unionid AS same_unionid, a.phone_hash = b.phone_hash AS same_phone,
         a.yr = b.yr AS same_year, abs(a.yr - b.yr) = 1 AS near_year, a.dep = b.dep AS same_dep, a.cls = b.cls AS same_class
    FROM pairs p JOIN people a ON a.id = p.a JOIN people b ON b.id = p.b
), scored AS (
  SELECT a, b, r.reasons,
         (SELECT coalesce(sum((($1::jsonb) ->> reason)::int), 0) FROM unnest(r.reasons) reason) AS score
    FROM compared c
    CROSS JOIN LATERAL (SELECT array_remove(ARRAY[
      CASE WHEN c.same_unionid THEN 'unionid' END,
      CASE WHEN c.same_phone THEN 'phone' END,
      CASE WHEN c.same_name THEN 'name' WHEN c.similar_name THEN 'similarName' END,
      CASE WHEN c.same_year THEN 'year' WHEN c.near_year THEN 'nearYear' END,
      CASE WHEN c.same_dep THEN 'department' END,
      CASE WHEN c.same_class THEN 'className' END
    ], NULL) AS reasons) r
), found AS MATERIALIZED (
  SELECT a, b, least(score, 100) AS score, reasons FROM scored WHERE score >= $2
), gone AS (
  DELETE FROM duplicate_candidates d
   WHERE d.status = 'open' AND NOT EXISTS (SELECT 1 FROM found f WHERE f.a = d.alumnus_id AND f.b = d.other_alumnus_id)
), kept AS (
  INSERT INTO duplicate_candidates AS d (alumnus_id, other_alumnus_id, score, reasons)
  SELECT a, b, score, reasons FROM found
  ON CONFLICT (alumnus_id, other_alumnus_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons
   WHERE d.status = 'open'
  RETURNING (xmax = 0) AS added
)
SELECT count(*) FILTER (WHERE added)::int AS added FROM kept`;

export const SCAN_PARAMS = (): [string, number] => [
  JSON.stringify(Object.fromEntries(Object.entries(DUPLICATE_REASONS).map(([reason, { points }]) => [reason, points]))),
  DUPLICATE_THRESHOLD,
];
