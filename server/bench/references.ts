import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** What `/proc/<pid>/stat` says of one process: its parent, its CPU so far and its reaped children's (ms, user + system). */
export interface ProcStat {
  ppid: number;
  cpuMs: number;
  /** The kernel adds a child's CPU here (cutime + cstime) when the parent reaps it. */
  reapedChildrenCpuMs: number;
}

export function parseProcStat(text: string): ProcStat {
  // The command name is in parentheses and may hold spaces and parentheses itself: the fields start after the last one.
  // From there: ppid is the 2nd, utime, stime, cutime and cstime the 12th to 15th.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ms = (a: number, b: number) => ((Number(fields[a]) + Number(fields[b])) * 1000) / CLOCK_TICKS;
  return { ppid: Number(fields[1]), cpuMs: ms(11, 12), reapedChildrenCpuMs: ms(13, 14) };
}

/**
 * CPU time (user + system, in ms) these processes have used so far, from `/proc`; null where it
 * cannot be read. Taken before and after a load, it gives the CPU each request cost, which a
 * busy machine stretches far less than it stretches throughput.
 */
export function cpuMs(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    try {
      total += parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpuMs;
    } catch {
      return null;
    }
  }
  return total;
}

/**
 * The CPU (ms) a PostgreSQL server has used so far, from a process table (pid → its `/proc/<pid>/stat`):
 * the postmaster's own, its reaped children's and its live children's (every backend and background
 * process is the postmaster's child). The total only grows, so the difference of two readings is
 * every backend's CPU in between, including those that started or ended meanwhile: one alive at both
 * ends counts by its delta; one that ended counts its whole life through the reaped total, less what
 * the first reading had of it live; one that started counts from zero. Null when the postmaster is
 * not in the table.
 */
export function postgresCpuMs(postmasterPid: number, table: ReadonlyMap<number, string>): number | null {
  const postmasterStat = table.get(postmasterPid);
  if (postmasterStat === undefined) return null;
  const postmaster = parseProcStat(postmasterStat);
  let total = postmaster.cpuMs + postmaster.reapedChildrenCpuMs;
  for (const stat of table.values()) {
    const process = parseProcStat(stat);
    if (process.ppid === postmasterPid) total += process.cpuMs;
  }
  return total;
}

/** Every process's `/proc/<pid>/stat` now (one that ends while the table is read is left out). */
function processTable(): Map<number, string> {
  const table = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      table.set(Number(name), readFileSync(`/proc/${name}/stat`, 'utf8'));
    } catch {
      // Ended since the directory was listed.
    }
  }
  return table;
}

/**
 * `postgresCpuMs` of the running server, or null where `/proc` does not show it. A backend the
 * postmaster reaps while the table is read would be counted twice or not at all, so the table is
 * read again until the postmaster's reaped total is the same after it as in it.
 */
export function readPostgresCpuMs(postmasterPid: number): number | null {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const table = processTable();
      const reapedAfter = parseProcStat(readFileSync(`/proc/${postmasterPid}/stat`, 'utf8')).reapedChildrenCpuMs;
      const inTable = table.get(postmasterPid);
      if (inTable !== undefined && parseProcStat(inTable).reapedChildrenCpuMs === reapedAfter) return postgresCpuMs(postmasterPid, table);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The pid of the server's postmaster, when it runs on this machine: the parent of this pool's
 * backend, if `/proc` shows both as `postgres`. Null otherwise (a server elsewhere, whose pids mean
 * nothing here).
 */
export async function postmasterPid(db: pg.Pool): Promise<number | null> {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const comm = (pid: number) => /\((.*)\)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
  try {
    const backend = rows[0]!.pid;
    const parent = parseProcStat(readFileSync(`/proc/${backend}/stat`, 'utf8')).ppid;
    return comm(backend) === 'postgres' && comm(parent) === 'postgres' ? parent : null;
  } catch {
    return null;
  }
}
