import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import httpParser from 'http-parser-js';
import { cpuMs } from './references.js';
import { countStatus, emptyStatusCounts, type LoadResult, medianBurst, type StatusCounts, summarise } from './stats.js';

const { HTTPParser } = httpParser;

/** How hard to push: a fixed number of requests (a burst), or as many as fit in a time. */
export type LoadShape = { connections: number; amount: number } | { connections: number; durationSeconds: number };

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called once per request, for what differs between requests (who asks, idempotency keys). */
  vary?: () => VariedRequest;
}

export interface VariedRequest {
  /** Instead of the spec's path (a search asking something else each time). */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Told this request's answer, for scenarios whose requests expect different answers. */
  answered?: (status: number) => void;
}

/** What autocannon keeps per connection between building a request and reading its answer (one request in flight each). */
type ConnectionContext = { answered?: (status: number) => void };

export const describeShape = (shape: LoadShape): string =>
  'amount' in shape
    ? `${shape.amount} requests on ${shape.connections} connections`
    : `${shape.connections} connections for ${shape.durationSeconds} s`;

/**
 * A burst: as many requests as connections, each on a connection of its own opened for it, all at
 * once (the sign-up burst). The harness sends those itself (`sendOnNewConnections`), not through
 * autocannon; a run of a duration, or several requests per connection, goes through autocannon.
 */
export const isBurst = (shape: LoadShape): shape is { connections: number; amount: number } =>
  'amount' in shape && shape.amount === shape.connections;

/** What one load left: each answer's latency (ms) and status, the requests that got none, and when the last answer came. */
interface Sent {
  latencies: number[];
  status: StatusCounts;
  transportErrors: number;
  lastAnswerAt: number | undefined;
}

/** A load before its first answer. */
const nothingSent = (): Sent => ({ latencies: [], status: emptyStatusCounts(), transportErrors: 0, lastAnswerAt: undefined });

/** Counts one request's end: its answer's status and latency since `startedAt`, or no answer (null). */
function record(sent: Sent, startedAt: number, statusCode: number | null): void {
  if (statusCode === null) {
    sent.transportErrors += 1;
    return;
  }
  sent.lastAnswerAt = performance.now();
  sent.latencies.push(sent.lastAnswerAt - startedAt);
  countStatus(sent.status, statusCode);
}

/** Where one request shape is sent, and whose CPU is counted for it. */
export interface LoadTarget {
  urls: readonly string[];
  /**
   * What is sent; for a load that cannot be sent twice at the same data (a burst that writes), a
   * function of its turn (0, 1, …), each turn's request at data of its own.
   */
  request: RequestSpec | ((turn: number) => RequestSpec);
  /** The serving processes, whose CPU per request is reported. */
  pids?: readonly number[];
  /** The PostgreSQL server's CPU so far (ms; null where unreadable), whose CPU per request is reported too. */
  databaseCpuMs?: () => number | null;
}

/** One stretch of load at one target: what was sent and answered, and the CPU each side used meanwhile. */
interface Stretch {
  sent: Sent;
  durationMs: number;
  loadAverage: number;
  serverCpuMs: number | null;
  ownCpuMs: number;
  /** Undefined when the target reads no database CPU; null when it could not be read. */
  databaseCpuMs: number | null | undefined;
  listenOverflows: number | null;
}

/**
 * Drives one request shape at the instances from this process, handing the connections to the
 * URLs in turn, so the load is spread evenly across instances. Latencies are kept per response
 * (not autocannon's whole-millisecond histogram of 2xx only), so percentiles are exact and
 * include the refused requests.
 */
export async function drive(
  urls: readonly string[],
  request: RequestSpec,
  shape: LoadShape,
  pids: readonly number[] = [],
  databaseCpuMs?: () => number | null,
): Promise<LoadResult> {
  return combine([await stretch(pids, databaseCpuMs, () => send(urls, request, shape))]);
}

/** A target's request at its turn (0, 1, …): the same every turn, or the turn's own. */
export const requestFor = (request: LoadTarget['request'], turn: number): RequestSpec =>
  typeof request === 'function' ? request(turn) : request;

/**
 * Rounds of turns at `targets` targets (indices): A B C, then C B A, then A B C again, each round
 * the one before reversed, so no target is always first or always last.
 */
export const turnOrder = (targets: number, rounds: number): number[] =>
  Array.from({ length: rounds }, (_, round) => Array.from({ length: targets }, (_, i) => (round % 2 === 0 ? i : targets - 1 - i))).flat();

/** Each target's stretches of `shape`, taken in `rounds` rounds of turns (turnOrder), in the order each target had them. */
async function inTurns(targets: readonly LoadTarget[], rounds: number, shape: LoadShape): Promise<Stretch[][]> {
  const stretches: Stretch[][] = targets.map(() => []);
  for (const i of turnOrder(targets.length, rounds)) {
    const { urls, request, pids = [], databaseCpuMs } = targets[i]!;
    const mine = stretches[i]!;
    mine.push(await stretch(pids, databaseCpuMs, () => send(urls, requestFor(request, mine.length), shape)));
  }
  return stretches;
}

/**
 * Several targets under the same steady load, measured in turns: each for half the time in one
 * order (A, B, C), then for the other half in the reverse order (C, B, A), and each one's halves
 * added up (every answer's latency kept, so its percentiles are exact). A ratio between two of them
 * is then measured on the same machine: a disturbance that comes and goes (another process, a
 * checkpoint) falls on each alike, and a steady drift cancels out, where back-to-back runs of the
 * whole time put it on one side only (issue 17).
 */
export async function driveInTurns(
  targets: readonly LoadTarget[],
  shape: { connections: number; durationSeconds: number },
): Promise<LoadResult[]> {
  const half = { connections: shape.connections, durationSeconds: shape.durationSeconds / 2 };
  return (await inTurns(targets, 2, half)).map(combine);
}

/** How many times each target of a burst is measured (burstsInTurns). */
export const MEASURED_BURSTS = 3;

/** A target's measured bursts, in the order they were sent, and the one reported: the median by rate. */
export interface Bursts {
  bursts: LoadResult[];
  median: LoadResult;
}

/**
 * Several targets of the same burst (`count` requests, each on a new connection), each burst
 * measured MEASURED_BURSTS times in turns: A B C, C B A, A B C. A burst is under a second of load,
 * so one pause of a process moves it (issue 17: 0.88–1.20× the hot row across full runs); it
 * cannot be cut in halves as a steady load is, so each target is measured whole three times and
 * reported by its median burst — never the best — with all three kept. A target whose burst writes
 * gives a request per turn (LoadTarget.request), each at data of its own.
 */
export async function burstsInTurns(targets: readonly LoadTarget[], count: number): Promise<Bursts[]> {
  const stretches = await inTurns(targets, MEASURED_BURSTS, { connections: count, amount: count });
  return stretches.map((mine) => {
    const bursts = mine.map((one) => combine([one]));
    return { bursts, median: medianBurst(bursts) };
  });
}

/** A burst goes through the harness's own sender; BENCH_BURST_SENDER=autocannon sends it through autocannon as before, to compare the two. */
const send = (urls: readonly string[], request: RequestSpec, shape: LoadShape): Promise<Sent> =>
  isBurst(shape) && process.env.BENCH_BURST_SENDER !== 'autocannon'
    ? sendOnNewConnections(urls, request, shape.amount)
    : sendWithAutocannon(urls, request, shape);

/** Sends a load and reads the CPU the servers, their database backends and this process used meanwhile. */
async function stretch(
  pids: readonly number[],
  databaseCpuMs: (() => number | null) | undefined,
  sendLoad: () => Promise<Sent>,
): Promise<Stretch> {
  const loadAverage = loadavg()[0]!;
  const cpuBefore = cpuMs(pids);
  const databaseCpuBefore = databaseCpuMs?.() ?? null;
  const overflowsBefore = listenOverflows();
  const ownCpuBefore = ownCpuMs();
  const startedAt = performance.now();
  const sent = await sendLoad();
  const durationMs = (sent.lastAnswerAt ?? performance.now()) - startedAt;
  const cpuAfter = cpuMs(pids);
  const ownCpuAfter = ownCpuMs();
  const databaseCpuAfter = databaseCpuMs?.() ?? null;
  const overflowsAfter = listenOverflows();
  return {
    sent,
    durationMs,
    loadAverage,
    serverCpuMs: pids.length > 0 && cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    ownCpuMs: ownCpuAfter - ownCpuBefore,
    databaseCpuMs:
      databaseCpuMs === undefined
        ? undefined
        : databaseCpuBefore !== null && databaseCpuAfter !== null
          ? databaseCpuAfter - databaseCpuBefore
          : null,
    listenOverflows: overflowsBefore !== null && overflowsAfter !== null ? overflowsAfter - overflowsBefore : null,
  };
}

/** A sum that is unknown when any of its parts is. */
const sumOrNull = (values: readonly (number | null)[]): number | null =>
  values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + value!, 0);

/** One result of one or more stretches at the same target: their answers, wall times and CPU added up. */
function combine(stretches: readonly Stretch[]): LoadResult {
  const status = emptyStatusCounts();
  for (const { sent } of stretches) for (const key of Object.keys(status) as (keyof StatusCounts)[]) status[key] += sent.status[key];
  const latencies = stretches.flatMap(({ sent }) => sent.latencies);
  const durationMs = stretches.reduce((total, s) => total + s.durationMs, 0);
  const transportErrors = stretches.reduce((total, s) => total + s.sent.transportErrors, 0);
  const serverCpuMs = sumOrNull(stretches.map((s) => s.serverCpuMs));
  const result = summarise(latencies, status, transportErrors, durationMs, stretches[0]!.loadAverage, serverCpuMs);
  const perAnswer = (ms: number | null) => (ms !== null && latencies.length > 0 ? (ms * 1000) / latencies.length : null);
  const databaseCpuMs = stretches[0]!.databaseCpuMs === undefined ? undefined : sumOrNull(stretches.map((s) => s.databaseCpuMs ?? null));
  return {
    ...result,
    loadGeneratorCpuPerRequestUs: perAnswer(stretches.reduce((total, s) => total + s.ownCpuMs, 0)),
    listenOverflows: sumOrNull(stretches.map((s) => s.listenOverflows)),
    stretches: stretches.length,
    ...(databaseCpuMs !== undefined && { databaseCpuPerRequestUs: perAnswer(databaseCpuMs) }),
  };
}

async function sendWithAutocannon(urls: readonly string[], request: RequestSpec, shape: LoadShape): Promise<Sent> {
  const sent = nothingSent();
  const { vary } = request;
  // autocannon ends a run only at its next one-second sample after the last answer: the wall time
  // is up to the last answer, or a 0.3 s load would count as 1 s (issue 17).
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon accepts a list of URLs; its type definitions only know one.
        url: urls.map((url) => `${url}${request.path}`) as unknown as string,
        connections: shape.connections,
        ...('amount' in shape ? { amount: shape.amount } : { duration: shape.durationSeconds }),
        timeout: ANSWER_TIMEOUT_SECONDS,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: fixedHeaders(request),
            body: request.body,
            ...(vary && {
              setupRequest: (req, context: ConnectionContext) => {
                const varied = vary();
                context.answered = varied.answered;
                return {
                  ...req,
                  path: varied.path ?? req.path,
                  headers: { ...req.headers, ...varied.headers },
                  body: varied.body ?? req.body,
                };
              },
              onResponse: (statusCode, _body, context: ConnectionContext) => context.answered?.(statusCode),
            }),
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      sent.lastAnswerAt = performance.now();
      sent.latencies.push(responseTime);
      countStatus(sent.status, statusCode);
    });
    instance.on('reqError', () => (sent.transportErrors += 1));
  });
  return sent;
}

/** A request gets no answer after this long: counted unanswered (autocannon's timeout, the same for both senders). */
const ANSWER_TIMEOUT_SECONDS = 30;

/** The spec's own headers, with the JSON content type when it has a body. */
const fixedHeaders = (request: RequestSpec): Record<string, string> => ({
  ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
  ...request.headers,
});

/** The bytes of one HTTP/1.1 request, laid out as autocannon lays them (Host, Connection: keep-alive, the headers, Content-Length). */
export function requestBytes(method: string, path: string, host: string, headers: Record<string, string>, body?: string): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n`;
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  if (body !== undefined && body.length > 0) {
    const bytes = Buffer.from(body);
    return Buffer.concat([Buffer.from(`${head}Content-Length: ${bytes.length}\r\n\r\n`, 'latin1'), bytes]);
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}

/**
 * Reads one HTTP answer from a socket with http-parser-js (the parser autocannon uses: status
 * line, headers, a body by Content-Length, chunks or up to the close), and tells `settle` its
 * status once it is complete, or null when the connection ended, failed or sent something
 * unreadable before a whole answer came. `settle` is called once.
 */
function readOneAnswer(socket: Socket, settle: (statusCode: number | null) => void): void {
  const parser = new HTTPParser(HTTPParser.RESPONSE);
  let statusCode = 0;
  let settled = false;
  const done = (answered: number | null) => {
    if (settled) return;
    settled = true;
    socket.destroy();
    settle(answered);
  };
  parser[HTTPParser.kOnHeadersComplete] = (info) => void (statusCode = info.statusCode);
  parser[HTTPParser.kOnMessageComplete] = () => done(statusCode);
  socket.on('data', (chunk: Buffer) => {
    if (parser.execute(chunk) instanceof Error) done(null);
  });
  // An answer without a length ends with the connection: finish() completes it, or it was cut short.
  socket.once('end', () => {
    if (!settled) parser.finish();
    done(null);
  });
  socket.once('error', () => done(null));
  socket.once('close', () => done(null));
}

/**
 * A burst as a phone would make it (issue 17): `count` requests, each on a NEW connection, all
 * started at once, spread over the URLs in turn, with the headers and bodies autocannon would send
 * (`vary` asked once per request, in order) and every answer read to its end and counted by status.
 * Each latency runs from the connection's start to the whole answer. It costs this process about
 * half of autocannon's CPU per request (docs/benchmarks.md), CPU the servers measured share.
 */
export async function sendOnNewConnections(urls: readonly string[], request: RequestSpec, count: number): Promise<Sent> {
  const sent = nothingSent();
  const targets = urls.map((url) => new URL(url));
  const headers = fixedHeaders(request);
  const sockets: Socket[] = [];
  await new Promise<void>((resolve) => {
    let pending = count;
    if (pending === 0) resolve();
    const timeout = setTimeout(() => sockets.forEach((socket) => socket.destroy()), ANSWER_TIMEOUT_SECONDS * 1000);
    for (let i = 0; i < count; i++) {
      const target = targets[i % targets.length]!;
      const varied = request.vary?.();
      const bytes = requestBytes(
        request.method,
        varied?.path ?? request.path,
        target.host,
        varied?.headers ? { ...headers, ...varied.headers } : headers,
        varied?.body ?? request.body,
      );
      const startedAt = performance.now();
      const socket = connect(Number(target.port), target.hostname);
      socket.setNoDelay(true);
      sockets.push(socket);
      readOneAnswer(socket, (statusCode) => {
        record(sent, startedAt, statusCode);
        if (statusCode !== null) varied?.answered?.(statusCode);
        if (--pending === 0) {
          clearTimeout(timeout);
          resolve();
        }
      });
      // Written once connected (Node queues it meanwhile), as autocannon does.
      socket.write(bytes);
    }
  });
  return sent;
}

/** The kernel's count of connections refused because a listening socket's accept queue was full (machine-wide), or null off Linux. */
export function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const names = lines.find((line) => line.startsWith('TcpExt:'))!.split(' ');
    const values = lines.filter((line) => line.startsWith('TcpExt:'))[1]!.split(' ');
    const value = Number(values[names.indexOf('ListenOverflows')]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** CPU time (ms) this process, the load generator, has used so far. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Diagnostic, not a reference (issue 17): a burst of `count` GETs of `path` with every connection
 * opened before the first request is written, from raw sockets (read as the burst's own are), so its
 * wall time holds the server's reading, routing and answering but not the connections' set-up.
 * Set beside the burst measured as defined, it shows how much of the
 * framework's floor under a burst is connection set-up and the load generator on the same CPUs.
 */
export async function burstOnOpenConnections(
  urls: readonly string[],
  path: string,
  count: number,
  pids: readonly number[] = [],
): Promise<LoadResult> {
  const targets = urls.map((url) => new URL(url));
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<Socket>((resolve, reject) => {
          const { hostname, port } = targets[i % targets.length]!;
          const socket = connect(Number(port), hostname, () => resolve(socket));
          socket.setNoDelay(true);
          socket.once('error', reject);
        }),
    ),
  );
  return combine([
    await stretch(pids, undefined, async () => {
      const sent = nothingSent();
      await Promise.all(
        sockets.map(
          (socket, i) =>
            new Promise<void>((resolve) => {
              const sentAt = performance.now();
              readOneAnswer(socket, (statusCode) => {
                record(sent, sentAt, statusCode);
                resolve();
              });
              socket.write(requestBytes('GET', path, targets[i % targets.length]!.host, {}));
            }),
        ),
      );
      return sent;
    }),
  ]);
}
