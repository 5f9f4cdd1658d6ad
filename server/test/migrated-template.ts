import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations/index.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src/database/migrations');

/** Names the template after the migrations' source: any edit to one makes a new template. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return `alumnilink_template_${hash.digest('hex').slice(0, 16)}`;
}

/**
 * A database with every migration applied, made once per migration set on the PostgreSQL
 * server: each test file's database is then a copy of it (CREATE DATABASE … TEMPLATE), not a
 * fresh run of every migration. It takes no connections, so copying never waits on one.
 */
export async function ensureMigratedTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Test runs started together (several worktrees) build it once.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      const building = `${name}_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const dataSource = new DataSource({
        type: 'postgres',
        url: url.toString(),
        migrations: MIGRATIONS,
        migrationsTransactionMode: 'each',
      });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await dataSource.destroy();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    return name;
  } finally {
    await admin.end();
  }
}
