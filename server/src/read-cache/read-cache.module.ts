import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DatabaseTarget } from '../database/database.module.js';
import { READ_CACHE_TTL_MS, ReadCaches } from './read-caches.service.js';
import { TABLE_CHANGES_DATABASE_URL, TableChanges } from './table-changes.js';

@Global()
@Module({})
export class ReadCacheModule {
  /**
   * On the embedded engine nothing is cached: it serves one session, so there is no connection
   * to hear changes on (and one small installation has no load to spare). On a PostgreSQL
   * server the changes are heard even with the cache off: role changes use them too (auth/).
   */
  static forRoot(database: DatabaseTarget, readCacheSeconds: number): DynamicModule {
    const listening = database.engine === 'postgres';
    return {
      module: ReadCacheModule,
      providers: [
        { provide: READ_CACHE_TTL_MS, useValue: listening ? readCacheSeconds * 1000 : 0 },
        { provide: TABLE_CHANGES_DATABASE_URL, useValue: listening ? database.url : null },
        TableChanges,
        ReadCaches,
      ],
      exports: [ReadCaches, TableChanges],
    };
  }
}
