import { InteractionsService } from '../src/interactions/interactions.service.js';
import type { TestApp } from './test-app.js';

const DAY = 24 * 60 * 60 * 1000;

/** A time `days` ago, on a whole millisecond (what the database keeps). */
export const daysAgo = (days: number) => new Date(Math.floor(Date.now() - days * DAY));

/** Records one interaction as a module would, in its own transaction, `days` ago. */
export function recordInteraction(t: TestApp, alumnusId: string, kind: string, days = 0, detail: Record<string, unknown> = {}) {
  return t.dataSource.transaction((manager) =>
    t.app.get(InteractionsService).record(manager, { alumnusId, kind, detail, occurredAt: days === 0 ? undefined : daysAgo(days) }),
  );
}

/** One number from a `SELECT count(*) …`-like query. */
export async function scalar(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows: Record<string, unknown>[] = await t.dataSource.query(sql, params);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

/** A bound phone as the identity module stores it (the three columns go together); `seed` keeps the hash unique. */
export const phoneOf = (seed: string) => ({ phoneEncrypted: `test:${seed}`, phoneHash: `hash-${seed}`, phoneMasked: '138****0000' });
