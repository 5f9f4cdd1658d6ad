import { createHash, randomBytes } from 'node:crypto';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../src/config/configuration.js';
import { eventually } from './notifications.js';
import { createTestDatabase, requireServerUrl, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>`: tests speak real HTTP to a listening server. */
  baseUrl: string;
  db: TestDatabase;
  dataSource: DataSource;
  request(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  imports?: ModuleMetadata['imports'];
  /** Reuse a database (e.g. a second instance on the same data); a new one otherwise. */
  db?: TestDatabase;
  /** Where the app's log goes (nowhere by default: LOG_LEVEL is silent unless `env` says otherwise). */
  logDestination?: DestinationStream;
}

/** Tells this run's keys in shared services (Redis) from other runs'; the test file's path tells files apart. */
const RUN_ID = randomBytes(6).toString('hex');
/** The test file asking (a worker loads this module once for all its files: vitest.config.ts). */
const testFileKey = () =>
  createHash('sha256')
    .update(expect.getState().testPath ?? '')
    .digest('hex')
    .slice(0, 12);

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    // The fakes of WeChat and WeChat Pay and the development keys; tests of production settings say DEMO: 'false'.
    DEMO: 'true',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    H5_DIR: '/nonexistent',
    // Queued work (message delivery) happens within a test's patience.
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    // Tests of other features sign in and post freely; rate-limit tests set their own limits.
    RATE_LIMITS: 'off',
    // A test reads right after it writes, often through its own connection; the read cache has its own tests.
    READ_CACHE_SECONDS: '0',
    // Counters in a shared Redis never meet another test file's.
    THROTTLE_KEY_PREFIX: `alumnilink-test:${RUN_ID}:${testFileKey()}:throttle:`,
    ...env,
  });
}

/** Starts the real application on a new database and listens on a free loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const config = testConfig(options.env);
  const { app } = await createApp(config, db, options.imports, options.logDestination);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const ownsDb = options.db === undefined;
  return {
    app,
    baseUrl,
    db,
    dataSource: app.get(DataSource),
    async request(path, init) {
      const response = await fetch(`${baseUrl}${path}`, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, headers: response.headers, body };
    },
    async close() {
      await app.close();
      if (ownsDb) await db.drop();
    },
  };
}

/**
 * Two instances of the app on one new database, as behind a load balancer in production;
 * registers the suite's beforeAll/afterAll. Each has a small pool, so bursts queue.
 */
export function useTwoInstances(env: Record<string, string> = { DATABASE_POOL_SIZE: '5', THROTTLE_LIMIT: '100000' }): {
  a: TestApp;
  b: TestApp;
} {
  const pair = {} as { a: TestApp; b: TestApp };
  beforeAll(async () => {
    const db = await createTestDatabase();
    pair.a = await startTestApp({ db, env });
    pair.b = await startTestApp({ db, env });
  }, 60_000);
  afterAll(async () => {
    await pair.b?.close();
    await pair.a?.close();
    await pair.a?.db.drop();
  });
  return pair;
}

export interface KeptAnswersPair {
  a: TestApp;
  b: TestApp;
  /**
   * Reads `path` on b until `accept` holds; fails with the last answer after two seconds (a
   * change heard arrives in milliseconds, an answer kept for 60 s never turns fresh on its own).
   */
  freshOnB(path: string, accept: (body: any, status: number) => boolean, headers?: Record<string, string>): Promise<void>;
}

/**
 * Two instances on one database that keep answers (READ_CACHE_SECONDS 60, far longer than any
 * test waits), so a fresh answer on b after a change made through a can only come from the
 * change being heard. Needs the PostgreSQL server: CI fails rather than skips without it.
 */
export function useKeptAnswersPair(): KeptAnswersPair {
  beforeAll(() => void requireServerUrl());
  const pair = useTwoInstances({ READ_CACHE_SECONDS: '60', DATABASE_POOL_SIZE: '5', THROTTLE_LIMIT: '100000' });
  return Object.assign(pair, {
    async freshOnB(path: string, accept: (body: any, status: number) => boolean, headers: Record<string, string> = {}) {
      let last: unknown;
      await eventually(async () => {
        const res = await pair.b.request(path, { headers });
        last = res.body;
        return accept(res.body, res.status) ? true : undefined;
      }, 2_000).catch(() => {
        throw new Error(`${path} on the other instance still answers ${JSON.stringify(last)}`);
      });
    },
  });
}
