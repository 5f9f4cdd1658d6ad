import { DUPLICATE_REASONS, DUPLICATE_THRESHOLD, type DuplicateReason } from '@alumni/shared';

/**
 * The scan of duplicate candidates in SQL (docs/reach.md, Duplicate records). Comparing every
 * pair of 100,000 records is 5·10⁹ pairs; only pairs sharing a blocking key are scored, and
 * the keys are the cheapest that can still reach DUPLICATE_THRESHOLD under DUPLICATE_REASONS
 * (change the points, check the blocks):
 * - the same WeChat unionid, or the same phone hash (50 and 40 points: the rest follows);
 * - the same name in the same department, years at most one apart (name 30 + department 10 +
 *   year 10, or + near year 5 + class 10: without the department a name cannot reach 50);
 * - a one-character variant in the same class (same year, department and class: 20 + 10 +
 *   10 + 10), found by deletion keys: each name of three or more characters also stands for
 *   itself with one character left out, so 张伟华 / 张炜华 (a character replaced) and 欧阳娜 /
 *   欧阳娜娜 (one added) share a key. Two-character names are not varied: 张伟 / 张芳 in one
 *   class are usually two people.
 * The name is the real name where known, else the display name, read as the directory reads
 * text (`alumni_search_text`).
 */

/**
 * The records compared, and their name keys, as temporary tables of the scan's transaction:
 * with statistics (ANALYZE) the planner joins pairs back by id; over CTEs it guessed one row
 * and crossed every record with every other.
 */
export const PEOPLE_SQL = [
  `CREATE TEMPORARY TABLE people ON COMMIT DROP AS
   SELECT id, alumni_search_text(COALESCE(NULLIF(real_name, ''), display_name)) AS nm,
          graduation_year AS yr, department_id AS dep, NULLIF(class_name, '') AS cls, phone_hash, NULLIF(unionid, '') AS unionid
     FROM alumni WHERE deleted_at IS NULL`,
  `CREATE UNIQUE INDEX ON people (id)`,
  `CREATE TEMPORARY TABLE name_keys ON COMMIT DROP AS
   SELECT p.id, p.yr, p.dep, p.cls, CASE WHEN i = 0 THEN p.nm ELSE overlay(p.nm PLACING '' FROM i FOR 1) END AS k
     FROM people p CROSS JOIN LATERAL generate_series(0, CASE WHEN length(p.nm) >= 3 THEN length(p.nm) ELSE 0 END) AS i
    WHERE p.cls IS NOT NULL AND p.yr IS NOT NULL AND p.dep IS NOT NULL AND length(p.nm) >= 2`,
  `ANALYZE people`,
  `ANALYZE name_keys`,
];

const points = (reason: DuplicateReason) => DUPLICATE_REASONS[reason].points;

export const SCAN_SQL = `
WITH pairs AS (
  SELECT a, b, bool_or(variant) AS variant FROM (
    SELECT a.id AS a, b.id AS b, false AS variant FROM people a JOIN people b ON b.unionid = a.unionid AND a.id < b.id
    UNION ALL
    SELECT a.id, b.id, false FROM people a JOIN people b ON b.phone_hash = a.phone_hash AND a.id < b.id
    UNION ALL
    SELECT a.id, b.id, false FROM people a JOIN people b ON b.nm = a.nm AND b.dep = a.dep AND a.id < b.id
     WHERE a.nm <> '' AND (a.yr IS NULL OR b.yr IS NULL OR abs(a.yr - b.yr) <= 1)
    UNION ALL
    SELECT DISTINCT a.id, b.id, true FROM name_keys a
      JOIN name_keys b ON b.k = a.k AND b.yr = a.yr AND b.dep = a.dep AND b.cls = a.cls AND a.id < b.id
  ) blocked GROUP BY a, b
), compared AS (
  SELECT p.a, p.b,
         a.unionid = b.unionid AS same_unionid, a.phone_hash = b.phone_hash AS same_phone,
         a.nm = b.nm AS same_name, p.variant AND a.nm <> b.nm AS similar_name,
         a.yr = b.yr AS same_year, abs(a.yr - b.yr) = 1 AS near_year, a.dep = b.dep AS same_dep, a.cls = b.cls AS same_class
    FROM pairs p JOIN people a ON a.id = p.a JOIN people b ON b.id = p.b
), scored AS (
  SELECT a, b,
         array_remove(ARRAY[
           CASE WHEN same_unionid THEN 'unionid' END,
           CASE WHEN same_phone THEN 'phone' END,
           CASE WHEN same_name THEN 'name' WHEN similar_name THEN 'similarName' END,
           CASE WHEN same_year THEN 'year' WHEN near_year THEN 'nearYear' END,
           CASE WHEN same_dep THEN 'department' END,
           CASE WHEN same_class THEN 'className' END
         ], NULL) AS reasons,
         CASE WHEN same_unionid THEN ${points('unionid')} ELSE 0 END
           + CASE WHEN same_phone THEN ${points('phone')} ELSE 0 END
           + CASE WHEN same_name THEN ${points('name')} WHEN similar_name THEN ${points('similarName')} ELSE 0 END
           + CASE WHEN same_year THEN ${points('year')} WHEN near_year THEN ${points('nearYear')} ELSE 0 END
           + CASE WHEN same_dep THEN ${points('department')} ELSE 0 END
           + CASE WHEN same_class THEN ${points('className')} ELSE 0 END AS score
    FROM compared
), found AS MATERIALIZED (
  SELECT a, b, least(score, 100) AS score, reasons FROM scored WHERE score >= ${DUPLICATE_THRESHOLD}
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

/** Runs the scan in the caller's transaction; answers how many pairs it queued for the first time. */
export async function runScan(query: (sql: string) => Promise<unknown>): Promise<number> {
  for (const statement of PEOPLE_SQL) await query(statement);
  const [row] = (await query(SCAN_SQL)) as [{ added: number }];
  return row.added;
}
