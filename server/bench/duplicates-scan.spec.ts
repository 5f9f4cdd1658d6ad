import { loadavg } from 'node:os';
import pg from 'pg';
import { createTestDatabase } from '../test/test-database.js';
import { runScan } from '../src/duplicates/duplicate-scan.js';
import { insertAlumni } from './generators/alumni.js';
import { insertSchool } from './generators/school.js';

// Both spellings: the docs and the issue have used each.
const SIZE = Number(process.env.DUPLICATES_SCAN_ALUMNI ?? process.env.DUPLICATE_SCAN_ALUMNI ?? 0);
/** Keeps the generated database and prints its URL, for EXPLAIN ANALYZE by hand (drop it afterwards). */
const KEEP = process.env.DUPLICATES_SCAN_KEEP === '1';

/**
 * The duplicate scan at size (docs/reach.md, Duplicate records): `DUPLICATES_SCAN_ALUMNI=100000`
 * generates that many alumni with the bench generators and a roster for them, plants known
 * duplicates and prints the scan's time (a first scan, then a second over the same records, as
 * the nightly one finds the queue already filled) with the load average. Off by default; what it
 * asserts is that every planted pair is found:
 * - 100 second accounts: a sixth with a typo in the name (names of three characters: two-character
 *   names are not varied, docs/reach.md), a sixth with the surname a homophone (章 for 张: the
 *   same pinyin, any length), a third the year one off, a third the same phone;
 * - 100 unverified accounts and the unclaimed roster entry their claim missed: a quarter with a
 *   name typo, a quarter with a homophone surname, half the year one off.
 * The roster lists every account but a tenth (those sign in unverified), and half as many again
 * graduates nobody claimed, drawn from the same names.
 */
describe.skipIf(SIZE === 0)('duplicate scan at size', () => {
  it(`finds planted duplicates among ${SIZE} alumni`, { timeout: 30 * 60_000 }, async () => {
    const db = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const departmentIds = await insertSchool(pool);
      const ids = await insertAlumni(pool, { tag: 'dup', count: SIZE, verified: true, departmentIds, graduationYears: [1990, 2024] });
      // Classes of about 36 (ten a year in each department), as a college's are.
      await pool.query(
        `UPDATE alumni SET class_name = department_id::text || '-' || graduation_year || '-' || (abs(hashtext(id::text)) % 10)`,
      );
      const accounts = await plantSecondAccounts(pool, ids.slice(0, 100));
      const entries = await insertRoster(pool, ids.slice(100));
      await pool.query('ANALYZE');

      const scans: number[] = [];
      let added = 0;
      for (const pass of [1, 2]) {
        const client = await pool.connect();
        const started = performance.now();
        try {
          await client.query('BEGIN');
          const queued = await runScan(async (sql, parameters) => (await client.query(sql, parameters)).rows);
          if (pass === 1) added = queued;
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        scans.push(Math.round(performance.now() - started));
      }
      const { rows: found } = await pool.query<{ a: string; b: string }>(
        `SELECT alumnus_id AS a, coalesce(other_alumnus_id, roster_entry_id) AS b FROM duplicate_candidates WHERE status = 'open'`,
      );
      const pairs = new Set(found.map((row) => `${row.a}|${row.b}`));
      const missedAccounts = accounts.filter(({ original, copy }) => !pairs.has([original, copy].sort().join('|')));
      const missedEntries = entries.filter(({ alumnus, entry }) => !pairs.has(`${alumnus}|${entry}`));
      const [one, five, fifteen] = loadavg().map((n) => n.toFixed(1));
      console.log(
        `duplicate scan: ${SIZE + accounts.length} alumni, ${added} pairs queued; first scan ${scans[0]} ms, second ${scans[1]} ms; ` +
          `load average ${one} ${five} ${fifteen}`,
      );
      if (KEEP) console.log(`kept: ${db.url}`);
      expect(missedAccounts).toEqual([]);
      expect(missedEntries).toEqual([]);
    } finally {
      await pool.end();
      if (!KEEP) await db.drop();
    }
  });
});

/**
 * The name with its surname replaced by one that sounds the same (the bench generator's
 * surnames), as a pinyin input method's wrong candidate.
 */
const HOMOPHONE = (name: string) => `translate(left(${name}, 1), '张王李刘陈杨黄赵', '章汪理留晨阳皇照') || substr(${name}, 2)`;

/** Second accounts of `planted`: a sixth a name typo, a sixth a homophone, a third the year one off, a third the same phone as the first. */
async function plantSecondAccounts(pool: pg.Pool, planted: string[]): Promise<{ original: string; copy: string }[]> {
  const { rows } = await pool.query<{ original: string; copy: string }>(
    `INSERT INTO alumni (openid, display_name, real_name, department_id, roles, graduation_year, class_name, phone_encrypted, phone_hash, phone_masked)
     SELECT 'o_dup_copy_' || o.n, a.display_name,
            CASE WHEN o.n % 6 = 0 AND length(a.real_name) >= 3 THEN left(a.real_name, 1) || '某' || substr(a.real_name, 3)
                 WHEN o.n % 6 = 3 THEN ${HOMOPHONE('a.real_name')} ELSE a.real_name END,
            a.department_id, '{alumnus}',
            a.graduation_year + CASE WHEN o.n % 3 = 1 THEN 1 ELSE 0 END, a.class_name,
            CASE WHEN o.n % 3 = 2 THEN 'x' END, CASE WHEN o.n % 3 = 2 THEN 'ph' || o.n END, CASE WHEN o.n % 3 = 2 THEN '138****0000' END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) JOIN alumni a ON a.id = o.id
     RETURNING (SELECT o2.id FROM unnest($1::uuid[]) WITH ORDINALITY AS o2(id, n) WHERE 'o_dup_copy_' || o2.n = openid) AS original, id AS copy`,
    [planted],
  );
  await pool.query(
    `UPDATE alumni a SET phone_encrypted = 'x', phone_hash = 'ph' || o.n, phone_masked = '138****0000'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE a.id = o.id AND o.n % 3 = 2`,
    [planted],
  );
  return rows;
}

/**
 * The roster: an entry claimed by each of `ids` but every tenth, who signed in and is not
 * verified; half as many entries nobody claimed (the same names, other years and classes); and
 * for the first 100 unverified accounts (their profile only a WeChat nickname), the entry their
 * claim missed and the claim itself (a name typo, a homophone surname, or the year one off).
 */
async function insertRoster(pool: pg.Pool, ids: string[]): Promise<{ alumnus: string; entry: string }[]> {
  await pool.query(
    `WITH listed AS (SELECT id, n FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n))
     UPDATE alumni a SET verified_at = NULL FROM listed l WHERE a.id = l.id AND l.n % 10 = 0`,
    [ids],
  );
  await pool.query(
    `INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name, claimed_by, claimed_at)
     SELECT 'S' || o.n, a.real_name, a.graduation_year, a.department_id, a.class_name, a.id, now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) JOIN alumni a ON a.id = o.id WHERE o.n % 10 <> 0`,
    [ids],
  );
  await pool.query(
    `INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name)
     SELECT 'U' || o.n, a.real_name, 1990 + (a.graduation_year + 7) % 35, a.department_id,
            a.department_id::text || '-' || (1990 + (a.graduation_year + 7) % 35) || '-' || (o.n % 10)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) JOIN alumni a ON a.id = o.id WHERE o.n % 2 = 0`,
    [ids],
  );
  // The first 100 unverified: the entry their claim missed (a name typo, a homophone, or the year one off).
  const seekers = ids.filter((_, i) => (i + 1) % 10 === 0).slice(0, 100);
  const { rows } = await pool.query<{ alumnus: string; entry: string }>(
    `WITH planted AS (
       SELECT a.id AS alumnus, o.n, a.real_name, a.graduation_year, a.department_id, a.class_name
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) JOIN alumni a ON a.id = o.id
     ), claims AS (
       INSERT INTO verification_claims (alumnus_id, status, name, graduation_year, department_id, class_name)
       SELECT alumnus, 'pending',
              CASE WHEN n % 4 = 0 AND length(real_name) >= 3 THEN left(real_name, 1) || '某' || substr(real_name, 3)
                   WHEN n % 4 = 2 THEN ${HOMOPHONE('real_name')} ELSE real_name END,
              graduation_year + CASE WHEN n % 2 = 1 THEN 1 ELSE 0 END, department_id, class_name
         FROM planted
     )
     INSERT INTO roster_entries (student_number, name, graduation_year, department_id, class_name)
     SELECT 'P' || n, real_name, graduation_year, department_id, class_name FROM planted
     RETURNING (SELECT alumnus FROM planted WHERE 'P' || planted.n = student_number) AS alumnus, id AS entry`,
    [seekers],
  );
  // They signed in with WeChat and said who they are only in the claim.
  await pool.query(`UPDATE alumni SET real_name = NULL, graduation_year = NULL, class_name = NULL WHERE id = ANY($1::uuid[])`, [seekers]);
  return rows;
}
