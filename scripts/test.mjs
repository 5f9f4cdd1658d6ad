// `pnpm test`: every suite of the project in order (shared, server, lint, mini-program, WeChat build
// checks, browser, containers), each counted, then one summary. Exits 1 if anything failed.
// Two pieces of work run beside the steps: the containers step's installation (package downloads,
// little CPU) from the start, and the H5 build (one core's work) from the end of the server tests,
// beside the steps that use one core too. docs/development.md has the budget.
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

/**
 * Each step: a command, and where its runner writes a JSON report with test counts. A step with
 * `background` instead waits for that work, started earlier, and reports it.
 */
const steps = [
  { name: 'shared', command: [...PNPM, '--filter', '@alumni/shared', 'run', 'build'] },
  {
    name: 'shared tests',
    command: [...PNPM, '--filter', '@alumni/shared', 'test', ...vitestJson('shared')],
    report: 'shared',
  },
  // Two files at a time, on both cores. It also builds server/dist, which a mini-program test and the journeys run;
  // then the H5 build starts beside the next steps, which keep one core busy at most.
  {
    name: 'server tests',
    command: [...PNPM, '--filter', '@alumni/server', 'test', ...vitestJson('server')],
    report: 'server',
    afterwards: () => (h5Build = startH5Build()),
  },
  { name: 'lint', command: [...PNPM, 'run', 'lint'] },
  // Fails only on advisories that have a fix (scripts/audit.mjs, docs/security.md); exit 75: could not run.
  { name: 'dependency audit', command: [process.execPath, 'scripts/audit.mjs'], notRunStatus: 75 },
  {
    name: 'mini-program tests',
    command: [...PNPM, '--filter', '@alumni/miniprogram', 'test', '--json', `--outputFile=${join(reports, 'miniprogram.json')}`],
    report: 'miniprogram',
  },
  // The WeChat release build: refused without an API base, then sizes, methods, servers, pictures, privacy.
  { name: 'weapp build checks', command: [...PNPM, '--filter', '@alumni/miniprogram', 'run', 'check:weapp'] },
  { name: 'h5 build', background: () => h5Build },
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

/** Runs `command` beside the steps, its output into test-output/<name>.log; `done` gives its exit status and seconds. */
function startInBackground(name, command) {
  const logFile = join(root, 'test-output', `${name}.log`);
  const fd = openSync(logFile, 'w');
  const startedAt = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: root, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: null, message: error.message }));
    child.on('exit', (status) => resolve({ status, seconds: (performance.now() - startedAt) / 1000 }));
  });
  return { logFile, done };
}

/** Waits for work started with startInBackground and prints its output under a heading. */
async function awaitBackground(name, work) {
  const waitedFrom = performance.now();
  const finished = await work.done;
  const log = readFileSync(work.logFile, 'utf8').trim();
  console.log(
    `\n━━ ${name} (ran beside the steps above for ${finished.seconds?.toFixed(1) ?? '?'} s, ` +
      `waited ${((performance.now() - waitedFrom) / 1000).toFixed(1)} s for it; exit ${finished.status}` +
      `${finished.message ? `: ${finished.message}` : ''}):\n${log}`,
  );
  return finished;
}

/**
 * Docker and the container test's tools: a fresh machine spends minutes downloading and
 * unpacking them, mostly waiting on the network. The containers step finds them installed.
 */
const startContainerTools = () =>
  startInBackground('container-install', [process.execPath, 'scripts/container-test.mjs', '--install-only']);

/**
 * The H5 build for the journeys: webpack keeps about one core busy, so it runs beside the steps
 * that also use about one (lint, the mini-program's tests, the WeChat build) instead of after them.
 * Not beside the server tests, which take both cores.
 */
const startH5Build = () => startInBackground('h5-build', [...PNPM, '--filter', '@alumni/miniprogram', 'run', 'build:h5']);

const runStartedAt = performance.now();
const containerTools = startContainerTools();
let h5Build = null;
const results = [];
for (const step of steps) {
  if (step.background) {
    const { status, seconds = 0 } = await awaitBackground(step.name, step.background());
    // Counts as one check; its seconds were spent beside the steps before it, not after them.
    results.push({
      name: step.name,
      ok: status === 0,
      beside: true,
      seconds,
      passed: status === 0 ? 1 : 0,
      failed: status === 0 ? 0 : 1,
      skipped: 0,
    });
    continue;
  }
  if (step.name === 'containers') await awaitBackground('container tools', containerTools);
  console.log(`\n━━ ${step.name}: pnpm ${step.command.slice(PNPM.length).join(' ')}`);
  const startedAt = performance.now();
  const { status } = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - startedAt) / 1000;
  step.afterwards?.();
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
  console.log(
    `${r.notRun ? '–' : r.ok ? '✓' : '✗'} ${r.name.padEnd(20)} ${tests.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s${r.beside ? ' (beside the steps before it)' : ''}`,
  );
}
const notRun = results.filter((r) => r.notRun).map((r) => r.name);
if (notRun.length > 0) console.log(`Not run here: ${notRun.join(', ')}`);
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
const skipped = total('skipped');
console.log(`Total time ${((performance.now() - runStartedAt) / 1000).toFixed(1)} s`);
console.log(`Summary: ${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
