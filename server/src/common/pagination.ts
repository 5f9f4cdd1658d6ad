import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, type Page } from '@alumni/shared';
import { AppError } from './app-error.js';

/** `?cursor=&limit=` of every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s `nextCursor`' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit: number = PAGE_LIMIT_DEFAULT;
}

/**
 * A keyset position: the time the list is sorted by, of the last row seen, and its id as
 * tie-breaker. Encoded opaquely so clients never build cursors themselves. Timestamps are
 * stored with millisecond precision (`timestamptz(3)`), so a JS Date round-trips exactly.
 */
export interface Keyset {
  at: Date;
  id: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids of `bigint` identity tables (e.g. the interaction log). */
export const BIGINT_ID = /^[1-9][0-9]{0,17}$/;

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.at.toISOString(), keyset.id])).toString('base64url');
}

/** `idPattern` is what the list's ids look like (UUIDs unless told), so a forged id never reaches SQL. */
export function decodeCursor(cursor: string | undefined, idPattern: RegExp = UUID): Keyset | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime()) && idPattern.test(value[1])) return { at, id: value[1] };
    }
  } catch {
    // Falls through to the named error below.
  }
  throw new AppError('INVALID_CURSOR', [{ field: 'cursor', issue: 'cursor must be the nextCursor of a previous page' }]);
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells whether a
 * next page exists, so no count query is needed.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, keyset: (row: Row) => Keyset, map: (row: Row) => Item): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyset(last)) : null,
  };
}

/**
 * Orders by `(timeProperty, id)` (entity property names) and continues after the cursor's row: one index range scan
 * whatever the page number, so page cost stays flat as the table grows.
 */
export function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  timeProperty: string,
  direction: 'ASC' | 'DESC',
  after: Keyset | null,
  limit: number,
): SelectQueryBuilder<T> {
  const alias = query.alias;
  if (after) {
    query.andWhere(`(${alias}.${timeProperty}, ${alias}.id) ${direction === 'ASC' ? '>' : '<'} (:keysetAt, :keysetId)`, {
      keysetAt: after.at,
      keysetId: after.id,
    });
  }
  return query
    .orderBy(`${alias}.${timeProperty}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(limit + 1);
}

/**
 * One page of rows ordered by `(timeProperty, id)` after the query's cursor: keysetPage and
 * toPage together, for lists whose rows are presented afterwards (names, flags) in one go.
 */
export async function rowsPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  timeProperty: keyof T & string,
  direction: 'ASC' | 'DESC',
  page: PageQueryDto,
): Promise<Page<T>> {
  const rows = await keysetPage(query, timeProperty, direction, decodeCursor(page.cursor), page.limit).getMany();
  return toPage(
    rows,
    page.limit,
    (row) => ({ at: row[timeProperty] as Date, id: row.id }),
    (row) => row,
  );
}
