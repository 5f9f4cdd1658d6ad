// `node scripts/container-test.mjs [--report file.json]`: the deployment recipes, tested for real.
// (`--install-only`: only install Docker and the tools, see installTools; `pnpm test` runs it early.)
// Lints the Dockerfiles and docker-compose.yml, builds the image from the unchanged Dockerfile,
// brings the compose stack up (two instances behind nginx with TLS, PostgreSQL, Redis, the object
// store) and checks it through the proxy, in demo mode and in production mode.
//
// Docker Hub cannot be reached here, so the script first makes what the files name: Debian's
// docker.io daemon (started by hand, stopped again at the end), compose v2 from Debian's next
// release, and stand-in images built from Debian packages and tagged with the Dockerfile's and
// compose file's names (scripts/container-test/stand-ins.Dockerfile). When the machine cannot
// run containers at all (not root, no package, no daemon), every check is reported as skipped,
// with the reason; anything that goes wrong after that is a failure.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import {
  CannotRunContainers,
  caSecret,
  cpuSeconds,
  docker,
  elapsed,
  installTools,
  log,
  makeNodeImage,
  makeServiceImages,
  prepareMachine,
  root,
  run,
  sleep,
  stopDaemon,
  work,
} from './container-test/machine.mjs';

if (process.argv.includes('--install-only')) {
  // `pnpm test` starts this early, beside other steps; exit 75: this machine cannot run containers
  // (the containers step then says why and skips), 1: the installation failed (it tries again).
  try {
    await installTools();
    log('container tools installed');
    process.exit(0);
  } catch (error) {
    log(`container tools not installed: ${error.message}`);
    process.exit(error instanceof CannotRunContainers ? 75 : 1);
  }
}

const reportFile = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : null;
/** Development only: run the stack on the images the last run built (CI always builds). */
const reuseImages = process.argv.includes('--reuse-images');

const PROJECT = 'alumnilink-test';
/** A 64×64 PNG (a green square), made with zlib so the repository keeps no binary fixture. */
const PHOTO = (() => {
  const size = 64;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0x2e, 0x8b, 0x57]))]);
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
})();
const APP_IMAGE = 'alumnilink:latest';
const OBJECT_STORE_IMAGE = 'alumnilink-object-store:latest';

async function buildImages() {
  if (reuseImages) return log(`--reuse-images: running ${APP_IMAGE} and ${OBJECT_STORE_IMAGE} as they are`);
  await makeNodeImage();
  log(`building ${APP_IMAGE} from the Dockerfile`);
  await Promise.all([
    docker(['build', '--progress=plain', ...caSecret(), '-t', APP_IMAGE, '.'], { logName: 'build-app' }),
    docker(['build', '--progress=plain', ...caSecret(), '-t', OBJECT_STORE_IMAGE, 'deploy/object-store'], {
      logName: 'build-object-store',
    }),
  ]);
  log('images built');
}

// ── the checks ───────────────────────────────────────────────────────────────────────────────
const results = [];

async function check(name, body) {
  const began = performance.now();
  try {
    await body();
    results.push({ name, status: 'passed' });
    log(`✓ ${name} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, status: 'failed', message: error.message });
    log(`✗ ${name}\n${error.message}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const CHECKS = [
  'Dockerfile lint (dockerfile-utils)',
  'docker-compose.yml is valid (docker compose config)',
  'production mode refuses to start without its variables, naming each',
  'production mode refuses DEMO=true',
  'demo: both app instances healthy',
  'demo: the H5 page answers through the TLS proxy',
  'demo: plain http is redirected to https',
  'demo: a new alumnus signs in through the proxy',
  'demo: a donation is ordered, paid and recorded through the proxy',
  'demo: a photo uploaded through the proxy is served back at the public address, and by the other instance',
  'production: both app instances healthy and taking requests',
  'production: the API and the H5 page answer through the proxy',
  'production: no demo route and no payment simulation is reachable',
];

/** Needs no daemon: runs even where containers cannot. */
function lintDockerfiles() {
  return check(CHECKS[0], async () => {
    const files = ['Dockerfile', 'deploy/object-store/Dockerfile', 'scripts/container-test/stand-ins.Dockerfile'];
    for (const file of files) {
      const { code, output } = await run(join(root, 'node_modules/.bin/dockerfile-utils'), ['lint', file], {
        allowFailure: true,
        logName: 'lint',
      });
      expect(code === 0, `${file}:\n${output}`);
    }
  });
}

/** Needs compose v2, which prepareMachine installs. */
function lintCompose() {
  return check(CHECKS[1], async () => {
    const env = { ...stackEnv('production'), ALUMNILINK_ENV_FILE: 'deploy/alumnilink.env.example' };
    for (const files of [['docker-compose.yml'], ['docker-compose.yml', 'deploy/compose.demo.yml']]) {
      await run('docker', ['compose', ...files.flatMap((file) => ['-f', file]), 'config', '--quiet'], { env, logName: 'lint' });
    }
  });
}

/** Both refusals at once: each is a container start. */
async function refusals() {
  const withoutVariables = check(CHECKS[2], async () => {
    const { code, output } = await docker(['run', '--rm', APP_IMAGE], { allowFailure: true, logName: 'refusal' });
    expect(code === 1, `the production image without variables exited with ${code}:\n${output}`);
    for (const name of ['JWT_SECRET', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'PHONE_ENCRYPTION_KEYS', 'PHONE_HASH_KEY']) {
      expect(output.includes(name), `the refusal does not name ${name}:\n${output}`);
    }
  });
  const demo = check(CHECKS[3], async () => {
    const { code, output } = await docker(['run', '--rm', '-e', 'DEMO=true', APP_IMAGE], { allowFailure: true, logName: 'refusal' });
    expect(code === 1 && /DEMO=true is refused/.test(output), `DEMO=true in the production image exited with ${code}:\n${output}`);
  });
  await Promise.all([withoutVariables, demo]);
}

// ── the stack ────────────────────────────────────────────────────────────────────────────────
const secrets = {
  postgres: randomBytes(12).toString('hex'),
  redis: randomBytes(12).toString('hex'),
  storeKey: randomBytes(8).toString('hex'),
  storeSecret: randomBytes(16).toString('hex'),
};
let ports;
let tls;

/** The variables an operator keeps in .env, plus this run's certificate folder and loopback-only ports. */
function stackEnv(mode) {
  return {
    POSTGRES_PASSWORD: secrets.postgres,
    REDIS_PASSWORD: secrets.redis,
    OBJECT_STORE_ACCESS_KEY_ID: secrets.storeKey,
    OBJECT_STORE_SECRET_ACCESS_KEY: secrets.storeSecret,
    ALUMNILINK_ENV_FILE: mode === 'demo' ? 'deploy/alumnilink.env.example' : join(work, 'production.env'),
    TLS_DIR: join(work, 'tls'),
    SECRETS_DIR: join(work, 'secrets'),
    HTTP_PORT: ports ? `127.0.0.1:${ports.http}` : '80',
    HTTPS_PORT: ports ? `127.0.0.1:${ports.https}` : '443',
    PUBLIC_BASE_URL: ports ? `https://localhost:${ports.https}` : 'https://localhost',
  };
}

const compose = (mode, args, options = {}) =>
  run(
    'docker',
    ['compose', '-p', PROJECT, '-f', 'docker-compose.yml', ...(mode === 'demo' ? ['-f', 'deploy/compose.demo.yml'] : []), ...args],
    {
      logName: `compose-${mode}`,
      ...options,
      env: { ...stackEnv(mode), ...options.env },
    },
  );

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function prepareStack() {
  ports = { http: await freePort(), https: await freePort() };
  const dir = join(work, 'tls');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(work, 'secrets'), { recursive: true });
  await run(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'privkey.pem'),
      '-out',
      join(dir, 'fullchain.pem'),
    ],
    { logName: 'openssl' },
  );
  tls = readFileSync(join(dir, 'fullchain.pem'));
  const key = () => randomBytes(32).toString('base64');
  writeFileSync(
    join(work, 'production.env'),
    [
      `JWT_SECRET=${randomBytes(32).toString('hex')}`,
      'WECHAT_APP_ID=wx0123456789abcdef',
      `WECHAT_APP_SECRET=${randomBytes(16).toString('hex')}`,
      `PHONE_ENCRYPTION_KEYS=k1:${key()}`,
      `PHONE_HASH_KEY=${randomBytes(32).toString('hex')}`,
      `PUBLIC_BASE_URL=https://localhost:${ports.https}`,
      '',
    ].join('\n'),
  );
}

/** One request through the proxy, trusting only this run's self-signed certificate. */
function call(method, path, { body, token, scheme = 'https', headers = {} } = {}) {
  const raw = Buffer.isBuffer(body);
  const payload = body === undefined || raw ? body : JSON.stringify(body);
  const port = scheme === 'https' ? ports.https : ports.http;
  return new Promise((resolve, reject) => {
    const req = (scheme === 'https' ? httpsRequest : httpRequest)(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        ca: tls,
        servername: 'localhost',
        headers: {
          host: 'localhost',
          ...(payload && !raw ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // Not JSON (the H5 page, a redirect).
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.end(payload);
  });
}

async function health(service) {
  const { output } = await compose('production', ['ps', '--format', '{{.Health}}', service], { env: {} });
  return output.trim();
}

async function up(mode) {
  log(`bringing the stack up in ${mode} mode`);
  await compose(mode, ['up', '--detach', '--wait', '--no-build'], { env: {} }).catch(async (error) => {
    const { output } = await compose(mode, ['logs', '--no-color', '--tail', '40'], { allowFailure: true });
    throw new Error(`${error.message}\n── service logs ──\n${output}`);
  });
  log(`stack up (${mode})`);
}

async function demoChecks() {
  await check(CHECKS[4], async () => {
    for (const service of ['app1', 'app2']) expect((await health(service)) === 'healthy', `${service} is ${await health(service)}`);
  });
  await check(CHECKS[5], async () => {
    const page = await call('GET', '/');
    expect(page.status === 200 && /text\/html/.test(page.headers['content-type'] ?? ''), `GET / answered ${page.status}`);
    expect(/<div id="app"|<script/.test(page.text), 'GET / is not the H5 app');
    const school = await call('GET', '/api/v1/school');
    expect(
      school.status === 200 && typeof school.json?.name === 'string',
      `GET /api/v1/school answered ${school.status}: ${school.text.slice(0, 200)}`,
    );
  });
  await check(CHECKS[6], async () => {
    const answer = await call('GET', '/api/v1/school', { scheme: 'http' });
    expect(
      answer.status === 301 && answer.headers.location === 'https://localhost/api/v1/school',
      `http answered ${answer.status} ${answer.headers.location}`,
    );
  });
  let token;
  await check(CHECKS[7], async () => {
    const code = await call('POST', '/api/v1/auth/demo-code', { body: {} });
    expect(code.status === 201 || code.status === 200, `demo-code answered ${code.status}: ${code.text}`);
    const session = await call('POST', '/api/v1/auth/wechat', { body: { code: code.json.code } });
    expect(session.json?.accessToken, `sign-in answered ${session.status}: ${session.text}`);
    token = session.json.accessToken;
    const notice = await call('GET', '/api/v1/privacy-notice', { token });
    const consent = await call('POST', '/api/v1/me/consent', { token, body: { version: notice.json?.version } });
    expect(consent.status < 300, `consent answered ${consent.status}: ${consent.text}`);
  });
  await check(CHECKS[8], async () => {
    expect(token, 'no session (the sign-in failed)');
    const campaigns = await call('GET', '/api/v1/campaigns?limit=50');
    const campaign = campaigns.json?.items?.find((c) => c.status === 'open');
    expect(campaign, `no open campaign: ${campaigns.text.slice(0, 200)}`);
    const detail = (await call('GET', `/api/v1/campaigns/${campaign.id}`)).json;
    const body = campaign.unit ? { units: 1 } : { amountFen: detail.minAmountFen ?? 100 };
    const order = await call('POST', `/api/v1/campaigns/${campaign.id}/donations`, {
      token,
      body,
      headers: { 'idempotency-key': randomBytes(8).toString('hex') },
    });
    expect(order.json?.donation?.id && order.json?.payment, `the order answered ${order.status}: ${order.text}`);
    const id = order.json.donation.id;
    const paid = await call('POST', `/api/v1/donations/${id}/simulate-payment`, { token });
    expect(paid.status < 300, `simulate-payment answered ${paid.status}: ${paid.text}`);
    // WeChat Pay's notification reaches the server asynchronously; the page polls the same way.
    let donation;
    for (let i = 0; i < 60; i++) {
      donation = (await call('GET', `/api/v1/donations/${id}`, { token })).json;
      if (donation?.status === 'paid') break;
      await sleep(500);
    }
    expect(donation?.status === 'paid', `the donation is ${donation?.status} after 30 s`);
    const certificate = await call('GET', `/api/v1/donations/${id}/certificate`, { token });
    expect(certificate.status === 200, `the certificate answered ${certificate.status}: ${certificate.text}`);
  });
  await check(CHECKS[9], async () => {
    expect(token, 'no session (the sign-in failed)');
    const boundary = `----container-test-${randomBytes(8).toString('hex')}`;
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="avatar.png"\r\nContent-Type: image/png\r\n\r\n`),
      PHOTO,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const profile = await call('POST', '/api/v1/me/avatar', {
      token,
      body: form,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const url = profile.json?.avatarUrl;
    expect(typeof url === 'string', `the upload answered ${profile.status}: ${profile.text.slice(0, 300)}`);
    // Media URLs are absolute from PUBLIC_BASE_URL (the proxy's address), or paths on it.
    const base = stackEnv('demo').PUBLIC_BASE_URL;
    expect(url.startsWith('/') || url.startsWith(`${base}/`), `the photo's URL ${url} is not on ${base}`);
    const path = url.startsWith('/') ? url : url.slice(base.length);
    const photo = await call('GET', path, { token });
    expect(photo.status === 200 && /^image\//.test(photo.headers['content-type'] ?? ''), `GET ${url} answered ${photo.status}`);
    // The demo's nginx sends everything to app1; app2 can only have the photo from the object store (STORAGE=s3).
    const fromApp2 = `fetch('http://127.0.0.1:3000${path}').then(async (r) => { console.log('answer', r.status, r.headers.get('content-type')); process.exit(r.ok ? 0 : 1); }, (e) => { console.log(e.message); process.exit(1); })`;
    const { code, output } = await compose('demo', ['exec', '-T', 'app2', 'node', '-e', fromApp2], { env: {}, allowFailure: true });
    expect(code === 0 && /answer 200 image\//.test(output), `app2 did not serve ${path}: ${output}`);
  });
}

async function productionChecks() {
  await check(CHECKS[10], async () => {
    for (const service of ['app1', 'app2']) expect((await health(service)) === 'healthy', `${service} is ${await health(service)}`);
    // nginx sends each request to the instance with fewer open ones: over a burst, both get some.
    const probe = `/api/v1/probe-${randomBytes(6).toString('hex')}`;
    await Promise.all(Array.from({ length: 12 }, () => call('GET', probe)));
    for (const service of ['app1', 'app2']) {
      const { output } = await compose('production', ['logs', '--no-color', service], { env: {} });
      expect(output.includes(probe), `${service} served none of 12 requests through the proxy`);
    }
  });
  await check(CHECKS[11], async () => {
    const school = await call('GET', '/api/v1/school');
    expect(school.status === 200, `GET /api/v1/school answered ${school.status}: ${school.text.slice(0, 200)}`);
    const page = await call('GET', '/');
    expect(page.status === 200 && /text\/html/.test(page.headers['content-type'] ?? ''), `GET / answered ${page.status}`);
    expect(/max-age=/.test(page.headers['strict-transport-security'] ?? ''), 'no HSTS header in production');
  });
  await check(CHECKS[12], async () => {
    const code = await call('POST', '/api/v1/auth/demo-code', { body: {} });
    expect(code.status >= 400 && code.status < 500, `demo-code answered ${code.status} in production: ${code.text}`);
    const accounts = await call('GET', '/api/v1/auth/demo-accounts');
    expect(accounts.status >= 400 && accounts.status < 500, `demo-accounts answered ${accounts.status} in production: ${accounts.text}`);
  });
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────
let skipReason = null;
const cpuAtStart = cpuSeconds();
try {
  await lintDockerfiles();
  await prepareMachine();
  await lintCompose();
  await Promise.all([buildImages(), makeServiceImages()]);
  await refusals();
  await prepareStack();
  await up('demo');
  await demoChecks();
  await up('production');
  await productionChecks();
} catch (error) {
  if (error instanceof CannotRunContainers) skipReason = error.message;
  else {
    results.push({ name: 'the container test ran to the end', status: 'failed', message: error.message });
    log(`✗ ${error.message}`);
  }
} finally {
  if (ports) await compose('production', ['down', '--volumes', '--remove-orphans', '--timeout', '20'], { allowFailure: true });
  await stopDaemon().catch((error) => log(`dockerd did not stop: ${error.message}`));
}

if (skipReason) {
  for (const name of CHECKS.filter((name) => !results.some((r) => r.name === name)))
    results.push({ name, status: 'skipped', message: skipReason });
  log(`SKIPPED: this machine cannot run containers: ${skipReason}`);
}
const count = (status) => results.filter((r) => r.status === status).length;
if (reportFile) {
  writeFileSync(
    reportFile,
    JSON.stringify({
      numPassedTests: count('passed'),
      numFailedTests: count('failed'),
      numPendingTests: count('skipped'),
      testResults: results,
    }),
  );
}
console.log(
  `Container test took ${elapsed().trim()}, ${(cpuSeconds() - cpuAtStart).toFixed(0)} CPU seconds (2 cores: at least half that on an idle machine)`,
);
console.log(`Container test: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
process.exit(count('failed') > 0 ? 1 : 0);
