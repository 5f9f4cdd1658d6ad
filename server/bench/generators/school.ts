import type pg from 'pg';

const DEPARTMENTS = ['文学院', '理学院', '工学院', '经济管理学院', '法学院', '医学院', '外国语学院', '艺术学院'];

/** The school row and its departments (what a deployment configures once); returns the department ids. */
export async function insertSchool(pool: pg.Pool): Promise<string[]> {
  await pool.query(
    `INSERT INTO schools (id, name, short_name, motto, intro, founded_year, city)
     VALUES (1, '江州大学', '江大', '博学笃行', '基准测试生成的学校介绍', 1923, '江州')
     ON CONFLICT (id) DO NOTHING`,
  );
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO departments (name, sort_order)
     SELECT name, ordinality FROM unnest($1::text[]) WITH ORDINALITY AS d(name, ordinality)
     ON CONFLICT (name) DO UPDATE SET sort_order = excluded.sort_order
     RETURNING id`,
    [DEPARTMENTS],
  );
  return rows.map((row) => row.id);
}
