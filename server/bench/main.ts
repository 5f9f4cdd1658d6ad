import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LISTEN_BACKLOG } from '../src/config/server.config.js';
import { parseBenchArgs, USAGE, UsageError } from './args.js';
import { benchServerUrl, createBenchDatabase, serverVersion } from './database.js';
import { type ServerInstance, startInstances, stopInstances } from './instances.js';
import {
  burstOnOpenConnections,
  burstsInTurns,
  describeShape,
  drive,
  driveInTurns,
  isBurst,
  type LoadShape,
  type LoadTarget,
  MEASURED_BURSTS,
  type RequestSpec,
  requestFor,
} from './load.js';
import { memoryChecks, type MemoryReport, residentMemory } from './memory.js';
import { type BareReference, hotRow, type HotRowResult, postmasterPid, readPostgresCpuMs, startBareReference } from './references.js';
import { type Baselines, type BenchContext, type Check, onEveryBurst, type Scenario, standardChecks, TRIVIAL } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';
import { cpuRatio, formatMs, formatRate, formatRatio, type LoadResult, renderTable, throughputRatio } from './stats.js';
import { benchJwtSecret, tokenMinter } from './tokens.js';
import { startWechatPayService, type WechatPayService } from './wechat-pay-service.js';

/** `bench/dist/bench/main.js` → `bench/results/`. */
const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
/** pgbench's hot row runs this long, at the start of the run and again right before each write scenario. */
const HOT_ROW_SECONDS = 10;

interface ScenarioReport {
  name: string;
  summary: string;
  unit: string;
  load: LoadShape;
  /** The references; for a burst, the median burst of each (`bursts`). */
  trivial: LoadResult;
  bare: LoadResult;
  /** A burst's measured bursts, each target's in the order sent (load.ts burstsInTurns); its lines are their medians. */
  bursts?: { bare: LoadResult[]; trivial?: LoadResult[]; result: LoadResult[] };
  /** Diagnostic for a burst (every connection new): the bare app with the connections opened first. */
  bareOnOpenConnections?: LoadResult;
  hotRow: HotRowResult;
  result: LoadResult;
  /** `bareCpu`: the bare app's CPU per request over ours (null where /proc cannot be read). */
  ratios: { trivial: number; bare: number; hotRow: number; bareCpu: number | null };
  checks: Check[];
}

const passed = (checks: readonly Check[]) => checks.every((check) => check.pass);
const load = (value: number) => value.toFixed(1);
const cpu = (r: LoadResult) => (r.cpuPerRequestUs === null ? '?' : `${Math.round(r.cpuPerRequestUs)} µs`);
const generatorCpu = (r: LoadResult) =>
  r.loadGeneratorCpuPerRequestUs === undefined || r.loadGeneratorCpuPerRequestUs === null
    ? '?'
    : `${Math.round(r.loadGeneratorCpuPerRequestUs)} µs`;
const databaseCpu = (r: LoadResult) =>
  r.databaseCpuPerRequestUs === undefined
    ? ''
    : `  PostgreSQL ${r.databaseCpuPerRequestUs === null ? '?' : `${Math.round(r.databaseCpuPerRequestUs)} µs`}/request`;
const ratioOrUnknown = (ratio: number | null) => (ratio === null ? '?' : formatRatio(ratio));

function describeHotRow(hot: HotRowResult): string {
  return `${formatRate(hot.tps)} transactions (${hot.clients} clients, ${hot.seconds} s, latency ${formatMs(hot.latencyMs)}, load ${load(hot.loadAverage)})`;
}

function printScenario(report: ScenarioReport): void {
  const line = (label: string, r: LoadResult) =>
    `  ${label.padEnd(30)} ${formatRate(r.perSecond).padStart(10)}  p50 ${formatMs(r.p50Ms).padStart(8)}  p99 ${formatMs(r.p99Ms).padStart(8)}` +
    `  2xx ${r.status.ok}  4xx ${r.status.clientErrors}  5xx ${r.status.serverErrors}  unanswered ${r.transportErrors}` +
    `  CPU ${cpu(r)}/request  load generator ${generatorCpu(r)}/request${databaseCpu(r)}  load ${load(r.loadAverage)}` +
    (r.listenOverflows ? `  listen overflows +${r.listenOverflows}` : '');
  const bursts = (measured: readonly LoadResult[] | undefined) => {
    if (measured)
      console.log(
        `    bursts in the order sent: ${measured.map((r) => formatRate(r.perSecond)).join(', ')} (the line above is their median)`,
      );
  };
  console.log(line('bare NestJS + Fastify app', report.bare));
  bursts(report.bursts?.bare);
  if (report.bareOnOpenConnections) {
    console.log(line('diagnostic: bare, opened first', report.bareOnOpenConnections));
    console.log(
      '  (diagnostic, not a reference: the same burst at the bare app with its connections opened before the first request, ' +
        'from raw sockets; not used in any ratio)',
    );
  }
  console.log(line(`trivial ${TRIVIAL.method} ${TRIVIAL.path}`, report.trivial));
  bursts(report.bursts?.trivial);
  console.log(line(report.unit, report.result));
  bursts(report.bursts?.result);
  const { ratios } = report;
  console.log(
    `  ratios: ${formatRatio(ratios.bare)} the bare app (by CPU per request ${ratioOrUnknown(ratios.bareCpu)}), ` +
      `${formatRatio(ratios.trivial)} the trivial endpoint, ${formatRatio(ratios.hotRow)} pgbench's hot row (${formatRate(report.hotRow.tps)})`,
  );
  for (const check of report.checks) {
    console.log(`  ${check.pass ? '✓' : '✗'} ${check.kind === 'target' ? 'target' : 'invariant'}: ${check.name} (${check.actual})`);
  }
}

interface Harness {
  context: BenchContext;
  /** The bare app, driven with the same load spread over as many processes as there are instances. */
  driveBare(shape: LoadShape): Promise<LoadResult>;
  /** The bare app's route as a target of driveInTurns or burstsInTurns. */
  bare: LoadTarget;
  /** A request (or one per turn) to the instances as a target of driveInTurns or burstsInTurns. */
  instances(request: LoadTarget['request']): LoadTarget;
  /** The bare app, a burst of `count` requests on connections opened beforehand (a diagnostic). */
  burstBareOnOpenConnections(count: number): Promise<LoadResult>;
  /** pgbench's hot row now, on the run's database; kept as the latest figure. */
  measureHotRow(): Promise<HotRowResult>;
  latestHotRow(): HotRowResult;
}

async function runScenario(scenario: Scenario, harness: Harness): Promise<ScenarioReport & { request: RequestSpec }> {
  const { context } = harness;
  const { shape } = scenario;
  const burst = isBurst(shape);
  const turns =
    'durationSeconds' in shape
      ? ', in two halves, in turns with the references (A B C, then C B A)'
      : burst
        ? `, ${MEASURED_BURSTS} times, in turns with the references (A B C, C B A, A B C); each line is its median burst`
        : '';
  console.log(`\n━━ ${scenario.name}: ${scenario.summary}\n  load: ${describeShape(shape)}${turns}`);
  const prepared = await scenario.prepare(context);
  await prepared.warmUp();
  // A write budget is stated against the hot row: measured again right before, on the same machine state.
  if (scenario.targets?.minHotRowRatio !== undefined) {
    const hot = await harness.measureHotRow();
    console.log(`  pgbench hot row: ${describeHotRow(hot)}`);
  }
  // In turns: the bare app, the trivial endpoint (unless it is the scenario) and the scenario, so all three see the same machine.
  const targets = [harness.bare, ...(scenario.isTrivial ? [] : [harness.instances(TRIVIAL)]), harness.instances(prepared.request)];
  const byTarget = <T>(measured: readonly T[]): [bare: T, trivial: T | undefined, result: T] =>
    scenario.isTrivial ? [measured[0]!, undefined, measured[1]!] : [measured[0]!, measured[1]!, measured[2]!];
  let bare: LoadResult, trivial: LoadResult | undefined, result: LoadResult, bareOnOpenConnections: LoadResult | undefined;
  let bursts: ScenarioReport['bursts'];
  if ('durationSeconds' in shape) {
    await prepared.beforeMeasure?.();
    [bare, trivial, result] = byTarget(await driveInTurns(targets, shape));
  } else if (burst) {
    // The start's warm-up keeps its connections open, so the code that accepts and closes a connection is still cold
    // for a burst (its first burst costs a process about twice the CPU per request of later ones): one unmeasured
    // burst each warms the bare app and the trivial endpoint as the scenario's own warm-up warms its route.
    await Promise.all([harness.driveBare(shape), scenario.isTrivial ? undefined : context.drive(TRIVIAL, shape)]);
    // Every connection of a burst is new: what the bare app does without that set-up, beside (issue 17).
    bareOnOpenConnections = await harness.burstBareOnOpenConnections(shape.connections);
    await prepared.beforeMeasure?.();
    // One burst is under a second: three each in turns, each reported by its median (issue 17).
    const [bareBursts, trivialBursts, resultBursts] = byTarget(await burstsInTurns(targets, shape.amount));
    [bare, trivial, result] = [bareBursts.median, trivialBursts?.median, resultBursts.median];
    bursts = { bare: bareBursts.bursts, ...(trivialBursts && { trivial: trivialBursts.bursts }), result: resultBursts.bursts };
  } else {
    // Many requests on few connections (the storms): both references right before the scenario, with the same load.
    bare = await harness.driveBare(shape);
    trivial = scenario.isTrivial ? undefined : await context.drive(TRIVIAL, shape);
    await prepared.beforeMeasure?.();
    result = await context.drive(requestFor(prepared.request, 0), shape);
  }
  const hotRow = harness.latestHotRow();
  const baselines: Baselines = { trivial: trivial ?? result, bare, hotRowTps: hotRow.tps };
  // A burst's invariants hold on every burst; its targets are its median's.
  const measured = bursts?.result ?? [result];
  const perBurst = await Promise.all(
    measured.map(async (one, i) => [
      ...standardChecks(one, baselines, {}, scenario.expectsRefusals),
      ...((await prepared.verify?.(one, baselines, i)) ?? []),
    ]),
  );
  const checks = [
    ...(bursts ? onEveryBurst(perBurst) : perBurst[0]!),
    ...standardChecks(result, baselines, scenario.targets, scenario.expectsRefusals).filter((check) => check.kind === 'target'),
  ];
  const report = {
    name: scenario.name,
    summary: scenario.summary,
    unit: scenario.unit,
    load: scenario.shape,
    trivial: baselines.trivial,
    bare,
    ...(bursts && { bursts }),
    ...(bareOnOpenConnections && { bareOnOpenConnections }),
    hotRow,
    result,
    ratios: {
      trivial: throughputRatio(result, baselines.trivial),
      bare: throughputRatio(result, bare),
      hotRow: throughputRatio(result, hotRow.tps),
      bareCpu: cpuRatio(result, bare),
    },
    checks,
    request: requestFor(prepared.request, 0),
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
    [
      'scenario',
      'throughput',
      'p50',
      'p99',
      '5xx',
      'load',
      'CPU/req',
      'bare app',
      '× bare',
      '× bare CPU',
      'trivial',
      '× trivial',
      '× hot row',
      'invariants',
      'targets',
    ],
    reports.map((r) => [
      r.name,
      `${formatRate(r.result.perSecond)} ${r.unit}`,
      formatMs(r.result.p50Ms),
      formatMs(r.result.p99Ms),
      String(r.result.status.serverErrors),
      load(r.result.loadAverage),
      cpu(r.result),
      formatRate(r.bare.perSecond),
      formatRatio(r.ratios.bare),
      ratioOrUnknown(r.ratios.bareCpu),
      formatRate(r.trivial.perSecond),
      formatRatio(r.ratios.trivial),
      formatRatio(r.ratios.hotRow),
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
    console.log(`${USAGE}\n\nScenarios:\n${SCENARIOS.map((s) => `  ${s.name.padEnd(20)} ${s.summary}`).join('\n')}`);
    return 0;
  }
  const scenarios = options.scenarios.map((name) => SCENARIOS.find((scenario) => scenario.name === name)!);

  const serverUrl = benchServerUrl();
  const database = await createBenchDatabase(serverUrl);
  let instances: ServerInstance[] = [];
  let bare: BareReference | undefined;
  let pay: WechatPayService | undefined;
  const cleanUp = async () => {
    await Promise.all([stopInstances(instances), bare?.stop(), pay?.stop()]);
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
    // The server's default unless BENCH_LISTEN_BACKLOG says otherwise (511 is Node's own); the bare app gets the same.
    const listenBacklog = Number(process.env.BENCH_LISTEN_BACKLOG || DEFAULT_LISTEN_BACKLOG);
    // WeChat Pay out of process, as in production: the instances sign every call, verify every answer.
    pay = await startWechatPayService();
    instances = await startInstances(
      {
        DATABASE_URL: database.url,
        JWT_SECRET: secret,
        // The fakes stand in for WeChat (and WeChat Pay, out of process here); no demo college.
        DEMO: 'true',
        ...pay.instanceEnv,
        SEED_DEMO: 'false',
        // Production's level by default, so request logging is part of the cost measured.
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info',
        // One client address sends everything here; the limiter is not what is measured.
        THROTTLE_LIMIT: '1000000000',
        RATE_LIMITS: 'off',
        LISTEN_BACKLOG: String(listenBacklog),
        // BENCH_READ_CACHE_SECONDS=0 measures every read as a first read (docs/benchmarks.md).
        ...(process.env.BENCH_READ_CACHE_SECONDS && { READ_CACHE_SECONDS: process.env.BENCH_READ_CACHE_SECONDS }),
      },
      Array.from({ length: options.instances }, (_, i) => `${RESULTS_DIR}instance-${i + 1}.log`),
    );
    const urls = instances.map((instance) => instance.url);
    console.log(`Instances: ${urls.join(', ')} (logs in ${RESULTS_DIR}; listen backlog ${listenBacklog}, bare app's too)`);
    bare = await startBareReference(options.instances, listenBacklog);
    const bareUrls = bare.urls;
    console.log(`Bare NestJS + Fastify reference: ${bareUrls.join(', ')}`);

    const instancePids = instances.map((instance) => instance.pid);
    // The whole server's CPU, backends that start or end during a load included (a pool closes an idle connection).
    const postmaster = await postmasterPid(database.pool);
    const databaseCpuMs = () => (postmaster === null ? null : readPostgresCpuMs(postmaster));
    const instanceTarget = (request: LoadTarget['request']): LoadTarget => ({ urls, request, pids: instancePids, databaseCpuMs });
    const context: BenchContext = {
      db: database.pool,
      mintToken: tokenMinter(secret),
      drive: (request, shape) => drive(urls, request, shape, instancePids, databaseCpuMs),
      urls,
    };
    let hot = await hotRow(database.pool, database.url, HOT_ROW_SECONDS);
    console.log(`pgbench hot row (SELECT … FOR UPDATE + UPDATE of one row): ${describeHotRow(hot)}`);
    const harness: Harness = {
      context,
      driveBare: (shape) => drive(bareUrls, TRIVIAL, shape, bare!.pids),
      bare: { urls: bareUrls, request: TRIVIAL, pids: bare.pids },
      instances: instanceTarget,
      burstBareOnOpenConnections: (count) => burstOnOpenConnections(bareUrls, TRIVIAL.path, count, bare!.pids),
      async measureHotRow() {
        hot = await hotRow(database.pool, database.url, HOT_ROW_SECONDS);
        return hot;
      },
      latestHotRow: () => hot,
    };
    const warmUp = { connections: 50, durationSeconds: 3 };
    await Promise.all([context.drive(TRIVIAL, warmUp), harness.driveBare(warmUp)]);

    const reports: (ScenarioReport & { request: RequestSpec })[] = [];
    for (const scenario of scenarios) reports.push(await runScenario(scenario, harness));

    const processes = [
      ...instances.map((instance, i) => ({ name: `instance ${i + 1}`, pid: instance.pid })),
      ...bare.pids.map((pid, i) => ({ name: `bare app ${i + 1}`, pid })),
    ];
    const afterRun = residentMemory(processes);
    console.log(`\nResident memory after the scenarios: ${afterRun.map((p) => `${p.name} ${p.mib?.toFixed(0) ?? '?'} MiB`).join(', ')}`);
    const hotReads = reports.filter((report) => scenarios.find((s) => s.name === report.name)?.hotRead);
    let memory: MemoryReport | undefined;
    if (hotReads.length > 0) {
      console.log(`Memory: the ${hotReads.length} hot reads twice more, resident memory after each pass…`);
      memory = await memoryChecks(
        instances.map((instance, i) => ({ name: `instance ${i + 1}`, pid: instance.pid })),
        async () => {
          for (const report of hotReads) await context.drive(report.request, report.load);
        },
      );
      for (const check of memory.checks) console.log(`  ${check.pass ? '✓' : '✗'} target: ${check.name} (${check.actual})`);
    }

    const ok = reports.every((report) => passed(report.checks.filter((check) => check.kind === 'invariant')));
    console.log(`\nReferences: pgbench hot row ${describeHotRow(hot)} (latest); the bare app per scenario, same load.`);
    console.log(`\n${summaryTable(reports)}\n`);
    console.log(
      `Resident memory after the run: ${residentMemory(processes)
        .map((p) => `${p.name} ${p.mib?.toFixed(0) ?? '?'} MiB`)
        .join(', ')}`,
    );
    const file = `${RESULTS_DIR}latest.json`;
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          finishedAt: new Date().toISOString(),
          machine,
          instances: options.instances,
          ok,
          scenarios: reports.map(({ request: _request, ...report }) => report),
          memory: { afterScenarios: afterRun, ...memory },
        },
        null,
        2,
      )}\n`,
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
