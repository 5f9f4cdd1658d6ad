import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../src/database/database.module.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

export interface TestDatabase extends DatabaseTarget {
  drop(): Promise<void>;
}

/** The PostgreSQL server the tests may use: TEST_DATABASE_URL, else DATABASE_URL, else none. */
export function serverUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

/** Whether this is a CI run (`CI=true` or `CI=1`, as CI services set it). */
export function isCi(): boolean {
  return ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
}

/**
 * Whether a test that needs the PostgreSQL server runs. Without one it is skipped on a
 * developer's machine, but in CI it runs and fails (`requireServerUrl`): CI must not pass by
 * skipping what it was meant to check.
 */
export function serverTestsRun(): boolean {
  return serverUrl() !== null || isCi();
}

/** The PostgreSQL server, for a test that cannot do without one. */
export function requireServerUrl(): string {
  const url = serverUrl();
  if (url) return url;
  throw new Error('This test needs a PostgreSQL server: set TEST_DATABASE_URL (CI=true runs it rather than skipping it).');
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh database on the PostgreSQL server, dropped afterwards: empty, or a copy of `template`
 * (the migrated template the test run made, see global-setup.ts).
 */
export async function createServerDatabase(url: string, template?: string): Promise<TestDatabase> {
  const name = `alumnilink_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(url, name),
    engine: 'postgres',
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh in-memory embedded engine, stopped afterwards. */
export async function createEmbeddedDatabase(maxConnections = 12): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres({ maxConnections });
  return { url: embedded.url, engine: 'embedded', drop: () => embedded.stop() };
}

/**
 * Every test file works in its own new database: on the PostgreSQL server when one is
 * configured (CI), on the embedded engine otherwise. Nothing touches a developer's data.
 * On the server it starts migrated (a copy of the run's template) unless `empty` is asked for.
 */
export function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const url = serverUrl();
  const template = options.empty ? undefined : process.env.TEST_TEMPLATE_DATABASE;
  return url ? createServerDatabase(url, template) : createEmbeddedDatabase();
}
