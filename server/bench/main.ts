import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, USAGE, UsageError } from './args.js';
import { benchServerUrl, createBenchDatabase, serverVersion } from './database.js';
import { type ServerInstance, startInstances, stopInstances } from './instances.js';
import { describeShape, drive, type LoadShape, type RequestSpec } from './load.js';
import { type BenchContext, type Check, type Scenario, standardChecks } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';
import { formatMs, formatRate, formatRatio, type LoadResult, renderTable, throughputRatio } from './stats.js';
import { benchJwtSecret, tokenMinter } from './tokens.js';

/** `bench/dist/bench/main.js` → `bench/results/`. */
const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
/** The server's cheapest route: no database, no auth, no throttling, no request log. */
const TRIVIAL: RequestSpec = { method: 'GET', path: '/api/health/live' };

interface ScenarioReport {
  name: string;
  summary: string;
  unit: string;
  load: LoadShape;
  trivial: LoadResult;
  result: LoadResult;
  ratio: number;
  checks: Check[];
}

const passed = (checks: readonly Check[]) => checks.every((check) => check.pass);

function printScenario(report: ScenarioReport): void {
  const line = (label: string, r: LoadResult) =>
    `  ${label.padEnd(28)} ${formatRate(r.perSecond).padStart(10)}  p50 ${formatMs(r.p50Ms).padStart(8)}  p99 ${formatMs(r.p99Ms).padStart(8)}` +
    `  2xx ${r.status.ok}  4xx ${r.status.clientErrors}  5xx ${r.status.serverErrors}  unanswered ${r.transportErrors}`;
  console.log(line(`trivial ${TRIVIAL.method} ${TRIVIAL.path}`, report.trivial));
  console.log(line(report.unit, report.result));
  console.log(`  ratio to the trivial endpoint: ${formatRatio(report.ratio)}`);
  for (const check of report.checks) {
    console.log(`  ${check.pass ? '✓' : '✗'} ${check.kind === 'target' ? 'target' : 'invariant'}: ${check.name} (${check.actual})`);
  }
}

async function runScenario(scenario: Scenario, context: BenchContext): Promise<ScenarioReport> {
  console.log(`\n━━ ${scenario.name}: ${scenario.summary}\n  load: ${describeShape(scenario.shape)}`);
  const prepared = await scenario.prepare(context);
  await prepared.warmUp();
  // Measured right before the scenario, with the same connections, so both see the same machine.
  const trivial = await context.drive(TRIVIAL, scenario.shape);
  const result = await context.drive(prepared.request, scenario.shape);
  const checks = [
    ...standardChecks(result, trivial, scenario.targets, scenario.expectsRefusals),
    ...((await prepared.verify?.(result)) ?? []),
  ];
  const report = {
    name: scenario.name,
    summary: scenario.summary,
    unit: scenario.unit,
    load: scenario.shape,
    trivial,
    result,
    ratio: throughputRatio(result, trivial),
    checks,
  };
  printScenario(report);
  return report;
}

function summaryTable(reports: readonly ScenarioReport[]): string {
  const verdict = (checks: readonly Check[], kind: Check['kind']) => {
    const mine = checks.filter((check) => check.kind === kind);
    return mine.length === 0 ? '–' : passed(mine) ? 'pass' : `FAIL ${mine.filter((check) => !check.pass).length}`;
  };
  return renderTable(
    ['scenario', 'throughput', 'p50', 'p99', '2xx', '4xx', '5xx', 'trivial', 'ratio', 'invariants', 'targets'],
    reports.map((r) => [
      r.name,
      `${formatRate(r.result.perSecond)} ${r.unit}`,
      formatMs(r.result.p50Ms),
      formatMs(r.result.p99Ms),
      String(r.result.status.ok),
      String(r.result.status.clientErrors),
      String(r.result.status.serverErrors),
      formatRate(r.trivial.perSecond),
      formatRatio(r.ratio),
      verdict(r.checks, 'invariant'),
      verdict(r.checks, 'target'),
    ]),
  );
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(
      process.argv.slice(2),
      SCENARIOS.map((scenario) => scenario.name),
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(`${USAGE}\n\nScenarios:\n${SCENARIOS.map((s) => `  ${s.name.padEnd(16)} ${s.summary}`).join('\n')}`);
    return 0;
  }
  const scenarios = options.scenarios.map((name) => SCENARIOS.find((scenario) => scenario.name === name)!);

  const serverUrl = benchServerUrl();
  const database = await createBenchDatabase(serverUrl);
  let instances: ServerInstance[] = [];
  const cleanUp = async () => {
    await stopInstances(instances);
    await database.drop();
  };
  // Ctrl-C still stops the instances and drops the database.
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    const machine = {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: release(),
      node: process.version,
      postgres: await serverVersion(database.pool),
      // Everything shares these CPUs: a busy machine lowers every figure, the ratios less so.
      loadAverage: loadavg()[0]!.toFixed(2),
    };
    console.log(
      `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Linux ${machine.kernel}, ` +
        `Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverage}`,
    );
    if (loadavg()[0]! > machine.cpus / 2) {
      console.log(`Warning: the machine is busy (load average ${machine.loadAverage} on ${machine.cpus} CPUs); every figure will be low.`);
    }
    console.log(`Database ${database.name}; starting ${options.instances} server instance(s)…`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const secret = benchJwtSecret();
    instances = await startInstances(
      {
        DATABASE_URL: database.url,
        JWT_SECRET: secret,
        WECHAT_FAKE: 'true',
        SEED_DEMO: 'false',
        // Production's level by default, so request logging is part of the cost measured.
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info',
        // One client address sends everything here; the limiter is not what is measured.
        THROTTLE_LIMIT: '1000000000',
        RATE_LIMITS: 'off',
        // BENCH_READ_CACHE_SECONDS=0 measures every read as a first read (docs/benchmarks.md).
        ...(process.env.BENCH_READ_CACHE_SECONDS && { READ_CACHE_SECONDS: process.env.BENCH_READ_CACHE_SECONDS }),
      },
      Array.from({ length: options.instances }, (_, i) => `${RESULTS_DIR}instance-${i + 1}.log`),
    );
    const urls = instances.map((instance) => instance.url);
    console.log(`Instances: ${urls.join(', ')} (logs in ${RESULTS_DIR})`);

    const context: BenchContext = {
      db: database.pool,
      mintToken: tokenMinter(secret),
      drive: (request, shape) => drive(urls, request, shape),
    };
    await context.drive(TRIVIAL, { connections: 50, durationSeconds: 3 });

    const reports: ScenarioReport[] = [];
    for (const scenario of scenarios) reports.push(await runScenario(scenario, context));

    const ok = reports.every((report) => passed(report.checks.filter((check) => check.kind === 'invariant')));
    console.log(`\n${summaryTable(reports)}\n`);
    const file = `${RESULTS_DIR}latest.json`;
    writeFileSync(
      file,
      `${JSON.stringify({ finishedAt: new Date().toISOString(), machine, instances: options.instances, ok, scenarios: reports }, null, 2)}\n`,
    );
    console.log(`Results written to ${file}`);
    console.log(ok ? 'All invariants hold.' : 'An invariant failed: see ✗ above.');
    return ok ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The benchmark failed:', error);
    process.exit(1);
  },
);
