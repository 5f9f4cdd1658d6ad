import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/** One merge of two records of the same person, inside its transaction: `mergedId`'s rows become `survivorId`'s. */
export interface MergeContext {
  manager: EntityManager;
  mergedId: string;
  survivorId: string;
}

/**
 * What one module does when staff merge two alumni records (docs/reach.md, Duplicate records).
 * A module adds a provider implementing this, decorated `@MergeParticipant()`; the registry
 * finds it. `columns` lists every `table.column` naming an alumnus that the module owns; the
 * merge test (`duplicates.e2e-spec.ts`) fails while a foreign key to alumni is in no list.
 * `merge` runs in the merge's transaction, after both alumni rows are locked: it moves the
 * module's rows, resolving its unique rules (one registration per event, one membership per
 * group…) and keeping its counters right, so that nothing is lost and nothing counted twice.
 */
export interface MergeParticipant {
  readonly columns: readonly string[];
  merge(context: MergeContext): Promise<void>;
}

/** Marks a provider as a MergeParticipant. */
export const MergeParticipant = DiscoveryService.createDecorator<void>();

const IDENTIFIER = /^[a-z_]+$/;

function split(column: string): [string, string] {
  const [table, name] = column.split('.');
  if (!table || !name || !IDENTIFIER.test(table) || !IDENTIFIER.test(name)) throw new Error(`not a table.column: ${column}`);
  return [table, name];
}

/**
 * Where the merged record and the survivor both hold a row of `table` that may exist once per
 * `key` (with `column`), the merged record's row goes: the survivor's is kept. `where` narrows
 * it to a partial unique index's rows (e.g. `status = 'pending'`). Answers the removed rows'
 * `returning` columns, so the caller can correct its counters.
 */
export async function dropCollisions<T = Record<string, unknown>>(
  { manager, mergedId, survivorId }: MergeContext,
  column: string,
  key: readonly string[],
  options: { where?: string; returning?: string } = {},
): Promise<T[]> {
  const [table, name] = split(column);
  const same = key.length === 0 ? 'true' : key.map((k) => `s.${k} IS NOT DISTINCT FROM m.${k}`).join(' AND ');
  const where = options.where ? (alias: string) => ` AND (${options.where!.replace(/\$row\./g, `${alias}.`)})` : () => '';
  const [rows] = (await manager.query(
    `DELETE FROM ${table} m
      WHERE m.${name} = $1${where('m')}
        AND EXISTS (SELECT 1 FROM ${table} s WHERE s.${name} = $2${where('s')} AND ${same})
      RETURNING ${options.returning ?? '1 AS removed'}`,
    [mergedId, survivorId],
  )) as [T[], number];
  return rows;
}

/** Points every listed `table.column` that names the merged record at the survivor. */
export async function moveReferences({ manager, mergedId, survivorId }: MergeContext, columns: readonly string[]): Promise<void> {
  for (const column of columns) {
    const [table, name] = split(column);
    await manager.query(`UPDATE ${table} SET ${name} = $2 WHERE ${name} = $1`, [mergedId, survivorId]);
  }
}
