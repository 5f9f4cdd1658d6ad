import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseBenchArgs, UsageError } from './args.js';
import { growthChecks } from './memory.js';
import { burstOnOpenConnections, burstsInTurns, drive, driveInTurns, type LoadTarget, turnOrder } from './load.js';
import { parsePgbench, parseProcStat, postgresCpuMs } from './references.js';
import { type BenchContext, invariant, onEveryBurst, standardChecks } from './scenario.js';
import { pageCost } from './scenarios/page-cost.js';
import { stormDeliveries } from './storm.js';
import {
  emptyStatusCounts,
  formatMs,
  formatRate,
  formatRatio,
  medianBurst,
  percentile,
  renderTable,
  summarise,
  throughputRatio,
} from './stats.js';

const KNOWN = ['signup-burst', 'event-list'];

describe('bench command line', () => {
  it('runs every scenario on two instances by default', () => {
    expect(parseBenchArgs([], KNOWN)).toEqual({ scenarios: KNOWN, instances: 2, help: false });
  });

  it('takes scenario names in the order given, once each, and --instances', () => {
    expect(parseBenchArgs(['event-list', '--instances', '3', 'signup-burst', 'event-list'], KNOWN)).toEqual({
      scenarios: ['event-list', 'signup-burst'],
      instances: 3,
      help: false,
    });
  });

  it.each([
    [['nope'], /unknown scenario nope; known: signup-burst, event-list/],
    [['--instances', '0'], /--instances must be a whole number from 1 to 16/],
    [['--instances', '2.5'], /--instances must be a whole number/],
    [['--instances'], /argument missing/],
    [['--fast'], /Unknown option '--fast'/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseBenchArgs(argv, KNOWN)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv, KNOWN)).toThrow(message);
  });
});

describe('bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('summarises unsorted latencies and counts requests per second over the run', () => {
    const status = { ...emptyStatusCounts(), ok: 3, serverErrors: 1 };
    const result = summarise([30, 10, 40, 20], status, 0, 2000);
    expect(result).toMatchObject({ requests: 4, perSecond: 2, p50Ms: 20, p99Ms: 40, maxMs: 40, status });
  });

  it('compares throughput with a reference: a load result or a rate', () => {
    const trivial = summarise([1, 1, 1, 1], emptyStatusCounts(), 0, 1000);
    const scenario = summarise([5], emptyStatusCounts(), 0, 1000);
    expect(throughputRatio(scenario, trivial)).toBe(0.25);
    expect(throughputRatio(scenario, 4)).toBe(0.25);
    expect(throughputRatio(scenario, summarise([], emptyStatusCounts(), 0, 1000))).toBe(0);
    expect(formatRatio(0.254)).toBe('0.25×');
  });

  it('reports a burst measured three times by its median, never its best, with that burst’s own latencies', () => {
    // 1,000 answers over a duration that gives the rate; every answer of a burst at one latency, its own.
    const burst = (perSecond: number, latencyMs: number) =>
      summarise(Array(1000).fill(latencyMs), { ...emptyStatusCounts(), ok: 1000 }, 0, (1000 * 1000) / perSecond);
    const [slow, fast, middle] = [burst(900, 800), burst(1500, 500), burst(1200, 600)];
    expect(medianBurst([slow, fast, middle])).toBe(middle);
    expect(medianBurst([fast, middle, slow])).toMatchObject({ perSecond: 1200, p99Ms: 600 });
    expect(() => medianBurst([slow, fast])).toThrow(/median of 2 bursts/);
  });

  it('takes turns A B C, then C B A, then A B C again', () => {
    expect(turnOrder(3, 2)).toEqual([0, 1, 2, 2, 1, 0]);
    expect(turnOrder(3, 3)).toEqual([0, 1, 2, 2, 1, 0, 0, 1, 2]);
    expect(turnOrder(2, 3)).toEqual([0, 1, 1, 0, 0, 1]);
  });

  it('formats rates and latencies for the table', () => {
    expect(formatRate(12345.6)).toBe('12,346/s');
    expect([formatMs(0.456), formatMs(12.34), formatMs(345.6)]).toEqual(['0.46 ms', '12.3 ms', '346 ms']);
    expect(
      renderTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['bbb', '22'],
        ],
      ).split('\n'),
    ).toEqual(['name   n', '────  ──', 'a      1', 'bbb   22']);
  });
});

describe('bench checks', () => {
  const reference = summarise(Array(1000).fill(1), { ...emptyStatusCounts(), ok: 1000 }, 0, 1000);
  const baselines = { trivial: reference, bare: reference, hotRowTps: 500 };

  it('passes a clean run that meets its targets', () => {
    const result = summarise(Array(600).fill(20), { ...emptyStatusCounts(), ok: 600 }, 0, 1000);
    const checks = standardChecks(result, baselines, { minBareRatio: 0.5, minHotRowRatio: 1, maxP99Ms: 50 });
    expect(checks.map((c) => [c.kind, c.pass])).toEqual([
      ['invariant', true],
      ['invariant', true],
      ['target', true],
      ['target', true],
      ['target', true],
    ]);
  });

  it('fails the invariants on 5xx or unanswered requests, and the targets when slow', () => {
    const result = summarise(Array(400).fill(60), { ...emptyStatusCounts(), ok: 398, serverErrors: 2 }, 1, 1000);
    const checks = standardChecks(result, baselines, { minBareRatio: 0.5, minHotRowRatio: 1, maxP99Ms: 50 });
    expect(checks.map((c) => [c.name, c.pass, c.actual])).toEqual([
      ['0 responses 5xx', false, '2 5xx'],
      ['every other request answered 2xx', false, '0 4xx, 0 other, 1 unanswered'],
      ['throughput ≥ 0.50× the bare NestJS + Fastify app', false, '0.40×'],
      ["throughput ≥ 1.00× pgbench's hot row", false, '0.80×'],
      ['p99 < 50.0 ms', false, '60.0 ms'],
    ]);
  });

  it('holds a burst’s invariants on every measured burst, one line each with every burst’s figure', () => {
    const seats = (confirmed: number[]) =>
      onEveryBurst(
        confirmed.map((n) => [
          invariant('exactly 100 confirmed', n === 100, `${n} confirmed`),
          invariant('0 responses 5xx', true, '0 5xx'),
        ]),
      );
    expect(seats([100, 100, 100]).map((c) => [c.name, c.pass, c.actual])).toEqual([
      ['exactly 100 confirmed', true, '100 confirmed in each burst'],
      ['0 responses 5xx', true, '0 5xx in each burst'],
    ]);
    expect(seats([100, 101, 100])[0]).toMatchObject({
      kind: 'invariant',
      pass: false,
      actual: '100 confirmed / 101 confirmed / 100 confirmed',
    });
  });

  it('fails a hot-row target that could not be measured', () => {
    const result = summarise([1], { ...emptyStatusCounts(), ok: 1 }, 0, 1);
    const [target] = standardChecks(result, { ...baselines, hotRowTps: null }, { minHotRowRatio: 1 }).filter((c) => c.kind === 'target');
    expect(target).toMatchObject({ pass: false, actual: 'not measured' });
  });

  it('lets a scenario that expects refusals have 4xx, but never 5xx or unanswered requests', () => {
    const refused = summarise(Array(100).fill(5), { ...emptyStatusCounts(), ok: 60, clientErrors: 40 }, 0, 1000);
    expect(standardChecks(refused, baselines, {}, true).every((c) => c.pass)).toBe(true);
    expect(standardChecks(refused, baselines).map((c) => c.pass)).toEqual([true, false]);
    const broken = summarise(Array(100).fill(5), { ...emptyStatusCounts(), ok: 59, clientErrors: 40, serverErrors: 1 }, 2, 1000);
    expect(standardChecks(broken, baselines, {}, true).map((c) => [c.pass, c.actual])).toEqual([
      [false, '1 5xx'],
      [false, '0 other, 2 unanswered'],
    ]);
  });
});

describe('page cost', () => {
  const run = (perSecond: number, latencyMs: number) =>
    summarise(Array(perSecond).fill(latencyMs), { ...emptyStatusCounts(), ok: perSecond }, 0, 1000);

  it('holds the small table to the budgets as well as the slowdown from small to large', async () => {
    const grown: number[] = [];
    // What the harness would measure: warm-up and the small table (100/s, p99 60 ms), then the large one (80/s).
    const measured = [run(1, 1), run(100, 60), run(1, 1)];
    const scenario = pageCost({
      name: 'search',
      what: 'GET /search',
      small: 10,
      large: 100,
      targets: { minBareRatio: 0.1, maxP99Ms: 50 },
      setUp: async () => ({ request: { method: 'GET', path: '/search' }, grow: async (rows) => void grown.push(rows) }),
    });
    const context = {
      db: { query: async () => ({}) },
      mintToken: () => '',
      drive: async () => measured.shift()!,
    } as unknown as BenchContext;
    const prepared = await scenario.prepare(context);
    expect(grown).toEqual([10, 90]);
    expect(scenario.targets).toEqual({ minBareRatio: 0.1, maxP99Ms: 50 });
    const bare = run(2000, 1);
    const checks = await prepared.verify!(run(80, 40), { trivial: bare, bare, hotRowTps: null }, 0);
    expect(checks.map((c) => [c.name, c.pass, c.actual])).toEqual([
      ['at 10 rows: throughput ≥ 0.10× the bare NestJS + Fastify app', false, '0.05×'],
      ['at 10 rows: p99 < 50.0 ms', false, '60.0 ms'],
      ['page cost at 100 rows ≤ 1.5× the cost at 10', true, '1.25× (100/s → 80/s)'],
    ]);
  });
});

describe('references', () => {
  it("reads pgbench's throughput and latency", () => {
    const output = [
      'number of transactions actually processed: 13021',
      'latency average = 24.571 ms',
      'initial connection time = 38.154 ms',
      'tps = 1302.358191 (without initial connection time)',
    ].join('\n');
    expect(parsePgbench(output)).toEqual({ tps: 1302.358191, latencyMs: 24.571 });
    expect(parsePgbench('pgbench: error: connection failed')).toBeNull();
  });

  it('holds resident memory to 10% growth between two runs of the hot reads', () => {
    const first = [
      { name: 'instance 1', pid: 1, mib: 200 },
      { name: 'instance 2', pid: 2, mib: 200 },
      { name: 'instance 3', pid: 3, mib: 200 },
    ];
    const second = [
      { name: 'instance 1', pid: 1, mib: 219 },
      { name: 'instance 2', pid: 2, mib: 221 },
      { name: 'instance 3', pid: 3, mib: null },
    ];
    expect(growthChecks(first, second).map((c) => [c.pass, c.actual])).toEqual([
      [true, '200 → 219 MiB (+9.5%)'],
      [false, '200 → 221 MiB (+10.5%)'],
      [false, 'not readable here'],
    ]);
  });
});

describe("the PostgreSQL server's CPU", () => {
  /** A `/proc/<pid>/stat` line: its name, parent and CPU ticks (100 a second: 1 tick = 10 ms). */
  const stat = (pid: number, name: string, ppid: number, [utime, stime, cutime, cstime]: number[]) =>
    `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194304 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 100 0 0\n`;
  const table = (...lines: string[]) => new Map(lines.map((line) => [Number(line.split(' ')[0]), line]));
  const used = (before: Map<number, string>, after: Map<number, string>) => postgresCpuMs(1, after)! - postgresCpuMs(1, before)!;

  it('reads a process line whose name holds spaces and parentheses', () => {
    expect(parseProcStat(stat(7, 'odd) name (x', 1, [3, 2, 40, 10]))).toEqual({ ppid: 1, cpuMs: 50, reapedChildrenCpuMs: 500 });
  });

  it('counts every backend once: alive throughout, ended, started, and started and ended within the window', () => {
    const before = table(
      stat(1, 'postgres', 0, [10, 5, 1000, 500]),
      stat(20, 'postgres', 1, [100, 50, 0, 0]), // alive at both ends: its delta, 30 ticks
      stat(21, 'postgres', 1, [200, 100, 0, 0]), // ends: 300 ticks already counted here
      stat(99, 'node', 5, [5000, 5000, 0, 0]), // not the server's
    );
    const after = table(
      // Postmaster: 3 ticks of its own; reaped backend 21 (300 + 40 ticks) and a backend that lived only inside the window (25 ticks).
      stat(1, 'postgres', 0, [12, 6, 1000 + 320 + 20, 500 + 20 + 5]),
      stat(20, 'postgres', 1, [120, 60, 0, 0]),
      stat(22, 'postgres', 1, [7, 1, 0, 0]), // started meanwhile: all of its 8 ticks
      stat(99, 'node', 5, [9000, 9000, 0, 0]),
    );
    expect(used(before, after)).toBe((3 + 30 + 40 + 25 + 8) * 10);
  });

  it('is 0 ms when the server did nothing (the trivial endpoint), even with a backend closed meanwhile', () => {
    const before = table(stat(1, 'postgres', 0, [10, 5, 1000, 500]), stat(21, 'postgres', 1, [200, 100, 0, 0]));
    const after = table(stat(1, 'postgres', 0, [10, 5, 1200, 600]));
    expect(used(before, after)).toBe(0);
  });

  it('cannot read a server whose postmaster is not in the table', () => {
    expect(postgresCpuMs(1, table(stat(99, 'node', 5, [1, 1, 0, 0])))).toBeNull();
  });
});

describe('notification storm', () => {
  it("sends issue 7's 10,000 notifications for 2,000 orders", () => {
    expect(stormDeliveries({ orders: 2000, unpaid: 200, copies: 4, wrongForPaid: 1000, unknown: 400 })).toBe(10_000);
  });
});

describe('driving a burst', () => {
  let server: Server;
  let url: string;
  /** What reached the server: each request's connection, line, headers and body. */
  let seen: { socket: Socket; method: string; url: string; authorization?: string; contentType?: string; body: string }[];
  beforeAll(async () => {
    // x-answer: the status to answer; x-shape: how (whole, in chunks, without a length, cut off).
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { authorization, 'content-type': contentType } = request.headers;
        seen.push({ socket: request.socket, method: request.method!, url: request.url!, authorization, contentType, body });
        const status = Number(request.headers['x-answer'] ?? 200);
        const shape = request.headers['x-shape'];
        if (shape === 'chunked') {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.write('{"status":');
          setTimeout(() => response.end('"ok"}'), 20);
        } else if (shape === 'until-close') {
          response.writeHead(status, { connection: 'close' });
          response.write('no length');
          setTimeout(() => response.end(' given'), 20);
        } else if (shape === 'cut-off') {
          response.writeHead(status, { 'content-length': '100' });
          response.write('only part of it');
          setTimeout(() => request.socket.destroy(), 20);
        } else {
          response.writeHead(status, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (seen = []));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends each request of a burst on a new connection of its own, with its own headers and body', async () => {
    let next = 0;
    const result = await drive(
      [url, url],
      {
        method: 'POST',
        path: '/signups',
        body: '{"answers":{}}',
        vary: () => {
          const i = next++;
          return { headers: { authorization: `Bearer t${i}` }, ...(i === 3 && { body: '{"other":true}' }) };
        },
      },
      { connections: 20, amount: 20 },
    );
    expect(result.requests).toBe(20);
    expect(result.status).toEqual({ ok: 20, clientErrors: 0, serverErrors: 0, other: 0 });
    expect(new Set(seen.map((request) => request.socket)).size).toBe(20);
    expect(seen.map((request) => request.authorization).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Bearer t${i}`).sort());
    expect(
      seen.every((request) => request.method === 'POST' && request.url === '/signups' && request.contentType === 'application/json'),
    ).toBe(true);
    expect(seen.find((request) => request.authorization === 'Bearer t3')!.body).toBe('{"other":true}');
    expect(seen.filter((request) => request.body === '{"answers":{}}')).toHaveLength(19);
    expect(result.loadGeneratorCpuPerRequestUs).toBeGreaterThan(0);
  });

  it('counts every answer by its status, and tells each request its own', async () => {
    const statuses = [201, 200, 409, 404, 503, 500, 201, 302];
    const shapes = ['whole', 'chunked', 'until-close'];
    const told: [number, number][] = [];
    let next = 0;
    const result = await drive(
      [url],
      {
        method: 'GET',
        path: '/',
        vary: () => {
          const i = next++;
          const status = statuses[i % statuses.length]!;
          return {
            headers: { 'x-answer': String(status), 'x-shape': shapes[i % shapes.length]! },
            answered: (got) => told.push([status, got]),
          };
        },
      },
      { connections: 24, amount: 24 },
    );
    expect(result.status).toEqual({ ok: 9, clientErrors: 6, serverErrors: 6, other: 3 });
    expect(result.transportErrors).toBe(0);
    expect(told).toHaveLength(24);
    for (const [asked, got] of told) expect(got).toBe(asked);
    // Chunked and close-ended answers are counted when whole: their last part comes 20 ms after the first.
    expect(result.maxMs).toBeGreaterThanOrEqual(19);
  });

  it('counts an answer cut off before its end as unanswered, not by its status', async () => {
    let next = 0;
    const result = await drive(
      [url],
      { method: 'GET', path: '/', vary: () => ({ headers: { 'x-shape': next++ % 2 === 0 ? 'cut-off' : 'whole' } }) },
      { connections: 10, amount: 10 },
    );
    expect(result.status).toEqual({ ok: 5, clientErrors: 0, serverErrors: 0, other: 0 });
    expect(result.transportErrors).toBe(5);
    expect(result.requests).toBe(5);
  });

  it('counts a request to a closed port as unanswered', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await drive([url, `http://127.0.0.1:${port}`], { method: 'GET', path: '/' }, { connections: 4, amount: 4 });
    expect(result.status.ok).toBe(2);
    expect(result.transportErrors).toBe(2);
  });

  it('measures steady loads in turns, A B C then C B A, each its halves added up', async () => {
    const target = (path: string) => ({ urls: [url], request: { method: 'GET' as const, path } });
    const results = await driveInTurns([target('/a'), target('/b'), target('/c')], { connections: 2, durationSeconds: 0.5 });
    // Each stretch opens its own two connections: the paths of the connections in the order they were
    // first heard, one per stretch, are every path twice, mirrored.
    const firstRequests = seen.filter((request, i) => seen.findIndex((other) => other.socket === request.socket) === i);
    expect(firstRequests.map((request) => request.url).filter((_, i) => i % 2 === 0)).toEqual(['/a', '/b', '/c', '/c', '/b', '/a']);
    for (const [i, path] of ['/a', '/b', '/c'].entries()) {
      const heard = seen.filter((request) => request.url === path).length;
      // Two connections each: at most one request per connection was still unanswered when a stretch stopped.
      expect(results[i]!.requests).toBeGreaterThanOrEqual(heard - 4);
      expect(results[i]!.requests).toBeLessThanOrEqual(heard);
      expect(results[i]!.status.ok).toBe(results[i]!.requests);
      expect(results[i]!.stretches).toBe(2);
      expect(results[i]!.durationMs).toBeGreaterThanOrEqual(2 * results[i]!.maxMs);
    }
  });

  it('measures bursts three times each in turns, A B C, C B A, A B C, each turn its own request, reported by the median', async () => {
    const target = (request: LoadTarget['request']) => ({ urls: [url, url], request });
    // The third target writes: each of its bursts asks for data of its own.
    const results = await burstsInTurns(
      [
        target({ method: 'GET', path: '/x' }),
        target({ method: 'GET', path: '/y' }),
        target((turn) => ({ method: 'GET', path: `/z${turn}` })),
      ],
      4,
    );
    // Bursts follow one another: every four requests heard are one burst, all on new connections, all to one path
    // (a request the test before left unanswered may still arrive: not one of these paths).
    const heard = seen.filter((request) => /^\/[xyz]/.test(request.url));
    expect(heard).toHaveLength(36);
    expect(new Set(heard.map((request) => request.socket)).size).toBe(36);
    const bursts = Array.from({ length: 9 }, (_, i) => heard.slice(4 * i, 4 * i + 4));
    for (const burst of bursts) expect(new Set(burst.map((request) => request.url)).size).toBe(1);
    expect(bursts.map(([first]) => first!.url)).toEqual(['/x', '/y', '/z0', '/z1', '/y', '/x', '/x', '/y', '/z2']);
    for (const { bursts: measured, median } of results) {
      expect(measured.map((burst) => [burst.requests, burst.status.ok, burst.stretches])).toEqual([
        [4, 4, 1],
        [4, 4, 1],
        [4, 4, 1],
      ]);
      expect(measured).toContain(median);
      expect(median.perSecond).toBe(measured.map((burst) => burst.perSecond).sort((a, b) => a - b)[1]);
    }
  });

  it('stops the wall time at the last answer, not at autocannon’s next one-second sample', async () => {
    // Several requests per connection: autocannon drives it.
    const result = await drive([url], { method: 'GET', path: '/' }, { connections: 5, amount: 10 });
    expect(result.requests).toBe(10);
    expect(result.durationMs).toBeGreaterThanOrEqual(result.maxMs);
    // autocannon calls back at its first sample, a second after it started: ten local answers take far less.
    expect(result.durationMs).toBeLessThan(1000);
    expect(result.loadGeneratorCpuPerRequestUs).toBeGreaterThan(0);
  });

  it("reports the database's CPU per request as 0 µs when it used none, and as unknown when it could not be read", async () => {
    const idle = await drive([url], { method: 'GET', path: '/' }, { connections: 4, amount: 4 }, [], () => 1234);
    expect(idle.databaseCpuPerRequestUs).toBe(0);
    const unreadable = await drive([url], { method: 'GET', path: '/' }, { connections: 4, amount: 4 }, [], () => null);
    expect(unreadable.databaseCpuPerRequestUs).toBeNull();
  });

  it('bursts on connections opened first, counting every answer', async () => {
    const result = await burstOnOpenConnections([url, url], '/', 10);
    expect(result.requests).toBe(10);
    expect(result.status).toEqual({ ok: 10, clientErrors: 0, serverErrors: 0, other: 0 });
    expect(result.transportErrors).toBe(0);
  });
});
