import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/configuration.js';
import { DEMO_WARNING } from './config/demo.config.js';
import { checkDatabaseConnection, redactUrl } from './database/connection-check.js';
import type { DatabaseTarget } from './database/database.module.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { StartupError } from './database/startup-error.js';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  // Said first and on its own line, so it cannot scroll by unseen in a log.
  if (config.demo) console.warn(DEMO_WARNING);
  let embedded: EmbeddedPostgres | null = null;
  if (config.databaseUrl === null) {
    // One spare connection beyond the pool, for the start-up connection check.
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: config.databasePoolSize + 1 });
  }
  const database: DatabaseTarget = embedded ? { url: embedded.url, engine: 'embedded' } : { url: config.databaseUrl!, engine: 'postgres' };

  try {
    await checkDatabaseConnection(database.url);
    const { app, servesH5 } = await createApp(config, database);
    await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new StartupError(`Port ${config.port} on ${config.host} is already in use. Stop what uses it, or set PORT to a free port.`);
      throw error;
    });

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`AlumniLink received ${signal}: finishing requests and closing the database`);
      await app.close();
      await embedded?.stop();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));

    const { port } = app.getHttpServer().address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    const where = embedded ? `embedded PostgreSQL in ${config.dataDir}` : `PostgreSQL at ${redactUrl(database.url)}`;
    console.log(
      [
        `AlumniLink is running at http://${host}:${port}/`,
        `  database: ${where}`,
        `  API docs: http://${host}:${port}/api/docs`,
        servesH5
          ? '  mini-program (H5) served at /'
          : `  no H5 build found in ${config.h5Dir}: API only (run the start command from the repository root)`,
        `  started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(`AlumniLink cannot start. ${error.message}`);
  } else {
    console.error('AlumniLink failed to start:', error);
  }
  process.exit(1);
});
