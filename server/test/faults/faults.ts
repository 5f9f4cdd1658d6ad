import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type ServerInstance, startInstances, stopInstances } from '../../bench/instances.js';
import { benchJwtSecret, tokenMinter } from '../../bench/tokens.js';
import { createServerDatabase, requireServerUrl, serverTestsRun, type TestDatabase } from '../test-database.js';

/** Seconds a job may run before it counts as abandoned, in these tests: short, so a killed instance's jobs come back soon. */
const JOBS_EXPIRE_SECONDS = 3;

export interface Cluster {
  db: pg.Pool;
  /** Both instances' URLs; the second is the one killed. */
  urls: [string, string];
  instances: [ServerInstance, ServerInstance];
  mintToken(alumnusId: string): string;
  /** The instance logs, shown when a test fails. */
  logs(): string;
}

/** The fault tests run two server processes on the PostgreSQL server; the embedded engine lives in one process. */
export const faultsCanRun = serverTestsRun();

/**
 * Two compiled server instances on a new database, as the benchmark starts them
 * (bench/instances.ts); registers the suite's beforeAll/afterAll.
 */
export function useCluster(): Cluster {
  const cluster = {} as Cluster;
  let database: TestDatabase | undefined;
  let logDir: string | undefined;
  beforeAll(async () => {
    database = await createServerDatabase(requireServerUrl());
    logDir = mkdtempSync(join(tmpdir(), 'alumnilink-faults-'));
    const secret = benchJwtSecret();
    const instances = await startInstances(
      {
        DATABASE_URL: database.url,
        JWT_SECRET: secret,
        DEMO: 'true',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        THROTTLE_LIMIT: '1000000000',
        RATE_LIMITS: 'off',
        DATABASE_POOL_SIZE: '5',
        JOBS_POLL_INTERVAL_SECONDS: '0.5',
        JOBS_EXPIRE_SECONDS: String(JOBS_EXPIRE_SECONDS),
      },
      [join(logDir, 'instance-1.log'), join(logDir, 'instance-2.log')],
    );
    Object.assign(cluster, {
      db: new pg.Pool({ connectionString: database.url, max: 4 }),
      urls: instances.map((instance) => instance.url),
      instances,
      mintToken: tokenMinter(secret),
    });
  }, 300_000);
  afterAll(async () => {
    if (cluster.instances) await stopInstances(cluster.instances);
    await cluster.db?.end();
    await database?.drop();
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  });
  return cluster;
}

export interface Outcome<T> {
  item: T;
  /** The instance it was sent to: 0 the survivor, 1 the one killed. */
  instance: 0 | 1;
  /** The HTTP status, or null when no answer came (connection refused or cut). */
  status: number | null;
  /** Whether it was answered before the kill began. */
  beforeKill: boolean;
}

/**
 * Sends every item, `concurrency` at a time, alternately to the two instances, and kills the
 * second with SIGKILL once `killAfter` answers have come: requests in flight there are cut,
 * later ones are refused. Nothing retries here; the caller re-sends what it must.
 */
export async function sendWithKill<T>(
  cluster: Cluster,
  items: readonly T[],
  send: (item: T, url: string) => Promise<number>,
  { concurrency, killAfter }: { concurrency: number; killAfter: number },
): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = [];
  let answered = 0;
  let killing: Promise<void> | null = null;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const instance = (i % 2) as 0 | 1;
      const status = await send(items[i]!, cluster.urls[instance]).catch(() => null);
      outcomes.push({ item: items[i]!, instance, status, beforeKill: killing === null });
      if (status !== null) answered += 1;
      if (answered >= killAfter && killing === null) killing = cluster.instances[1].kill();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await killing;
  return outcomes;
}

/** What makes a kill test meaningful: the killed instance served some requests, then failed some. */
export function killedMidLoad(outcomes: readonly Outcome<unknown>[]): { servedBefore: number; lostAfter: number; survivorAfter: number } {
  return {
    servedBefore: outcomes.filter((o) => o.instance === 1 && o.beforeKill && o.status !== null).length,
    lostAfter: outcomes.filter((o) => o.instance === 1 && !o.beforeKill && o.status === null).length,
    survivorAfter: outcomes.filter((o) => o.instance === 0 && !o.beforeKill && o.status !== null).length,
  };
}

interface QueueState {
  /** Jobs due now and not finished: waiting, retrying or running. */
  unfinished: number;
  failed: number;
  completed: number;
  /** Jobs that ran more than once (retried after their instance died, or after an error). */
  retried: number;
}

const queueState = async (db: pg.Pool): Promise<QueueState> => {
  const { rows } = await db.query<QueueState>(
    `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active') AND start_after <= now())::int AS unfinished,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE retry_count > 0)::int AS retried
       FROM pgboss.job`,
  );
  return rows[0]!;
};

/**
 * Waits until the queue has finished every job that is due. A job the killed instance was
 * running stays active until its expiry (JOBS_EXPIRE_SECONDS), then the survivor's pg-boss
 * maintenance hands it back for a retry, which waits out its queue's retry delay (30 s and
 * more): that wait alone is skipped here, by moving the retries' start forward.
 */
export async function queueFinishes(db: pg.Pool, timeoutMs = 20_000): Promise<QueueState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await db.query(`UPDATE pgboss.job SET start_after = now() WHERE state = 'retry' AND start_after > now()`);
    const state = await queueState(db);
    if (state.unfinished === 0 || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
