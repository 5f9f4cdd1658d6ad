import type { EntityManager } from 'typeorm';
import { GROUP_LIMITS } from '@alumni/shared';

/** A class as the roster or a verified claim names it: the key of its class group. */
export interface ClassKey {
  graduationYear: number;
  departmentId: string;
  className: string;
}

/**
 * Creates the class groups of the classes `source` lists (SQL yielding graduation_year,
 * department_id, class_name), skipping those that exist: the unique class key makes
 * concurrent imports and claims safe. Named `2016届机械2012级1班`. Returns how many were created.
 */
async function createClassGroups(manager: EntityManager, source: string, params: unknown[]): Promise<number> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO groups (kind, name, intro, graduation_year, department_id, class_name, join_policy, status)
     SELECT DISTINCT ON (c.graduation_year, c.department_id, c.class_name)
            'class', left(c.graduation_year || '届' || c.class_name, ${GROUP_LIMITS.name}), '',
            c.graduation_year, c.department_id, c.class_name, 'roster_only', 'active'
       FROM (${source}) AS c
      WHERE c.class_name IS NOT NULL
     ON CONFLICT (graduation_year, department_id, class_name) WHERE kind = 'class' DO NOTHING
     RETURNING id`,
    params,
  );
  return rows.length;
}

/** The class groups of every class one roster import listed. */
export const createImportClassGroups = (manager: EntityManager, importId: string): Promise<number> =>
  createClassGroups(manager, 'SELECT graduation_year, department_id, class_name FROM roster_entries WHERE import_id = $1', [importId]);

/** The class group of one class (a verified claim's). */
export const createClassGroup = (manager: EntityManager, key: ClassKey): Promise<number> =>
  createClassGroups(manager, 'SELECT $1::smallint AS graduation_year, $2::uuid AS department_id, $3::text AS class_name', [
    key.graduationYear,
    key.departmentId,
    key.className,
  ]);

/** Every class of the roster (the demo seed). */
export const createRosterClassGroups = (manager: EntityManager): Promise<number> =>
  createClassGroups(manager, 'SELECT graduation_year, department_id, class_name FROM roster_entries', []);
