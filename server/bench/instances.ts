import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled server, as a user runs it: `dist/main.js` of the server package, seen from this
 * file compiled (`bench/dist/bench/instances.js`, the benchmark) or as source (`bench/instances.ts`,
 * the fault tests).
 */
const SERVER_MAIN = fileURLToPath(
  new URL(import.meta.url.includes('/bench/dist/') ? '../../../dist/main.js' : '../dist/main.js', import.meta.url),
);
// Seconds on a quiet machine; a minute and more where many builds share the CPUs.
const START_TIMEOUT_MS = 120_000;

export interface ServerInstance {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, open transactions are cut off. */
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one instance with its output going straight to a log file: piping it through this
 * process would spend the load generator's CPU on the server's request logs.
 */
async function startOne(env: Record<string, string>, logFile: string): Promise<ServerInstance> {
  const fd = openSync(logFile, 'w');
  // BENCH_CPU_PROF=<dir>: each instance writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = () => stop('SIGKILL');
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const output = readFileSync(logFile, 'utf8');
    // The banner names "localhost"; load goes to 127.0.0.1, where the instance listens.
    const port = /AlumniLink is running at http:\/\/[^:/]+:(\d+)\//.exec(output)?.[1];
    if (port) return { url: `http://127.0.0.1:${port}`, pid: child.pid!, logFile, stop: () => stop(), kill };
    if (child.exitCode !== null) throw new Error(`a server instance exited with ${child.exitCode} while starting:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`a server instance did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(100);
  }
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(`${url}/api/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} is not ready (readiness answered ${status})`);
    await sleep(200);
  }
}

/**
 * Starts the first instance alone, so it migrates the empty database and creates the job
 * queues, then the others together. What is measured is load, not a cold start: the
 * start-up race between instances belongs to the fault tests.
 */
export async function startInstances(env: Record<string, string>, logFiles: readonly string[]): Promise<ServerInstance[]> {
  const [firstLog, ...otherLogs] = logFiles;
  const first = await startOne(env, firstLog!);
  const started = await Promise.allSettled(otherLogs.map((logFile) => startOne(env, logFile)));
  const instances = [first, ...started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))];
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await stopInstances(instances);
    throw failed.reason;
  }
  await Promise.all(instances.map((instance) => waitReady(instance.url)));
  return instances;
}

export async function stopInstances(instances: readonly ServerInstance[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()));
}
