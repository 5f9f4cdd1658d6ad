import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { StartupError } from './startup-error.js';

export interface EmbeddedPostgres {
  /** A `postgres://` URL the ordinary `pg` driver connects to. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the data; omitted means in memory (tests). */
  dataDir?: string;
  /** Must be at least the `pg` pool size: the socket server refuses extra connections. */
  maxConnections: number;
}

const LOCK_FILE = 'alumnilink.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one PostgreSQL backend inside this process: two processes on one folder would
 * corrupt it. A lock file holding our pid keeps a second server out; a lock left by a
 * process that no longer runs (kill -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new StartupError(
          `The data folder ${dataDir} is in use by another AlumniLink server (pid ${owner}). Stop that server, or set DATA_DIR to another folder.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StartupError(`Could not lock the data folder ${dataDir}. Remove ${path} if no AlumniLink server is running.`);
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(`The data folder ${dataDir} cannot be written (${reason}). Set DATA_DIR to a folder you can write to.`);
  }
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) and exposes it on a loopback port
 * through pglite-socket, so the server reaches it with the same `pg` driver and SQL as a
 * real PostgreSQL server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  let unlock = () => {};
  if (options.dataDir !== undefined) {
    prepareDataDir(options.dataDir);
    unlock = lockDataDir(options.dataDir);
  }
  try {
    const db = await PGlite.create(options.dataDir === undefined ? undefined : join(options.dataDir, 'pgdata'));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections });
    await server.start();
    let stopped = false;
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    if (error instanceof StartupError) throw error;
    throw new StartupError(`The embedded database in ${options.dataDir ?? 'memory'} could not start: ${(error as Error).message}`);
  }
}
