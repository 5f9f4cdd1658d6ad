/**
 * The data source the TypeORM CLI uses (`pnpm --filter @alumni/server migration:run`):
 * DATABASE_URL when set, the embedded engine in DATA_DIR otherwise.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/configuration.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = loadConfig();
const url = config.databaseUrl ?? (await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: config.databasePoolSize })).url;

export default new DataSource(dataSourceOptions(url, config.databasePoolSize));
