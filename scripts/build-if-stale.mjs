// Builds a workspace package only when its sources changed since its last build, so the
// second `pnpm start` takes seconds instead of rebuilding the H5 bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNPM } from './pnpm.mjs';

const IGNORED = new Set(['node_modules', 'dist', '.swc', 'test-output', 'coverage']);

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!IGNORED.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * @param {string} root repository root
 * @param {{ name: string, dir: string, script: string, stamp: string, inputs?: string[] }} target
 */
export function buildIfStale(root, target) {
  const dir = join(root, target.dir);
  const stamp = join(dir, target.stamp);
  const inputs = [dir, ...(target.inputs ?? []).map((input) => join(root, input))];
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built > Math.max(...inputs.map(newestMtime))) {
    console.log(`✓ ${target.name} is up to date`);
    return;
  }
  console.log(`… building ${target.name}`);
  execFileSync(PNPM[0], [...PNPM.slice(1), '--filter', target.name, 'run', target.script], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
