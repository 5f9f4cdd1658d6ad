import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { DatabaseSetupService } from './database-setup.service.js';

/** Where the database is: a PostgreSQL server, or the embedded engine main.ts started. */
export interface DatabaseTarget {
  url: string;
  engine: 'postgres' | 'embedded';
}

@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          // pglite-socket runs each protocol message of each connection in arrival order, so
          // two connections' extended queries can interleave (one's Bind meets the other's
          // Parse). The embedded engine runs one statement at a time anyway: one connection.
          ...dataSourceOptions(target.url, target.engine === 'embedded' ? 1 : poolSize),
          // main.ts has already checked the connection and said clearly what is wrong.
          retryAttempts: 0,
        }),
      ],
      providers: [DatabaseSetupService],
    };
  }
}
