import { DUPLICATE_KINDS, type DuplicateKind } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { UUID } from '../common/pagination.js';

/**
 * Where a page of the queue ends: the last pair's place in the queue's order (kind, score
 * descending, found, id), encoded opaquely as the other lists' cursors are (common/pagination.ts).
 * A keyset, not an offset: pairs merged or dismissed meanwhile do not shift the next page.
 */
export interface QueuePosition {
  kind: DuplicateKind;
  score: number;
  foundAt: Date;
  id: string;
}

export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.kind, position.score, position.foundAt.toISOString(), position.id])).toString('base64url');
}

export function decodeQueueCursor(cursor: string | undefined): QueuePosition | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 4) {
      const [kind, score, at, id] = value as unknown[];
      const foundAt = new Date(typeof at === 'string' ? at : Number.NaN);
      if (
        DUPLICATE_KINDS.some((k) => k === kind) &&
        Number.isInteger(score) &&
        (score as number) >= 0 &&
        (score as number) <= 100 &&
        !Number.isNaN(foundAt.getTime()) &&
        typeof id === 'string' &&
        UUID.test(id)
      )
        return { kind: kind as DuplicateKind, score: score as number, foundAt, id };
    }
  } catch {
    // Falls through to the named error below.
  }
  throw new AppError('INVALID_CURSOR', [{ field: 'cursor', issue: 'cursor must be the nextCursor of a previous page of this queue' }]);
}
