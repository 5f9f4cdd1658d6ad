import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuMs } from './references.js';
import { countStatus, emptyStatusCounts, type LoadResult, summarise } from './stats.js';

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
 * Drives one request shape at the instances from this process. autocannon hands the
 * connections to the URLs in turn, so the load is spread evenly across instances.
 * Latencies are kept per response (not autocannon's whole-millisecond histogram of 2xx
 * only), so percentiles are exact and include the refused requests.
 */
export async function drive(
  urls: readonly string[],
  request: RequestSpec,
  shape: LoadShape,
  /** The serving processes, whose CPU per request is reported. */
  pids: readonly number[] = [],
  /** The run's PostgreSQL backends (the instances' pooled connections), whose CPU per request is reported too. */
  databasePids?: () => Promise<number[]>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const status = emptyStatusCounts();
  let transportErrors = 0;
  const { vary } = request;
  const loadAverage = loadavg()[0]!;
  const cpuBefore = cpuMs(pids);
  const backends = (await databasePids?.()) ?? [];
  const databaseCpuBefore = cpuMs(backends);
  const ownCpuBefore = ownCpuMs();
  const startedAt = performance.now();
  // autocannon ends a run only at its next one-second sample after the last answer: a burst's
  // wall time is up to the last answer, or a 0.3 s burst would count as 1 s (issue 17).
  let lastAnswerAt: number | undefined;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        // autocannon accepts a list of URLs; its type definitions only know one.
        url: urls.map((url) => `${url}${request.path}`) as unknown as string,
        connections: shape.connections,
        ...('amount' in shape ? { amount: shape.amount } : { duration: shape.durationSeconds }),
        timeout: 30,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: { ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
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
      lastAnswerAt = performance.now();
      latencies.push(responseTime);
      countStatus(status, statusCode);
    });
    instance.on('reqError', () => (transportErrors += 1));
  });
  const durationMs = (lastAnswerAt ?? performance.now()) - startedAt;
  const result = finished(latencies, status, transportErrors, durationMs, loadAverage, pids, cpuBefore, ownCpuBefore);
  const databaseCpuAfter = cpuMs(backends);
  // null when a backend ended meanwhile (its CPU is gone from /proc) or none was found.
  const databaseCpuMs =
    backends.length > 0 && databaseCpuBefore !== null && databaseCpuAfter !== null ? databaseCpuAfter - databaseCpuBefore : null;
  return {
    ...result,
    ...(databasePids && {
      databaseCpuPerRequestUs: databaseCpuMs !== null && result.requests > 0 ? (databaseCpuMs * 1000) / result.requests : null,
    }),
  };
}

/** CPU time (ms) this process, the load generator, has used so far. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function finished(
  latencies: number[],
  status: ReturnType<typeof emptyStatusCounts>,
  transportErrors: number,
  durationMs: number,
  loadAverage: number,
  pids: readonly number[],
  cpuBefore: number | null,
  ownCpuBefore: number,
): LoadResult {
  const cpuAfter = cpuMs(pids);
  const serverCpuMs = pids.length > 0 && cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const result = summarise(latencies, status, transportErrors, durationMs, loadAverage, serverCpuMs);
  const answered = latencies.length;
  return { ...result, loadGeneratorCpuPerRequestUs: answered > 0 ? ((ownCpuMs() - ownCpuBefore) * 1000) / answered : null };
}

/**
 * Diagnostic, not a reference (issue 17): a burst of `count` GETs of `path` with every connection
 * opened before the first request is written, from raw sockets (no HTTP client library), so its
 * wall time holds the server's reading, routing and answering but neither the connections' set-up
 * nor autocannon's own cost. Set beside the burst measured as defined, it shows how much of the
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
  const latencies: number[] = [];
  const status = emptyStatusCounts();
  let transportErrors = 0;
  const loadAverage = loadavg()[0]!;
  const cpuBefore = cpuMs(pids);
  const ownCpuBefore = ownCpuMs();
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<void>((resolve) => {
          const { host } = targets[i % targets.length]!;
          const sentAt = performance.now();
          let received = Buffer.alloc(0);
          let settled = false;
          const done = (statusCode: number | null) => {
            if (settled) return;
            settled = true;
            if (statusCode === null) transportErrors += 1;
            else {
              lastAnswerAt = performance.now();
              latencies.push(lastAnswerAt - sentAt);
              countStatus(status, statusCode);
            }
            socket.destroy();
            resolve();
          };
          socket.on('data', (chunk: Buffer) => {
            received = Buffer.concat([received, chunk]);
            const headEnd = received.indexOf('\r\n\r\n');
            if (headEnd < 0) return;
            const head = received.subarray(0, headEnd).toString('latin1');
            const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
            if (received.length >= headEnd + 4 + length) done(Number(head.slice(9, 12)));
          });
          socket.once('error', () => done(null));
          socket.once('close', () => done(null));
          socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
        }),
    ),
  );
  return finished(latencies, status, transportErrors, lastAnswerAt - startedAt, loadAverage, pids, cpuBefore, ownCpuBefore);
}
