import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ExitedProcess {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnServer(env: Record<string, string>): { child: ChildProcess; output: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => stdout + stderr, stderr: () => stderr };
}

/** Runs the compiled server (`dist/main.js`) as a user would, and waits until it serves. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const { child, output } = spawnServer(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server left running would hold its port and CPU long after the test gave up on it.
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output()}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const match = /AlumniLink is running at (http:\/\/\S+?)\/?\n/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output()}`));
    });
  });
  return {
    child,
    url,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs the server expecting it to refuse to start. */
export async function runServerToExit(env: Record<string, string>): Promise<ExitedProcess> {
  const { child, output, stderr } = spawnServer(env);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout: output(), stderr: stderr() };
}

export async function getJson(url: string): Promise<any> {
  const response = await fetch(url);
  return response.json();
}
