import { type BenchContext, type Scenario, standardChecks, type Targets } from '../scenario.js';
import type { RequestSpec } from '../load.js';
import { formatRate, formatRatio } from '../stats.js';

const CONNECTIONS = 50;
/** The brief's bound: a page costs the same on a big table as on a small one, within 1.5×. */
const MAX_SLOWDOWN = 1.5;

export interface PageCostOptions {
  name: string;
  what: string;
  small: number;
  large: number;
  /**
   * Budgets the page must also meet at both sizes (p99, a share of the bare app): checked on
   * the small table here, on the large one as the scenario's own targets.
   */
  targets?: Targets;
  /** Creates what the request needs (a reader, an empty feed) and says what to send. */
  setUp(context: BenchContext): Promise<{ request: RequestSpec; grow(rows: number, endsMinutesAgo: number): Promise<void> }>;
}

/**
 * The cost of a first page at two table sizes, in one run: measured with `small` rows, then
 * the table is grown (older rows, so the page itself is the same) to `large` and measured
 * again. Keyset pages over the right index cost the same either way.
 */
export function pageCost(options: PageCostOptions): Scenario {
  const shape = { connections: CONNECTIONS, durationSeconds: 10 } as const;
  return {
    name: options.name,
    summary: `page cost: ${options.what} at ${options.small.toLocaleString('en')} rows, then at ${options.large.toLocaleString('en')} (ratio ≤ ${MAX_SLOWDOWN})`,
    unit: 'pages',
    shape,
    targets: options.targets,
    async prepare(context) {
      const { request, grow } = await options.setUp(context);
      await grow(options.small, 0);
      await context.db.query('VACUUM ANALYZE');
      await context.drive(request, { connections: CONNECTIONS, durationSeconds: 3 });
      const small = await context.drive(request, shape);
      console.log(`  at ${options.small.toLocaleString('en')} rows: ${formatRate(small.perSecond)}, p99 ${small.p99Ms.toFixed(1)} ms`);
      await grow(options.large - options.small, options.small);
      // As a table looks in production, where autovacuum has long since passed: otherwise its
      // first pass over the millions of new rows runs during the measurement (seen: 1.66×).
      await context.db.query('VACUUM ANALYZE');
      return {
        request,
        async warmUp() {
          await context.drive(request, { connections: CONNECTIONS, durationSeconds: 3 });
        },
        async verify(large, baselines) {
          const slowdown = large.perSecond > 0 ? small.perSecond / large.perSecond : Infinity;
          // The small table's figure against the references measured just before the large one.
          const atSmall = standardChecks(small, baselines, options.targets)
            .filter((check) => check.kind === 'target')
            .map((check) => ({ ...check, name: `at ${options.small.toLocaleString('en')} rows: ${check.name}` }));
          return [
            ...atSmall,
            {
              kind: 'target',
              name: `page cost at ${options.large.toLocaleString('en')} rows ≤ ${MAX_SLOWDOWN}× the cost at ${options.small.toLocaleString('en')}`,
              pass: slowdown <= MAX_SLOWDOWN,
              actual: `${formatRatio(slowdown)} (${formatRate(small.perSecond)} → ${formatRate(large.perSecond)})`,
            },
          ];
        },
      };
    },
  };
}
