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
): Promise<LoadResult> {
  const latencies: number[] = [];
  const status = emptyStatusCounts();
  let transportErrors = 0;
  const { vary } = request;
  const loadAverage = loadavg()[0]!;
  const cpuBefore = cpuMs(pids);
  const startedAt = performance.now();
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
      latencies.push(responseTime);
      countStatus(status, statusCode);
    });
    instance.on('reqError', () => (transportErrors += 1));
  });
  const durationMs = performance.now() - startedAt;
  const cpuAfter = cpuMs(pids);
  const serverCpuMs = pids.length > 0 && cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return summarise(latencies, status, transportErrors, durationMs, loadAverage, serverCpuMs);
}
