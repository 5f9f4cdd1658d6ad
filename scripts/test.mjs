// `pnpm test`: every suite of the project in order (lint, shared, server, mini-program,
// WeChat build checks, browser, containers), each counted, then one summary. Exits 1 if anything failed.
// The steps take the machine's cores one at a time; only the containers step's installation
// (package downloads, little CPU) runs beside them from the start. docs/development.md has the budget.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNPM } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-output', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitestJson = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];

/** Each step: a command, and where its runner writes a JSON report with test counts. */
const steps = [
  { name: 'lint', command: [...PNPM, 'run', 'lint'] },
  // Fails only on advisories that have a fix (scripts/audit.mjs, docs/security.md); exit 75: could not run.
  { name: 'dependency audit', command: [process.execPath, 'scripts/audit.mjs'], notRunStatus: 75 },
  { name: 'shared', command: [...PNPM, '--filter', '@alumni/shared', 'run', 'build'] },
  {
    name: 'shared tests',
    command: [...PNPM, '--filter', '@alumni/shared', 'test', ...vitestJson('shared')],
    report: 'shared',
  },
  { name: 'server tests', command: [...PNPM, '--filter', '@alumni/server', 'test', ...vitestJson('server')], report: 'server' },
  {
    name: 'mini-program tests',
    command: [...PNPM, '--filter', '@alumni/miniprogram', 'test', '--json', `--outputFile=${join(reports, 'miniprogram.json')}`],
    report: 'miniprogram',
  },
  // The WeChat release build: refused without an API base, then sizes, methods, servers, pictures, privacy.
  { name: 'weapp build checks', command: [...PNPM, '--filter', '@alumni/miniprogram', 'run', 'check:weapp'] },
  { name: 'h5 build', command: [...PNPM, '--filter', '@alumni/miniprogram', 'run', 'build:h5'] },
  { name: 'browser journeys', command: [...PNPM, '--filter', '@alumni/e2e', 'test', ...vitestJson('e2e')], report: 'e2e' },
  // Builds the image and runs the compose stack; skipped, with the reason, where containers cannot run.
  {
    name: 'containers',
    command: [process.execPath, 'scripts/container-test.mjs', '--report', join(reports, 'containers.json')],
    report: 'containers',
  },
];

/** Vitest and Jest both write Jest-shaped JSON: numPassedTests / numFailedTests. */
function counts(report) {
  const file = join(reports, `${report}.json`);
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + (json.numTodoTests ?? 0) };
}

/**
 * Installs Docker and the container test's tools in the background (a fresh machine spends
 * minutes downloading and unpacking them, mostly waiting on the network); the containers step
 * waits for it and then finds them installed. Its output: test-output/container-install.log.
 */
function installContainerToolsInBackground() {
  const logFile = join(root, 'test-output', 'container-install.log');
  const fd = openSync(logFile, 'w');
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['scripts/container-test.mjs', '--install-only'], { cwd: root, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: null, message: error.message }));
    child.on('exit', (status) => resolve({ status, seconds: (performance.now() - startedAt) / 1000 }));
  });
  return { logFile, done };
}

const runStartedAt = performance.now();
const containerTools = installContainerToolsInBackground();
const results = [];
for (const step of steps) {
  if (step.name === 'containers') {
    const waitedFrom = performance.now();
    const installed = await containerTools.done;
    const log = readFileSync(containerTools.logFile, 'utf8').trim();
    console.log(
      `\n━━ container tools (installed beside the steps above in ${installed.seconds?.toFixed(1) ?? '?'} s, ` +
        `waited ${((performance.now() - waitedFrom) / 1000).toFixed(1)} s for it; exit ${installed.status}):\n${log}`,
    );
  }
  console.log(`\n━━ ${step.name}: pnpm ${step.command.slice(PNPM.length).join(' ')}`);
  const startedAt = performance.now();
  const { status } = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - startedAt) / 1000;
  if (step.notRunStatus !== undefined && status === step.notRunStatus) {
    // Not a failure of the project, but not a pass either: the summary says it did not run.
    results.push({ name: step.name, ok: true, notRun: true, seconds, passed: 0, failed: 0, skipped: 1 });
    continue;
  }
  const tally = step.report ? counts(step.report) : null;
  // A step without test counts (lint, builds, budget) counts as one check.
  const passed = tally ? tally.passed : status === 0 ? 1 : 0;
  const failed = tally ? Math.max(tally.failed, status === 0 ? 0 : 1) : status === 0 ? 0 : 1;
  results.push({ name: step.name, ok: status === 0, seconds, passed, failed, skipped: tally?.skipped ?? 0 });
}

console.log('\n━━ Summary');
for (const r of results) {
  const tests = r.notRun
    ? 'NOT RUN (see its output above)'
    : `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`${r.notRun ? '–' : r.ok ? '✓' : '✗'} ${r.name.padEnd(20)} ${tests.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s`);
}
const notRun = results.filter((r) => r.notRun).map((r) => r.name);
if (notRun.length > 0) console.log(`Not run here: ${notRun.join(', ')}`);
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
const skipped = total('skipped');
console.log(`Total time ${((performance.now() - runStartedAt) / 1000).toFixed(1)} s`);
console.log(`Summary: ${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
