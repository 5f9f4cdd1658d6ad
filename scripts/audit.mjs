// `pnpm audit`, reported without failing on what nobody can fix yet: prints a summary of the
// advisories by severity and each one with its fix, and exits 1 only when an advisory has a
// fixed version (upgrade, or pin it with `pnpm.overrides`). An advisory without a fix is
// listed and left to the next run. An audit service that cannot be reached checks nothing:
// that is said, and the exit code NOT_RUN lets `pnpm test` show the step as not run.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNPM } from './pnpm.mjs';

/** Exit code of a run that could not check anything (sysexits' EX_TEMPFAIL). */
const NOT_RUN = 75;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { stdout, stderr, error } = spawnSync(PNPM[0], [...PNPM.slice(1), 'audit', '--json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});

let report;
try {
  report = JSON.parse(stdout);
} catch {
  const reason = (error?.message ?? stderr ?? '').trim().split('\n').slice(0, 3).join(' ') || 'no answer';
  console.log(`Dependency audit NOT RUN: the audit service could not be asked (${reason}); nothing checked.`);
  process.exit(NOT_RUN);
}
if (report.error) {
  console.log(
    `Dependency audit NOT RUN: the audit service answered ${report.error.code ?? ''} ${report.error.summary ?? ''}; nothing checked.`,
  );
  process.exit(NOT_RUN);
}

const advisories = Object.values(report.advisories ?? {});
// npm's advisory format writes "no patched version" as `<0.0.0`.
const hasFix = (advisory) => Boolean(advisory.patched_versions) && advisory.patched_versions !== '<0.0.0';
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `Dependency audit: ${advisories.length} advisories (${['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')})`,
);
for (const advisory of advisories) {
  const versions = [...new Set((advisory.findings ?? []).map((f) => f.version))].join(', ');
  const fix = hasFix(advisory) ? `fixed in ${advisory.patched_versions}` : 'no fix yet';
  console.log(`  ${advisory.severity.padEnd(8)} ${advisory.module_name}@${versions}: ${advisory.title} — ${fix} (${advisory.url})`);
}
const fixable = advisories.filter(hasFix);
if (fixable.length > 0) {
  console.log(`${fixable.length} advisories have a fix: upgrade those packages (or pin the fixed version with pnpm.overrides).`);
  process.exit(1);
}
console.log('No advisory with a fix available.');
