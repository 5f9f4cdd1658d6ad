import type pg from 'pg';

const CITIES = ['江州', '上海', '北京', '深圳', '杭州', '武汉', '成都', '广州'];
const INDUSTRIES = ['教育', '互联网', '金融', '制造', '医疗', '政府', '传媒'];
// Common surnames, so a name search ("张") finds a realistic share; a third character on most
// names makes whole names rarer (张伟华: about 1 in 900), as they are.
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵'];
const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇'];
const THIRD_CHARACTERS = ['', '华', '强', '丽', '文', '军', '辉', '玲', '峰', '明', '涛', '平'];
/**
 * What alumni choose to show (alumnus.visibility; the rest follow DEFAULT_VISIBILITY, where city
 * and industry are "groups"): a quarter each, so the directory's filters meet every rule.
 */
const VISIBILITIES = [
  {},
  { city: 'everyone', industry: 'everyone' },
  { realName: 'staff', className: 'staff' },
  { city: 'staff', graduationYear: 'groups' },
].map((visibility) => JSON.stringify(visibility));

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
  /**
   * The newest of the batch was verified this many seconds ago, one second apart going back
   * (default 0): a batch that grows a table goes behind the rows already measured.
   */
  verifiedSecondsAgo?: number;
}

/**
 * Inserts signed-in alumni (openid, consent given) in one INSERT … SELECT over
 * generate_series: 100,000 rows take seconds, where the API would take minutes.
 * Each field draws from a short list by its own hash of the row number (`hashint4` with a
 * salt per field), so fields are independent of each other and filters find realistic
 * shares at any size: a surname, a city, a year and a visibility choice each cover the same
 * fraction of 100,000 rows as of 1,000,000.
 */
export async function insertAlumni(pool: pg.Pool, batch: AlumniBatch): Promise<string[]> {
  const [yearFrom, yearTo] = batch.graduationYears ?? [1990, 2024];
  // The n-th entry of a list, chosen by field (salt) and row.
  const pick = (list: string, salt: number) => `(${list})[1 + (hashint4(g * 16 + ${salt}) & 2147483647) % cardinality(${list})]`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO alumni (openid, display_name, real_name, department_id, roles, verified_at, graduation_year, city, industry,
                         visibility, consent_version, consented_at)
     SELECT 'o_bench_' || $1 || '_' || g,
            '校友' || $1 || '-' || g,
            ${pick('$8::text[]', 1)} || ${pick('$9::text[]', 2)} || ${pick('$11::text[]', 3)},
            CASE WHEN cardinality($10::uuid[]) > 0 THEN ${pick('$10::uuid[]', 4)} END,
            '{alumnus}',
            CASE WHEN $2::boolean THEN now() - ($13::int + g) * interval '1 second' END,
            $3::int + (hashint4(g * 16 + 5) & 2147483647) % ($4::int - $3::int + 1),
            ${pick('$5::text[]', 6)},
            ${pick('$6::text[]', 7)},
            ${pick('$12::text[]', 8)}::jsonb,
            'bench',
            now()
     FROM generate_series(1, $7::int) AS g
     RETURNING id`,
    [
      batch.tag,
      batch.verified,
      yearFrom,
      yearTo,
      CITIES,
      INDUSTRIES,
      batch.count,
      SURNAMES,
      GIVEN_NAMES,
      batch.departmentIds ?? [],
      THIRD_CHARACTERS,
      VISIBILITIES,
      batch.verifiedSecondsAgo ?? 0,
    ],
  );
  return rows.map((row) => row.id);
}
