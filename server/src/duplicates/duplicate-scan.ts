import { DUPLICATE_REASONS, DUPLICATE_THRESHOLD, type DuplicateReason } from '@alumni/shared';
import { namePinyin } from './name-pinyin.js';

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
 *   class are usually two people;
 * - the same pinyin in the same class (a homophone, the slip of a pinyin input method: 张伟 /
 *   章伟, 25 + 10 + 10 and the year or the year one off), two-character names included.
 * The name is the real name where known, else the display name, read as the directory reads
 * text (`alumni_search_text`); its pinyin is `namePinyin` of that text.
 *
 * Two kinds of pair are scanned with the same points: two accounts, and an account that is not
 * verified with a roster entry nobody claimed (the graduate whose claim failed to match: a name
 * variant, a typo in the year). The account side of the latter is the profile and every claim
 * that matched no entry (what the alumnus typed); a roster entry has no phone or unionid, so
 * only the name, pinyin, year, department and class blocks apply, and the pair takes its best
 * score.
 */

/**
 * The records compared, and their blocking keys, as temporary tables of the scan's transaction:
 * with statistics (ANALYZE) the planner joins pairs back by id; over CTEs it guessed one row
 * and crossed every record with every other. A block is one 64-bit hash of what a pair must
 * share (`hashtextextended`): pairs are found by hash joins on one bigint, where joining on
 * the texts themselves sorted them by collation (merge joins over 1.5 million rows) and spilled
 * to disk; a collision (2⁻⁶⁴ a pair) only has a pair scored, and the scoring compares the
 * values themselves.
 */
const block = (...parts: string[]) => `hashtextextended(${parts.join(` || '|' || `)}, 0)`;

/** Deletion keys: the name and, for three characters or more, the name with each one left out, in one class. */
const nameKeys = (table: string, from: string) =>
  `CREATE TEMPORARY TABLE ${table} ON COMMIT DROP AS
   SELECT p.id, ${block(`CASE WHEN i = 0 THEN p.nm ELSE overlay(p.nm PLACING '' FROM i FOR 1) END`, 'p.yr', 'p.dep', 'p.cls')} AS block
     FROM ${from} p CROSS JOIN LATERAL generate_series(0, CASE WHEN length(p.nm) >= 3 THEN length(p.nm) ELSE 0 END) AS i
    WHERE p.cls IS NOT NULL AND p.yr IS NOT NULL AND p.dep IS NOT NULL AND length(p.nm) >= 2`;

/**
 * The same name in the same department (40) and the same year, or the same class (50 either
 * way; a year one off with the same class, 55): two blocks, each an equality; and the same
 * pinyin in the same class (a homophone: 25 + 10 + 10 and the year, or the year one off). Null
 * where a part is missing (such a name cannot reach the threshold).
 */
const NAME_BLOCKS = `CASE WHEN nm <> '' AND dep IS NOT NULL AND yr IS NOT NULL THEN ${block('nm', 'dep', 'yr')} END AS year_block,
   CASE WHEN nm <> '' AND dep IS NOT NULL AND cls IS NOT NULL THEN ${block('nm', 'dep', 'cls')} END AS class_block,
   CASE WHEN py <> '' AND dep IS NOT NULL AND cls IS NOT NULL AND yr IS NOT NULL THEN ${block('py', 'dep', 'cls')} END AS pinyin_block`;

/** An alumni record as the scan reads it (`a`: alumni). */
const ALUMNUS_NAME = `alumni_search_text(COALESCE(NULLIF(a.real_name, ''), a.display_name))`;

/** Accounts that could still claim an entry: live, not verified, holding none. */
const SEEKING = `a.deleted_at IS NULL AND a.verified_at IS NULL AND NOT EXISTS (SELECT 1 FROM roster_entries r WHERE r.claimed_by = a.id)`;

/**
 * The records compared, read first without their blocks (`*_read`): the pinyin of their names
 * is computed between (`runScan`), then the tables with blocks are made from them.
 */
export const READ_SQL = [
  `CREATE TEMPORARY TABLE people_read ON COMMIT DROP AS
   SELECT a.id, ${ALUMNUS_NAME} AS nm, a.graduation_year AS yr, a.department_id AS dep, NULLIF(a.class_name, '') AS cls,
          a.phone_hash, NULLIF(a.unionid, '') AS unionid
     FROM alumni a WHERE a.deleted_at IS NULL`,
  // The account side of account–entry pairs: one row (`id`, a row of its own) per account and
  // way it named itself; the entry side: unclaimed roster entries.
  `CREATE TEMPORARY TABLE seekers_read ON COMMIT DROP AS
   SELECT row_number() OVER () AS id, s.* FROM (
     SELECT a.id AS alumnus_id, ${ALUMNUS_NAME} AS nm, a.graduation_year AS yr, a.department_id AS dep, NULLIF(a.class_name, '') AS cls
       FROM alumni a WHERE ${SEEKING}
     UNION
     SELECT a.id, alumni_search_text(c.name), c.graduation_year, c.department_id, NULLIF(c.class_name, '')
       FROM verification_claims c JOIN alumni a ON a.id = c.alumnus_id
      WHERE c.status IN ('pending', 'rejected', 'withdrawn') AND ${SEEKING}
   ) s`,
  `CREATE TEMPORARY TABLE entries_read ON COMMIT DROP AS
   SELECT id, alumni_search_text(name) AS nm, graduation_year AS yr, department_id AS dep, NULLIF(class_name, '') AS cls
     FROM roster_entries WHERE claimed_by IS NULL`,
];

/** Every name the scan compares, once: the pinyin is computed per name, not per record. */
export const NAMES_SQL = `SELECT nm FROM people_read UNION SELECT nm FROM seekers_read UNION SELECT nm FROM entries_read`;

/** The pinyin of the names that have one other than themselves (`$1` names, `$2` their pinyin). */
export const PINYIN_SQL = `CREATE TEMPORARY TABLE name_pinyin ON COMMIT DROP AS SELECT * FROM unnest($1::text[], $2::text[]) AS n(nm, py)`;

/** `table` from `${table}_read`, with the pinyin of its names and its blocks. */
const withBlocks = (table: string) =>
  `CREATE TEMPORARY TABLE ${table} ON COMMIT DROP AS
   SELECT *, ${NAME_BLOCKS} FROM (
     SELECT r.*, COALESCE(n.py, r.nm) AS py FROM ${table}_read r LEFT JOIN name_pinyin n ON n.nm = r.nm
   ) p`;

export const BLOCKS_SQL = [
  `ANALYZE name_pinyin`,
  withBlocks('people'),
  withBlocks('seekers'),
  withBlocks('entries'),
  `CREATE UNIQUE INDEX ON people (id)`,
  `CREATE UNIQUE INDEX ON seekers (id)`,
  `CREATE UNIQUE INDEX ON entries (id)`,
  nameKeys('name_keys', 'people'),
  nameKeys('seeker_keys', 'seekers'),
  nameKeys('entry_keys', 'entries'),
  `ANALYZE people`,
  `ANALYZE seekers`,
  `ANALYZE entries`,
  `ANALYZE name_keys`,
  `ANALYZE seeker_keys`,
  `ANALYZE entry_keys`,
];

const points = (reason: DuplicateReason) => DUPLICATE_REASONS[reason].points;

/**
 * The pairs of `left` × `right` (tables of id and the name blocks) that share a name block, a
 * pinyin block with names that differ (the same names share the class block), or a deletion
 * key in one class (`leftKeys`, `rightKeys`). `ordered`: one table with itself, each
 * pair once.
 */
const blockedByName = (left: string, right: string, leftKeys: string, rightKeys: string, ordered: boolean) => {
  const once = ordered ? ' AND a.id < b.id' : '';
  return `
    SELECT a.id AS a, b.id AS b, false AS variant FROM ${left} a JOIN ${right} b ON b.year_block = a.year_block${once}
    UNION ALL
    SELECT a.id, b.id, false FROM ${left} a JOIN ${right} b ON b.class_block = a.class_block${once}
    UNION ALL
    SELECT a.id, b.id, false FROM ${left} a JOIN ${right} b ON b.pinyin_block = a.pinyin_block AND b.nm <> a.nm${once}
    UNION ALL
    SELECT DISTINCT a.id, b.id, true FROM ${leftKeys} a JOIN ${rightKeys} b ON b.block = a.block${once}`;
};

/** Compares the blocked pairs' two sides (`a`, `b`): which reasons hold. */
const compared = (withContacts: boolean) => `
  SELECT p.a, p.b,
         ${withContacts ? 'a.unionid = b.unionid' : 'false'} AS same_unionid, ${withContacts ? 'a.phone_hash = b.phone_hash' : 'false'} AS same_phone,
         a.nm = b.nm AS same_name, a.py = b.py AS same_pinyin, p.variant AND a.nm <> b.nm AS similar_name,
         a.yr = b.yr AS same_year, abs(a.yr - b.yr) = 1 AS near_year, a.dep = b.dep AS same_dep, a.cls = b.cls AS same_class`;

/** Scores the compared pairs (DUPLICATE_REASONS): reasons in the documented order, and points. */
const SCORED = `
  SELECT a, b,
         array_remove(ARRAY[
           CASE WHEN same_unionid THEN 'unionid' END,
           CASE WHEN same_phone THEN 'phone' END,
           CASE WHEN same_name THEN 'name' WHEN same_pinyin THEN 'pinyin' WHEN similar_name THEN 'similarName' END,
           CASE WHEN same_year THEN 'year' WHEN near_year THEN 'nearYear' END,
           CASE WHEN same_dep THEN 'department' END,
           CASE WHEN same_class THEN 'className' END
         ], NULL) AS reasons,
         CASE WHEN same_unionid THEN ${points('unionid')} ELSE 0 END
           + CASE WHEN same_phone THEN ${points('phone')} ELSE 0 END
           + CASE WHEN same_name THEN ${points('name')} WHEN same_pinyin THEN ${points('pinyin')} WHEN similar_name THEN ${points('similarName')} ELSE 0 END
           + CASE WHEN same_year THEN ${points('year')} WHEN near_year THEN ${points('nearYear')} ELSE 0 END
           + CASE WHEN same_dep THEN ${points('department')} ELSE 0 END
           + CASE WHEN same_class THEN ${points('className')} ELSE 0 END AS score
    FROM compared`;

/**
 * Refreshes the queue's open pairs of one kind from `found` (a, b, score, reasons): pairs no
 * longer found go, new ones come, changed ones are rescored; decided pairs are left alone, so a
 * dismissed pair stays dismissed. Answers how many pairs were queued for the first time.
 */
const refreshed = (other: 'other_alumnus_id' | 'roster_entry_id') => `
, gone AS (
  DELETE FROM duplicate_candidates d
   WHERE d.status = 'open' AND d.${other} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM found f WHERE f.a = d.alumnus_id AND f.b = d.${other})
), kept AS (
  INSERT INTO duplicate_candidates AS d (alumnus_id, ${other}, score, reasons)
  SELECT a, b, score, reasons FROM found
  ON CONFLICT (alumnus_id, ${other}) WHERE ${other} IS NOT NULL DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons
   WHERE d.status = 'open' AND (d.score, d.reasons) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.reasons)
  RETURNING (xmax = 0) AS added
)
SELECT count(*) FILTER (WHERE added)::int AS added FROM kept`;

export const SCAN_SQL = `
WITH pairs AS (
  SELECT a, b, bool_or(variant) AS variant FROM (
    SELECT a.id AS a, b.id AS b, false AS variant FROM people a JOIN people b ON b.unionid = a.unionid AND a.id < b.id
     WHERE a.unionid IS NOT NULL
    UNION ALL
    SELECT a.id, b.id, false FROM people a JOIN people b ON b.phone_hash = a.phone_hash AND a.id < b.id
     WHERE a.phone_hash IS NOT NULL
    UNION ALL${blockedByName('people', 'people', 'name_keys', 'name_keys', true)}
  ) blocked GROUP BY a, b
), compared AS (${compared(true)}
    FROM pairs p JOIN people a ON a.id = p.a JOIN people b ON b.id = p.b
), scored AS (${SCORED}
), found AS MATERIALIZED (
  SELECT a, b, least(score, 100) AS score, reasons FROM scored WHERE score >= ${DUPLICATE_THRESHOLD}
)${refreshed('other_alumnus_id')}`;

export const ROSTER_SCAN_SQL = `
WITH pairs AS (
  SELECT a, b, bool_or(variant) AS variant FROM (${blockedByName('seekers', 'entries', 'seeker_keys', 'entry_keys', false)}
  ) blocked GROUP BY a, b
), compared AS (${compared(false)}
    FROM pairs p JOIN seekers a ON a.id = p.a JOIN entries b ON b.id = p.b
), scored AS (${SCORED}
), found AS MATERIALIZED (
  SELECT DISTINCT ON (s.alumnus_id, x.b) s.alumnus_id AS a, x.b, least(x.score, 100) AS score, x.reasons
    FROM scored x JOIN seekers s ON s.id = x.a
   WHERE x.score >= ${DUPLICATE_THRESHOLD}
   ORDER BY s.alumnus_id, x.b, x.score DESC
)${refreshed('roster_entry_id')}`;

/**
 * The scan is one batch over every record: its hashes and sorts stay in memory (at the default
 * 4 MB they spilled to disk), and its statements are not JIT-compiled (over a hundred functions
 * compiled for one run), for this transaction only.
 */
export const SCAN_SETTINGS = [`SET LOCAL work_mem = '64MB'`, `SET LOCAL jit = off`];

/** Runs the scan in the caller's transaction; answers how many pairs it queued for the first time. */
export async function runScan(query: (sql: string, parameters?: unknown[]) => Promise<unknown>): Promise<number> {
  for (const statement of [...SCAN_SETTINGS, ...READ_SQL]) await query(statement);
  // PostgreSQL has no pinyin: each distinct name goes through the library once, and only the
  // names whose pinyin is not themselves (those with Han characters) come back.
  const names = ((await query(NAMES_SQL)) as { nm: string }[]).map((row) => row.nm);
  const sounded = names.map((name) => [name, namePinyin(name)] as const).filter(([name, py]) => py !== name);
  await query(PINYIN_SQL, [sounded.map(([name]) => name), sounded.map(([, py]) => py)]);
  for (const statement of BLOCKS_SQL) await query(statement);
  const [accounts] = (await query(SCAN_SQL)) as [{ added: number }];
  const [entries] = (await query(ROSTER_SCAN_SQL)) as [{ added: number }];
  return accounts.added + entries.added;
}
