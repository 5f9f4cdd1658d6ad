/** The figures every scenario reports, and how they are printed. Pure: no I/O. */

export interface StatusCounts {
  ok: number;
  clientErrors: number;
  serverErrors: number;
  /** 1xx/3xx answers; none of our routes should give them. */
  other: number;
}

export interface LoadResult {
  requests: number;
  durationMs: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  status: StatusCounts;
  /** Connection errors and timeouts: requests that got no HTTP answer at all. */
  transportErrors: number;
  /** The machine's 1-minute load average when the load started: every figure is only as good as the machine was quiet. */
  loadAverage: number;
  /** CPU the serving processes used per answered request (µs), when it could be read: steadier than throughput on a busy machine. */
  cpuPerRequestUs: number | null;
  /** CPU the load generator (this process) used per answered request (µs), where measured: it shares the CPUs with the servers. */
  loadGeneratorCpuPerRequestUs?: number | null;
  /** CPU the PostgreSQL server used per answered request (µs: every process of it, backends that started or ended meanwhile too), where measured. */
  databaseCpuPerRequestUs?: number | null;
  /**
   * How much the kernel's ListenOverflows counter rose during the load (connections refused by a full
   * accept queue, machine-wide: another process's listener counts too); null where it cannot be read.
   */
  listenOverflows?: number | null;
  /**
   * How many stretches of load this result adds up (load.ts driveInTurns: two); each run of a
   * duration leaves up to one request per connection written but unanswered when its time is up.
   */
  stretches?: number;
}

/** Nearest-rank percentile of ascending-sorted samples; 0 when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function countStatus(counts: StatusCounts, statusCode: number): void {
  if (statusCode >= 200 && statusCode < 300) counts.ok += 1;
  else if (statusCode >= 400 && statusCode < 500) counts.clientErrors += 1;
  else if (statusCode >= 500) counts.serverErrors += 1;
  else counts.other += 1;
}

export function emptyStatusCounts(): StatusCounts {
  return { ok: 0, clientErrors: 0, serverErrors: 0, other: 0 };
}

/** Turns raw latencies (ms, any order) and counts into the reported figures. */
export function summarise(
  latenciesMs: number[],
  status: StatusCounts,
  transportErrors: number,
  durationMs: number,
  loadAverage = 0,
  serverCpuMs: number | null = null,
): LoadResult {
  const sorted = Float64Array.from(latenciesMs).sort();
  const samples = Array.from(sorted);
  return {
    requests: samples.length,
    durationMs,
    perSecond: durationMs > 0 ? (samples.length * 1000) / durationMs : 0,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    maxMs: samples.at(-1) ?? 0,
    status,
    transportErrors,
    loadAverage,
    cpuPerRequestUs: serverCpuMs !== null && samples.length > 0 ? (serverCpuMs * 1000) / samples.length : null,
  };
}

/**
 * The middle of an odd number of measurements of the same load by throughput, itself whole (its
 * own latencies and CPU, every figure of one burst that happened): the reported figure of a
 * burst measured several times — neither the best nor the worst (load.ts burstsInTurns).
 */
export function medianBurst(results: readonly LoadResult[]): LoadResult {
  if (results.length % 2 === 0) throw new Error(`the median of ${results.length} bursts is not one of them`);
  return [...results].sort((a, b) => a.perSecond - b.perSecond)[(results.length - 1) / 2]!;
}

/**
 * The scenario's CPU per request as a share of the reference's, inverted so it reads like a
 * throughput ratio (0.5: a request costs twice the reference's CPU); null when either is unknown.
 */
export function cpuRatio(scenario: LoadResult, reference: LoadResult): number | null {
  const [mine, theirs] = [scenario.cpuPerRequestUs, reference.cpuPerRequestUs];
  return mine !== null && theirs !== null && mine > 0 ? theirs / mine : null;
}

/** Throughput of a scenario as a share of a reference's (a load result, or pgbench's tps); 0 when the reference served nothing. */
export function throughputRatio(scenario: LoadResult, baseline: LoadResult | number): number {
  const reference = typeof baseline === 'number' ? baseline : baseline.perSecond;
  return reference > 0 ? scenario.perSecond / reference : 0;
}

export const formatRate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')}/s`;

export const formatMs = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;

export const formatRatio = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** A plain-text table with right-aligned columns after the first; every row as long as the header. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
