import type pg from 'pg';
import type { Role } from '@alumni/shared';
import type { LoadShape, RequestSpec } from './load.js';
import { formatMs, formatRatio, type LoadResult, throughputRatio } from './stats.js';

/** What the harness gives every scenario. */
export interface BenchContext {
  /** The run's database, for bulk setup (see generators/) and for checks after the load. */
  db: pg.Pool;
  /** An access token the instances accept, without a sign-in. */
  mintToken(alumnusId: string, roles?: Role[]): string;
  /** Load spread across every instance. */
  drive(request: RequestSpec, shape: LoadShape): Promise<LoadResult>;
}

/**
 * An invariant must hold exactly (a wrong one fails the run); a target is a performance
 * goal from the design brief, reported as pass or fail.
 */
export interface Check {
  kind: 'invariant' | 'target';
  name: string;
  pass: boolean;
  /** What was measured, e.g. "100 confirmed". */
  actual: string;
}

export interface Targets {
  /** Throughput at least this share of the trivial endpoint's, measured with the same load. */
  minRatio?: number;
  maxP99Ms?: number;
}

export interface PreparedScenario {
  request: RequestSpec;
  /** Runs the same code path before measuring (JIT, pools, query plans), without touching the measured data. */
  warmUp(): Promise<void>;
  /** Invariants read back from the database after the load, and checks on the measured result. */
  verify?(result: LoadResult): Promise<Check[]>;
}

export interface Scenario {
  name: string;
  summary: string;
  /** What one request is, for the throughput column: "sign-ups", "requests". */
  unit: string;
  /** The measured load; the trivial endpoint is measured with the same, just before. */
  shape: LoadShape;
  targets?: Targets;
  /**
   * Some requests are meant to be refused (4xx): the scenario checks each answer itself
   * (`answered`), and the standard checks only ask for no 5xx and an answer to every request.
   */
  expectsRefusals?: boolean;
  /** Creates the scenario's data with the bulk generators and says what to send. */
  prepare(context: BenchContext): Promise<PreparedScenario>;
}

export const invariant = (name: string, pass: boolean, actual: string): Check => ({ kind: 'invariant', name, pass, actual });

/** Checks every scenario gets: each request answered 2xx (or 4xx, where refusals are expected), and the scenario's targets against the trivial endpoint. */
export function standardChecks(result: LoadResult, baseline: LoadResult, targets: Targets = {}, expectsRefusals = false): Check[] {
  const { status, transportErrors } = result;
  const checks = [
    invariant('0 responses 5xx', status.serverErrors === 0, `${status.serverErrors} 5xx`),
    expectsRefusals
      ? invariant(
          'every other request answered 2xx or 4xx',
          status.other === 0 && transportErrors === 0,
          `${status.other} other, ${transportErrors} unanswered`,
        )
      : invariant(
          'every other request answered 2xx',
          status.clientErrors === 0 && status.other === 0 && transportErrors === 0,
          `${status.clientErrors} 4xx, ${status.other} other, ${transportErrors} unanswered`,
        ),
  ];
  const ratio = throughputRatio(result, baseline);
  if (targets.minRatio !== undefined) {
    checks.push({
      kind: 'target',
      name: `throughput ≥ ${formatRatio(targets.minRatio)} the trivial endpoint`,
      pass: ratio >= targets.minRatio,
      actual: formatRatio(ratio),
    });
  }
  if (targets.maxP99Ms !== undefined) {
    checks.push({
      kind: 'target',
      name: `p99 < ${formatMs(targets.maxP99Ms)}`,
      pass: result.p99Ms < targets.maxP99Ms,
      actual: formatMs(result.p99Ms),
    });
  }
  return checks;
}
