import type pg from 'pg';

const CITIES = ['江州', '上海', '北京', '深圳', '杭州', '武汉', '成都', '广州'];
const INDUSTRIES = ['教育', '互联网', '金融', '制造', '医疗', '政府', '传媒'];
// Common surnames, so a name search ("张") finds a realistic share; 8 × 9 names cycle independently of the other fields.
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵'];
const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇'];

export interface AlumniBatch {
  /** Makes this batch's openids unique among the batches of one run. */
  tag: string;
  count: number;
  /** Verified alumni pass a `verified` audience and are listed in the directory. */
  verified: boolean;
  /** Graduation years spread evenly over this range, both ends included. */
  graduationYears?: readonly [number, number];
  /** Departments assigned in turn; none when absent. */
  departmentIds?: readonly string[];
}

/**
 * Inserts signed-in alumni (openid, consent given) in one INSERT … SELECT over
 * generate_series: 100,000 rows take seconds, where the API would take minutes.
 * Cities, industries, real names and departments cycle through short lists so filters
 * find realistic shares.
 */
export async function insertAlumni(pool: pg.Pool, batch: AlumniBatch): Promise<string[]> {
  const [yearFrom, yearTo] = batch.graduationYears ?? [1990, 2024];
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO alumni (openid, display_name, real_name, department_id, roles, verified_at, graduation_year, city, industry,
                         consent_version, consented_at)
     SELECT 'o_bench_' || $1 || '_' || g,
            '校友' || $1 || '-' || g,
            ($8::text[])[1 + g % cardinality($8::text[])] || ($9::text[])[1 + g / cardinality($8::text[]) % cardinality($9::text[])],
            CASE WHEN cardinality($10::uuid[]) > 0 THEN ($10::uuid[])[1 + g % cardinality($10::uuid[])] END,
            '{alumnus}',
            CASE WHEN $2::boolean THEN now() - g * interval '1 second' END,
            $3::int + g % ($4::int - $3::int + 1),
            ($5::text[])[1 + g % cardinality($5::text[])],
            ($6::text[])[1 + g % cardinality($6::text[])],
            'bench',
            now()
     FROM generate_series(1, $7::int) AS g
     RETURNING id`,
    [batch.tag, batch.verified, yearFrom, yearTo, CITIES, INDUSTRIES, batch.count, SURNAMES, GIVEN_NAMES, batch.departmentIds ?? []],
  );
  return rows.map((row) => row.id);
}
