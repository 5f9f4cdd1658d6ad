import { residentMiB } from './references.js';
import { type Check } from './scenario.js';

/** The budget: resident memory after a second run of the hot reads at most this much above the first's. */
export const MAX_GROWTH = 0.1;

export interface ProcessMemory {
  name: string;
  pid: number;
  /** Null where `/proc` cannot be read (not Linux). */
  mib: number | null;
}

export const residentMemory = (processes: readonly { name: string; pid: number }[]): ProcessMemory[] =>
  processes.map((p) => ({ ...p, mib: residentMiB(p.pid) }));

export interface MemoryReport {
  firstPass: ProcessMemory[];
  secondPass: ProcessMemory[];
  checks: Check[];
}

/** Per instance: the second pass's resident memory against the first's; a leak grows it every pass. */
export function growthChecks(first: readonly ProcessMemory[], second: readonly ProcessMemory[]): Check[] {
  return first.map((before, i) => {
    const after = second[i]!;
    const name = `${before.name}: resident memory after the second run of the hot reads at most ${MAX_GROWTH * 100}% above the first's`;
    if (before.mib === null || after.mib === null) return { kind: 'target', name, pass: false, actual: 'not readable here' };
    const growth = after.mib / before.mib;
    return {
      kind: 'target',
      name,
      pass: growth <= 1 + MAX_GROWTH,
      actual: `${before.mib.toFixed(0)} → ${after.mib.toFixed(0)} MiB (${growth >= 1 ? '+' : ''}${((growth - 1) * 100).toFixed(1)}%)`,
    };
  });
}

/** Runs the hot reads twice (`pass`), reading each instance's resident memory after each run. */
export async function memoryChecks(instances: readonly { name: string; pid: number }[], pass: () => Promise<void>): Promise<MemoryReport> {
  await pass();
  const firstPass = residentMemory(instances);
  await pass();
  const secondPass = residentMemory(instances);
  return { firstPass, secondPass, checks: growthChecks(firstPass, secondPass) };
}
