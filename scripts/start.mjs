// `pnpm start`: builds what changed (shared, server, the H5 app) and runs the server from
// the repository root, so the default data folder is ./.data and the H5 build is found.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const startedAt = performance.now();

buildIfStale(root, { name: '@alumni/shared', dir: 'shared', script: 'build', stamp: 'dist/.built' });
buildIfStale(root, { name: '@alumni/server', dir: 'server', script: 'build', stamp: 'dist/.built', inputs: ['shared/src'] });
buildIfStale(root, {
  name: '@alumni/miniprogram',
  dir: 'miniprogram',
  script: 'build:h5',
  stamp: 'dist/h5/.built',
  inputs: ['shared/src'],
});
console.log(`Builds ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; starting the server…`);

// The start command is the demo: fakes of WeChat and WeChat Pay, the demo college, development
// keys. `DEMO=false pnpm start` runs the real thing (every production variable must then be set).
const env = { ...process.env, DEMO: process.env.DEMO ?? 'true' };
const server = spawn(process.execPath, [join(root, 'server/dist/main.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
