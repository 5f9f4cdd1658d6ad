import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Scenario names in the order given; every scenario when none is named. */
  scenarios: string[];
  instances: number;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: pnpm bench [scenario ...] [--instances N]

Starts N server instances (default 2) on a throwaway database of the PostgreSQL server in
BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
runs the scenarios, prints a table and writes server/bench/results/latest.json.`;

/** Reads the command line; throws UsageError naming what is wrong. */
export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { instances: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const instances = values.instances === undefined ? 2 : Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
    throw new UsageError(`--instances must be a whole number from 1 to 16 (got ${JSON.stringify(values.instances)})`);
  }
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return { scenarios: positionals.length > 0 ? [...new Set(positionals)] : [...known], instances, help: values.help ?? false };
}
