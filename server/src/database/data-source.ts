/**
 * The data source the TypeORM CLI uses (`pnpm --filter @alumni/server migration:run`):
 * DATABASE_URL when set, the embedded engine in DATA_DIR otherwise.
 */
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/database.config.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = loadDatabaseConfig();
const embedded =
  config.databaseUrl === null ? await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: config.databasePoolSize }) : null;
const dataSource = new DataSource(dataSourceOptions(embedded?.url ?? config.databaseUrl!, config.databasePoolSize));

if (embedded) {
  // The CLI destroys the data source when its command is done; the embedded engine must
  // stop with it, or its lock would keep the server from starting on this folder.
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await embedded.stop();
  };
}

export default dataSource;
