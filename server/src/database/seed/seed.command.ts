/**
 * `pnpm seed`: applies migrations and seeds the demo college into an empty database
 * (DATABASE_URL, or the embedded engine in DATA_DIR). Only with DEMO=true, like every demo part.
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
  // Asked before the rest of the configuration, which without DEMO would list every missing credential.
  if (!['true', '1'].includes(process.env.DEMO ?? '')) {
    throw new StartupError('Demo data is seeded only with DEMO=true, never into a real installation: DEMO=true pnpm seed');
  }
  const config = loadConfig();
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
