// Times the engagement and dashboard endpoints on a generated database and prints the
// EXPLAIN (ANALYZE, BUFFERS) plan of every query they send (docs/engagement.md).
//   pnpm --filter @alumni/server build
//   psql "$DATABASE_URL" -v alumni=100000 -v interactions=10000 -f src/engagement/plans/generate.sql
//   DATABASE_URL=… node src/engagement/plans/run-plans.mjs > plans-10k.txt
// DIST points at another build output when needed (default: server/dist).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import pg from 'pg';
import { INTERACTION_KINDS } from '@alumni/shared';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const dist = resolve(process.env.DIST ?? fileURLToPath(new URL('../../../dist', import.meta.url)));
const load = (path) => import(pathToFileURL(`${dist}/${path}`).href);
const RUNS = 30;

// Plans as the application runs its reports: without JIT (EngagementService.report).
const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off' });
const kinds = (flag) =>
  Object.entries(INTERACTION_KINDS)
    .filter(([, meta]) => meta[flag])
    .map(([kind]) => kind);

async function timed(label, work) {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

const [{ count }] = (await pool.query('SELECT count(*) FROM interactions')).rows;
console.log(
  `# ${Number(count).toLocaleString('en')} interactions, ${(await pool.query('SELECT count(*) FROM alumni')).rows[0].count} alumni\n`,
);
// SKIP_BACKFILL=1 when the summaries are already current (a second run on the same data).
if (!process.env.SKIP_BACKFILL) {
  await timed('engagement_backfill (whole log)', () =>
    pool.query('SELECT engagement_backfill($1, $2)', [kinds('participation'), kinds('byAlumnus')]),
  );
}
for (const table of ['alumni', 'interactions', 'engagement_summaries', 'engagement_kind_sums', 'engagement_months'])
  await pool.query(`VACUUM ANALYZE ${table}`);

// Every SELECT the application sends, with its parameters, to explain afterwards.
let captured = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const text = typeof config === 'string' ? config : config?.text;
  if (
    captured &&
    typeof text === 'string' &&
    /^\s*(SELECT|WITH)/i.test(text) &&
    !/pg_advisory|FROM "migrations"|"AlumnusEntity"|"DepartmentEntity"|engagement_settings"? "EngagementSettingsEntity|"EngagementWeightEntity"|\bjobs?\b/i.test(
      text,
    )
  ) {
    captured.push({ text, values: Array.isArray(values) ? values : (config?.values ?? []) });
  }
  return query.call(this, config, values, callback);
};

const { createApp } = await load('bootstrap.js');
const { loadConfig } = await load('config/configuration.js');
const { TokenService } = await load('auth/token.service.js');
const config = loadConfig({
  NODE_ENV: 'development',
  DEMO: 'true',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  H5_DIR: '/nonexistent',
  THROTTLE_LIMIT: '1000000',
  DATABASE_URL: url,
});
const { app } = await createApp(config, { url, engine: 'postgres' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
const staffId = (await pool.query(`INSERT INTO alumni (display_name, roles) VALUES ('bench staff', '{staff}') RETURNING id`)).rows[0].id;
const headers = {
  authorization: `Bearer ${app.get(TokenService).issueAccessToken({ id: staffId, roles: ['staff'] }).token}`,
  'content-type': 'application/json',
};
const request = async (method, path, body) => {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.startsWith('application/json') ? res.json() : res.arrayBuffer();
};

const heavy = (await pool.query('SELECT alumnus_id, count(*) FROM interactions GROUP BY 1 ORDER BY 2 DESC LIMIT 1')).rows[0];
const firstPage = await request('GET', `/staff/alumni/${heavy.alumnus_id}/interactions?limit=20`);
const settings = await request('GET', '/staff/engagement/weights');
const ENDPOINTS = [
  ['timeline, first page (the most active alumnus)', 'GET', `/staff/alumni/${heavy.alumnus_id}/interactions?limit=20`],
  ['timeline, second page', 'GET', `/staff/alumni/${heavy.alumnus_id}/interactions?limit=20&cursor=${firstPage.nextCursor}`],
  ['one alumnus’s engagement', 'GET', `/staff/alumni/${heavy.alumnus_id}/engagement`],
  ['dashboard summary', 'GET', '/staff/dashboard/summary'],
  ['dashboard summary by city', 'GET', '/staff/dashboard/summary?by=city'],
  ['dashboard summary by department', 'GET', '/staff/dashboard/summary?by=department'],
  ['trends, 12 months', 'GET', '/staff/dashboard/trends?months=12'],
  ['trends, 12 months, one city', 'GET', `/staff/dashboard/trends?months=12&city=${encodeURIComponent('杭州')}`],
  ['stale contacts, first page', 'GET', '/staff/dashboard/lists/stale-contacts?limit=20'],
  ['lapsed donors, first page', 'GET', '/staff/dashboard/lists/lapsed-donors?limit=20'],
  ['most engaged per city', 'GET', '/staff/dashboard/lists/top-engaged?perCity=5&limit=100'],
  [
    'hand-logged interaction (write + summaries)',
    'POST',
    `/staff/alumni/${heavy.alumnus_id}/interactions`,
    { kind: 'visit', notes: 'bench' },
  ],
];

// ONLY=<text> measures just the requests whose label contains it.
const chosen = ENDPOINTS.filter(([label]) => !process.env.ONLY || label.includes(process.env.ONLY));
const plans = [];
console.log(`\n| request | median of ${RUNS} | p90 |\n|---|---:|---:|`);
for (const [label, method, path, body] of chosen) {
  captured = [];
  await request(method, path, body);
  plans.push([label, captured]);
  captured = null;
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await request(method, path, body);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`| ${label} | ${samples[RUNS >> 1].toFixed(1)} ms | ${samples[Math.floor(RUNS * 0.9)].toFixed(1)} ms |`);
}
if (!process.env.ONLY) {
  const put = (halfLifeDays, weights) =>
    request('PUT', '/staff/engagement/weights', { halfLifeDays, contactCurrentMonths: settings.contactCurrentMonths, weights });
  const reweighted = settings.weights.map((w) => ({ ...w, weight: w.weight === 100 ? 99 : w.weight + 1 }));
  await timed('\nPUT /staff/engagement/weights, new weights (nothing rewritten)', () => put(settings.halfLifeDays, reweighted));
  await timed('PUT /staff/engagement/weights, new half-life (starts the build of the next sums)', () =>
    put(settings.halfLifeDays + 1, settings.weights),
  );
  // Writers go on while the next sums are built: hand-logged interactions one after another
  // until the new half-life is in force.
  const started = performance.now();
  const writes = [];
  do {
    const at = performance.now();
    await request('POST', `/staff/alumni/${heavy.alumnus_id}/interactions`, { kind: 'visit', notes: 'during the build' });
    writes.push(performance.now() - at);
  } while ((await request('GET', '/staff/engagement/weights')).pendingHalfLifeDays !== null);
  writes.sort((a, b) => a - b);
  console.log(
    `new half-life in force after ${(performance.now() - started).toFixed(0)} ms; ${writes.length} hand-logged interactions meanwhile: ` +
      `median ${writes[writes.length >> 1].toFixed(1)} ms, max ${writes.at(-1).toFixed(1)} ms`,
  );
  await timed('export stale contacts as XLSX', () => request('GET', '/staff/dashboard/lists/stale-contacts/export?format=xlsx'));
}

for (const [label, queries] of plans) {
  for (const { text, values } of queries) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values);
    console.log(`\n## ${label}\n\n\`\`\`\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\``);
  }
}
pg.Client.prototype.query = query;
await app.close();
await pool.end();
