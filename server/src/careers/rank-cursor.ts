import { AppError } from '../common/app-error.js';

/**
 * Cursors of ranked lists (mentor suggestions): the list is ranked afresh on every request,
 * so the cursor is the position to continue from. Opaque like every other cursor.
 */
export function encodeRankCursor(position: number): string {
  return Buffer.from(JSON.stringify(['rank', position])).toString('base64url');
}

export function decodeRankCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === 'rank' && Number.isSafeInteger(value[1]) && (value[1] as number) >= 0)
      return value[1] as number;
  } catch {
    // Falls through to the named error below.
  }
  throw new AppError('INVALID_CURSOR', [{ field: 'cursor', issue: 'cursor must be the nextCursor of a previous page' }]);
}
