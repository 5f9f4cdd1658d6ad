import { Inject, Injectable } from '@nestjs/common';
import { ReadCache } from './read-cache.js';
import { TableChanges } from './table-changes.js';

export const READ_CACHE_TTL_MS = Symbol('READ_CACHE_TTL_MS');

/** Makes the caches of public reads, each dropped when a table it reads is written. */
@Injectable()
export class ReadCaches {
  constructor(
    private readonly changes: TableChanges,
    /** 0 when the cache is off (READ_CACHE_SECONDS=0, or the embedded engine). */
    @Inject(READ_CACHE_TTL_MS) private readonly ttlMs: number,
  ) {}

  /**
   * A cache of answers built from `tables`. `keepMs` lets one read be kept longer than the
   * configured time (the school card, whose headline counts may lag by design); `maxEntries`
   * raises the bound on entries for a cache keyed by caller.
   */
  create<V>(tables: readonly string[], keepMs = this.ttlMs, maxEntries?: number): ReadCache<V> {
    const cache = new ReadCache<V>(this.ttlMs > 0 ? keepMs : 0, () => this.changes.live, maxEntries);
    this.changes.onChange((table) => {
      if (table === null || tables.includes(table)) cache.clear();
    });
    return cache;
  }
}
