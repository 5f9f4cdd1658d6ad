import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type pg from 'pg';
import { startChild } from './child-process.js';

/**
 * The two references every figure is compared with (docs/benchmarks.md, References): a bare
 * NestJS + Fastify app answering the trivial endpoint's JSON (the framework's floor), and
 * pgbench's hot row (what one row locked and updated by 32 clients allows on this PostgreSQL).
 * Both are outside the project, so a ratio to them says how close to the floor we are.
 */

/** `bench/dist/bench/references.js` → the compiled bare app beside it. */
const BARE_APP = fileURLToPath(new URL('./reference/bare-app.js', import.meta.url));

export interface BareReference {
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/**
 * As many bare apps as the project runs instances, so both are measured with the same processes on the same CPUs,
 * each listening with the instances' backlog (`listenBacklog`, their LISTEN_BACKLOG).
 */
export async function startBareReference(count: number, listenBacklog: number): Promise<BareReference> {
  const env = { PORT: '0', LISTEN_BACKLOG: String(listenBacklog) };
  const apps = await Promise.all(Array.from({ length: count }, () => startChild(BARE_APP, /listening on (\d+)/, env)));
  return {
    urls: apps.map((app) => `http://127.0.0.1:${app.announced}`),
    pids: apps.map((app) => app.pid),
    stop: async () => void (await Promise.all(apps.map((app) => app.stop()))),
  };
}

/** pgbench's hot row, as issue 17 defines it: one row locked (`SELECT … FOR UPDATE`) and updated by each transaction. */
export const HOT_ROW_SCRIPT = `BEGIN;
SELECT n FROM bench_hot_row WHERE id = 1 FOR UPDATE;
UPDATE bench_hot_row SET n = n + 1 WHERE id = 1;
END;
`;

export const HOT_ROW_CLIENTS = 32;

export interface HotRowResult {
  /** Transactions per second, without the connection time. */
  tps: number;
  latencyMs: number;
  clients: number;
  seconds: number;
  loadAverage: number;
}

/** pgbench's summary lines → tps and average latency; null when they are missing. */
export function parsePgbench(output: string): { tps: number; latencyMs: number } | null {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  return tps && latency ? { tps: Number(tps), latencyMs: Number(latency) } : null;
}

/**
 * Runs pgbench's hot-row script on the run's database (its own one-row table), with
 * `clients` connections for `seconds`. Throws when pgbench is missing: the write budgets
 * are stated against it, so a run without it could not say whether they are met.
 */
export async function hotRow(db: pg.Pool, databaseUrl: string, seconds: number, clients = HOT_ROW_CLIENTS): Promise<HotRowResult> {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_hot_row (id int PRIMARY KEY, n bigint NOT NULL)`);
  await db.query(`INSERT INTO bench_hot_row VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  try {
    const script = join(dir, 'hot-row.sql');
    writeFileSync(script, HOT_ROW_SCRIPT);
    const loadAverage = loadavg()[0]!;
    const { stdout } = await promisify(execFile)(
      'pgbench',
      ['--no-vacuum', '--client', String(clients), '--jobs', '2', '--time', String(seconds), '--file', script, databaseUrl],
      { maxBuffer: 1 << 20 },
    ).catch((error: NodeJS.ErrnoException & { stderr?: string }) => {
      throw new Error(
        error.code === 'ENOENT'
          ? 'pgbench is not installed (Debian: apt-get install postgresql-client): the write budgets are measured against it'
          : `pgbench failed: ${error.stderr ?? error.message}`,
      );
    });
    const parsed = parsePgbench(stdout);
    if (!parsed) throw new Error(`pgbench printed no figures:\n${stdout}`);
    return { ...parsed, clients, seconds, loadAverage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process in MiB (Linux `/proc`), or null where it cannot be read. */
export function residentMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of `/proc/<pid>/stat`'s CPU times (`getconf CLK_TCK`: 100 on Linux everywhere we run). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, in ms) these processes have used so far, from `/proc`; null where it
 * cannot be read. Taken before and after a load, it gives the CPU each request cost, which a
 * busy machine stretches far less than it stretches throughput.
 */
export function cpuMs(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    try {
      // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }
  return total;
}
