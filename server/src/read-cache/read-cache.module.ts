import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DatabaseTarget } from '../database/database.module.js';
import { READ_CACHE_TTL_MS, ReadCaches } from './read-caches.service.js';
import { TABLE_CHANGES_DATABASE_URL, TableChanges } from './table-changes.js';

@Global()
@Module({})
export class ReadCacheModule {
  /**
   * On the embedded engine nothing is cached: it serves one session, so there is no connection
   * to hear changes on (and one small installation has no load to spare).
   */
  static forRoot(database: DatabaseTarget, readCacheSeconds: number): DynamicModule {
    const enabled = database.engine === 'postgres' && readCacheSeconds > 0;
    return {
      module: ReadCacheModule,
      providers: [
        { provide: READ_CACHE_TTL_MS, useValue: enabled ? readCacheSeconds * 1000 : 0 },
        { provide: TABLE_CHANGES_DATABASE_URL, useValue: enabled ? database.url : null },
        TableChanges,
        ReadCaches,
      ],
      exports: [ReadCaches],
    };
  }
}
