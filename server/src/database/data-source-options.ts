import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one description of how the server talks to PostgreSQL, for the app, the CLI and tests. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built in since PostgreSQL 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // A burst (hundreds of sign-ups at once) queues for a pooled connection rather than
    // failing: waiting up to 30 s beats a 503. A database that is down still fails at once
    // (the connection is refused), and the health check has its own short timeout.
    extra: { max: poolSize, connectionTimeoutMillis: 30_000 },
  };
}
