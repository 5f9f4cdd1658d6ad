import type pg from 'pg';
import type { Role } from '@alumni/shared';
import type { LoadShape, LoadTarget, RequestSpec } from './load.js';
import { formatMs, formatRatio, type LoadResult, throughputRatio } from './stats.js';

/** The server's cheapest route: no database, no auth, no throttling, no request log. */
export const TRIVIAL: RequestSpec = { method: 'GET', path: '/api/health/live' };

/** What the harness gives every scenario. */
export interface BenchContext {
  /** The run's database, for bulk setup (see generators/) and for checks after the load. */
  db: pg.Pool;
  /** An access token the instances accept, without a sign-in. */
  mintToken(alumnusId: string, roles?: Role[]): string;
  /** Load spread across every instance. */
  drive(request: RequestSpec, shape: LoadShape): Promise<LoadResult>;
  /** Each instance's base URL, for a scenario that reads an answer back (its checks). */
  urls?: readonly string[];
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

/**
 * The design brief's budgets for one scenario, each a ratio to a reference measured in the same
 * run (docs/benchmarks.md, References) or a latency.
 */
export interface Targets {
  /** Throughput at least this share of the bare NestJS + Fastify app's, measured with the same load. */
  minBareRatio?: number;
  /** Throughput at least this share of pgbench's hot-row transactions per second. */
  minHotRowRatio?: number;
  maxP99Ms?: number;
}

/** What a scenario's throughput is compared with: our trivial endpoint and the bare app (same load, just before), and pgbench's hot row. */
export interface Baselines {
  trivial: LoadResult;
  bare: LoadResult;
  /** pgbench's hot-row tps; null when it was not measured. */
  hotRowTps: number | null;
}

export interface PreparedScenario {
  /**
   * What is sent. A burst is measured MEASURED_BURSTS times (load.ts burstsInTurns); one that
   * writes cannot be sent twice at the same data (a second sign-up burst at one event finds its
   * seats taken), so it gives a function of the burst (0, 1, 2), each at data of its own.
   */
  request: LoadTarget['request'];
  /** Runs the same code path before measuring (JIT, pools, query plans), without touching the measured data. */
  warmUp(): Promise<void>;
  /**
   * Last work before the measured window, after the references (e.g. the storm's notifications
   * signed, as WeChat Pay does on its own machines): its CPU is not counted in the scenario's line.
   */
  beforeMeasure?(): Promise<void> | void;
  /**
   * Invariants read back from the database after the load, and checks on the measured result (and
   * the references it was measured against). A burst's are asked of each measured burst, with its
   * index (as `request`'s) and its own result, and must hold on every one.
   */
  verify?(result: LoadResult, baselines: Baselines, burst: number): Promise<Check[]>;
}

export interface Scenario {
  name: string;
  summary: string;
  /** What one request is, for the throughput column: "sign-ups", "requests". */
  unit: string;
  /** The measured load; the trivial endpoint is measured with the same, just before. */
  shape: LoadShape;
  targets?: Targets;
  /** The scenario is the trivial endpoint itself: it is not measured a second time as its own baseline. */
  isTrivial?: boolean;
  /** One of the hot reads the memory check runs twice after the scenarios (docs/benchmarks.md, Memory). */
  hotRead?: boolean;
  /**
   * Some requests are meant to be refused (4xx): the scenario checks each answer itself
   * (`answered`), and the standard checks only ask for no 5xx and an answer to every request.
   */
  expectsRefusals?: boolean;
  /** Creates the scenario's data with the bulk generators and says what to send. */
  prepare(context: BenchContext): Promise<PreparedScenario>;
}

export const invariant = (name: string, pass: boolean, actual: string): Check => ({ kind: 'invariant', name, pass, actual });

/** The same checks of each measured burst, one line each: passed when they passed on every burst, with every burst's figure. */
export function onEveryBurst(perBurst: readonly (readonly Check[])[]): Check[] {
  return perBurst[0]!.map((check, i) => {
    const each = perBurst.map((checks) => checks[i]!);
    const actuals = each.map((one) => one.actual);
    return {
      ...check,
      pass: each.every((one) => one.pass),
      actual: actuals.every((actual) => actual === actuals[0]) ? `${actuals[0]} in each burst` : actuals.join(' / '),
    };
  });
}

/** Checks every scenario gets: each request answered 2xx (or 4xx, where refusals are expected), and the scenario's targets against the references. */
export function standardChecks(result: LoadResult, baselines: Baselines, targets: Targets = {}, expectsRefusals = false): Check[] {
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
  const ratioTarget = (what: string, minimum: number, ratio: number): Check => ({
    kind: 'target',
    name: `throughput ≥ ${formatRatio(minimum)} ${what}`,
    pass: ratio >= minimum,
    actual: formatRatio(ratio),
  });
  if (targets.minBareRatio !== undefined) {
    checks.push(ratioTarget('the bare NestJS + Fastify app', targets.minBareRatio, throughputRatio(result, baselines.bare)));
  }
  if (targets.minHotRowRatio !== undefined) {
    checks.push(
      baselines.hotRowTps === null
        ? {
            kind: 'target',
            name: `throughput ≥ ${formatRatio(targets.minHotRowRatio)} pgbench's hot row`,
            pass: false,
            actual: 'not measured',
          }
        : ratioTarget("pgbench's hot row", targets.minHotRowRatio, throughputRatio(result, baselines.hotRowTps)),
    );
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
