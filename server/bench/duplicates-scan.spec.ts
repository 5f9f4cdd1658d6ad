import pg from 'pg';
import { createTestDatabase } from '../test/test-database.js';
import { runScan } from '../src/duplicates/duplicate-scan.js';
import { insertAlumni } from './generators/alumni.js';
import { insertSchool } from './generators/school.js';

const SIZE = Number(process.env.DUPLICATES_SCAN_ALUMNI ?? 0);

/**
 * The duplicate scan at size (docs/reach.md, Duplicate records): `DUPLICATES_SCAN_ALUMNI=100000`
 * generates that many alumni with the bench generators, plants known duplicates (a second
 * account with a changed phone, a name typo, a year typo) and prints the scan's time. Off by
 * default (minutes of generation); what it asserts is that every planted pair is found.
 */
describe.skipIf(SIZE === 0)('duplicate scan at size', () => {
  it(`finds planted duplicates among ${SIZE} alumni`, { timeout: 30 * 60_000 }, async () => {
    const db = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const departmentIds = await insertSchool(pool);
      const ids = await insertAlumni(pool, { tag: 'dup', count: SIZE, verified: true, departmentIds, graduationYears: [1990, 2024] });
      await pool.query(
        `UPDATE alumni SET class_name = department_id::text || '-' || graduation_year || '-' || (abs(hashtext(id::text)) % 10)`,
      );
      // Classes of about 36 (ten a year in each department), as a college's are.
      // Planted: 100 second accounts, a third with a typo in the name (names of three characters: two-character names
      // are not varied, docs/reach.md), a third the year one off, a third the same phone.
      const planted = ids.slice(0, 100);
      const { rows } = await pool.query<{ original: string; copy: string }>(
        `INSERT INTO alumni (openid, display_name, real_name, department_id, roles, graduation_year, class_name, phone_encrypted, phone_hash, phone_masked)
         SELECT 'o_dup_copy_' || o.n, a.display_name,
                CASE WHEN o.n % 3 = 0 AND length(a.real_name) >= 3 THEN left(a.real_name, 1) || '某' || substr(a.real_name, 3) ELSE a.real_name END,
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
      await pool.query('ANALYZE alumni');
      const client = await pool.connect();
      let added: number;
      const started = performance.now();
      try {
        await client.query('BEGIN');
        added = await runScan(async (sql) => (await client.query(sql)).rows);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const ms = Math.round(performance.now() - started);
      const { rows: found } = await pool.query<{ a: string; b: string }>(
        `SELECT alumnus_id AS a, other_alumnus_id AS b FROM duplicate_candidates WHERE status = 'open'`,
      );
      const pairs = new Set(found.map((row) => `${row.a}|${row.b}`));
      const missed = rows.filter(({ original, copy }) => !pairs.has([original, copy].sort().join('|')));
      console.log(`duplicate scan: ${SIZE + rows.length} alumni, ${added} pairs queued, ${ms} ms`);
      expect(missed).toEqual([]);
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
