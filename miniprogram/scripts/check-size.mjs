// Checks the WeChat build against the main-package budget (design brief: 500 KB; WeChat's
// own hard limit is 2 MB). Counts what WeChat uploads: source maps and the IDE's
// project.config.json are not part of the package.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_PACKAGE_BUDGET = 500 * 1024;
const distDir = join(dirname(fileURLToPath(import.meta.url)), '../dist/weapp');
const appJsonPath = join(distDir, 'app.json');

if (!existsSync(appJsonPath)) {
  console.error(`No WeChat build at ${distDir}: run \`pnpm run build:weapp\` first.`);
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, ''));

/** Bytes per package: '' is the main package, otherwise the subpackage root. */
const totals = new Map([['', 0], ...subpackageRoots.map((root) => [root, 0])]);

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) {
      walk(path);
      continue;
    }
    if (name.endsWith('.map') || name === 'project.config.json') continue;
    const file = relative(distDir, path).split(sep).join('/');
    const root = subpackageRoots.find((candidate) => file.startsWith(`${candidate}/`)) ?? '';
    totals.set(root, totals.get(root) + stats.size);
  }
}
walk(distDir);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [...totals].map(([root, bytes]) => [root === '' ? 'main package' : root, kb(bytes)]);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'package'.padEnd(width)}  size`);
for (const [name, size] of rows) console.log(`${name.padEnd(width)}  ${size}`);

const main = totals.get('');
if (main > MAIN_PACKAGE_BUDGET) {
  console.error(`Main package is ${kb(main)}, over the ${kb(MAIN_PACKAGE_BUDGET)} budget.`);
  process.exit(1);
}
console.log(`Main package within the ${kb(MAIN_PACKAGE_BUDGET)} budget (${kb(MAIN_PACKAGE_BUDGET - main)} left).`);
