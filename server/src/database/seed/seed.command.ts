/**
 * `pnpm seed`: applies migrations and seeds the demo college into an empty database
 * (DATABASE_URL, or the embedded engine in DATA_DIR). Refused in production.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../config/configuration.js';
import { checkDatabaseConnection } from '../connection-check.js';
import { dataSourceOptions } from '../data-source-options.js';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { migrate, seedIfEmpty } from '../schema-setup.js';
import { StartupError } from '../startup-error.js';

async function seed(): Promise<void> {
  const config = loadConfig();
  if (config.nodeEnv === 'production') throw new StartupError('Demo data is never seeded in production.');
  const embedded = config.databaseUrl === null ? await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: 3 }) : null;
  const url = embedded?.url ?? config.databaseUrl!;
  try {
    await checkDatabaseConnection(url);
    const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
    await migrate(dataSource);
    const seeded = await seedIfEmpty(dataSource);
    await dataSource.destroy();
    console.log(seeded ? 'Demo data seeded.' : 'The database already has a school: nothing seeded.');
  } finally {
    await embedded?.stop();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof StartupError ? error.message : error);
  process.exit(1);
});
