import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface Child {
  /** What the first match of `announces` captured in the child's output (its port, its URL). */
  announced: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a compiled helper of the harness (`node <entry>`) and waits for the line that says
 * where it listens; its errors go to ours. Stopped with SIGTERM.
 */
export async function startChild(entry: string, announces: RegExp, env: Record<string, string> = {}): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const announced = announces.exec(output)?.[1];
    if (announced) {
      child.stdout!.resume();
      return { announced, pid: child.pid!, stop: () => stopChild(child) };
    }
  }
  throw new Error(`${entry} exited without starting: ${output}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
