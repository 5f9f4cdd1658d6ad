// Checks the WeChat build as WeChat and its review would see it: a release build refuses a
// missing API base; the built dist/weapp keeps the package sizes, calls no request method
// wx.request lacks, names no development server, shows no picture from a path the package
// lacks, contains none of the H5 build's desk-only code, uses no design token it never sets,
// declares every private-information API, and is set up for upload.
// `node scripts/check-weapp.mjs` builds first (with the example release settings below);
// `--no-build` checks the build already in dist/weapp.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist/weapp');
/** The release settings the check builds with: an example server and a placeholder AppID. */
const EXAMPLE = { TARO_APP_API_BASE: 'https://api.example.org', TARO_APP_ID: 'wx0000000000000000' };

const KB = 1024;
const MB = 1024 * KB;
const MAIN_PACKAGE_BUDGET = 500 * KB; // the design brief's budget
const PACKAGE_LIMIT = 2 * MB; // WeChat: 单个分包/主包大小不能超过 2M (framework/subpackages.html)
const TOTAL_LIMIT = 20 * MB; // WeChat: 30 MB in all, 20 MB for 服务商代开发; we keep the lower
const PRELOAD_QUOTA = 2 * MB; // WeChat: pages of one package share 2 MB of preloading (subpackages/preload.html)
const LEGAL_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']; // wx.request
const LOCATION_APIS = [
  'getLocation',
  'chooseLocation',
  'choosePoi',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseAddress',
];
/** Taro's runtime lists every wx API by name; only our own code's calls count. */
const RUNTIME_FILES = ['taro.js', 'runtime.js'];

const problems = [];
const problem = (text) => problems.push(text);

function run(env) {
  const taro = join(root, 'node_modules/.bin/taro');
  const result = spawnSync(taro, ['build', '--type', 'weapp'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

if (!process.argv.includes('--no-build')) {
  // A release build without an API base must stop, naming what to set.
  const refused = run({ TARO_APP_API_BASE: '', TARO_APP_ID: EXAMPLE.TARO_APP_ID });
  if (refused.status === 0 || !refused.output.includes('TARO_APP_API_BASE is not set'))
    problem('a release build without TARO_APP_API_BASE did not stop with "TARO_APP_API_BASE is not set"');
  else console.log('✓ a release build without TARO_APP_API_BASE is refused');
  const built = run(EXAMPLE);
  if (built.status !== 0) {
    console.error(built.output);
    console.error('The release build failed.');
    process.exit(1);
  }
}

const appJsonPath = join(distDir, 'app.json');
if (!existsSync(appJsonPath)) {
  console.error(`No WeChat build at ${distDir}: run this script without --no-build.`);
  process.exit(1);
}
const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const packages = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => ({ ...pkg, root: pkg.root.replace(/\/+$/, '') }));

/** Every file WeChat uploads (source maps and the IDE's project.config.json are not), by package. */
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!name.endsWith('.map') && name !== 'project.config.json') files.push(relative(distDir, path).split(sep).join('/'));
  }
})(distDir);
const packageOf = (file) => packages.find((pkg) => file.startsWith(`${pkg.root}/`))?.root ?? '';
const read = (file) => readFileSync(join(distDir, file), 'utf8');

// --- sizes and preloading -------------------------------------------------------------
const sizes = new Map([['', 0], ...packages.map((pkg) => [pkg.root, 0])]);
for (const file of files) sizes.set(packageOf(file), sizes.get(packageOf(file)) + statSync(join(distDir, file)).size);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const rows = [...sizes].map(([name, bytes]) => [name || 'main package', kb(bytes)]);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'package'.padEnd(width)}  size`);
for (const [name, size] of rows) console.log(`${name.padEnd(width)}  ${size}`);
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`${'total'.padEnd(width)}  ${kb(total)}`);
if (sizes.get('') > MAIN_PACKAGE_BUDGET) problem(`the main package is ${kb(sizes.get(''))}, over the ${kb(MAIN_PACKAGE_BUDGET)} budget`);
else console.log(`✓ main package within the ${kb(MAIN_PACKAGE_BUDGET)} budget (${kb(MAIN_PACKAGE_BUDGET - sizes.get(''))} left)`);
for (const [name, bytes] of sizes)
  if (bytes > PACKAGE_LIMIT) problem(`${name || 'the main package'} is ${kb(bytes)}, over WeChat's 2 MB per package`);
if (total > TOTAL_LIMIT) problem(`all packages together are ${kb(total)}, over 20 MB`);

if (appJson.lazyCodeLoading !== 'requiredComponents') problem('app.json has no lazyCodeLoading: "requiredComponents"');
const pages = [...appJson.pages, ...packages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
const preload = appJson.preloadRule ?? {};
if (Object.keys(preload).length === 0) problem('app.json has no preloadRule');
const quota = new Map();
for (const [page, rule] of Object.entries(preload)) {
  if (!pages.includes(page)) problem(`preloadRule names "${page}", which is not a page`);
  for (const name of rule.packages) {
    const pkg = packages.find((p) => p.root === name.replace(/\/+$/, '') || p.name === name);
    if (!pkg) problem(`preloadRule of ${page} names "${name}", which is not a subpackage`);
    else quota.set(packageOf(`${page}.js`), (quota.get(packageOf(`${page}.js`)) ?? 0) + sizes.get(pkg.root));
  }
}
for (const [pkg, bytes] of quota)
  if (bytes > PRELOAD_QUOTA) problem(`pages of ${pkg || 'the main package'} preload ${kb(bytes)}, over WeChat's 2 MB quota`);

// --- what the code calls --------------------------------------------------------------
const scripts = files.filter((file) => file.endsWith('.js') && !RUNTIME_FILES.includes(file));
const code = scripts.map(read).join('\n');
const methods = new Set([...code.matchAll(/\bmethod:"([A-Za-z]+)"/g)].map((m) => m[1]));
const illegal = [...methods].filter((m) => !LEGAL_METHODS.includes(m));
if (illegal.length > 0) problem(`request methods wx.request does not have: ${illegal.join(', ')}`);
else console.log(`✓ request methods: ${[...methods].sort().join(', ')}`);

const devServers = [
  ...new Set(
    [...code.matchAll(/https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+)[^"'\s]*/g)].map((m) => m[0]),
  ),
];
if (devServers.length > 0) problem(`the build names development servers: ${devServers.join(', ')}`);
const apiBase = process.env.TARO_APP_API_BASE || EXAMPLE.TARO_APP_API_BASE;
if (!code.includes(JSON.stringify(apiBase))) problem(`the build does not call ${apiBase}`);
else console.log(`✓ the API base is ${apiBase}, and no development server is named`);

// Pictures the build names itself: https, a data URI, or a file the package has.
const pictures = [
  ...files
    .filter((f) => /\.(js|json)$/.test(f))
    // A comma list (a file chooser's accept=".pdf,.jpg") names types, not a picture.
    .flatMap((f) => [...read(f).matchAll(/"([^"\s,]{1,200}\.(?:png|jpe?g|gif|webp|svg))"/g)].map((m) => [f, m[1]])),
  ...files.filter((f) => f.endsWith('.wxml')).flatMap((f) => [...read(f).matchAll(/<image[^>]*\ssrc="([^"{]+)"/g)].map((m) => [f, m[1]])),
];
const missing = pictures.filter(
  ([, src]) => !/^(https:\/\/|data:image\/)/.test(src) && !/^\.[a-z]+$/.test(src) && !files.includes(src.replace(/^\//, '')),
);
for (const [file, src] of missing) problem(`${file} shows "${src}", which is neither https nor a file of the package`);
if (missing.length === 0) console.log(`✓ ${pictures.length} picture paths of the build are https or files of the package`);

// --- desk-only code ----------------------------------------------------------------------
// The desk layout, tables and pickers (src/desk, *-desk.tsx, the browser's date-time input)
// live in H5-only branches the weapp build drops (docs/architecture.md): none of their marks
// may reach a WeChat package, so the sizes above are the phone app's alone.
const DESK_MARKS = ['desk-nav', 'desk-table', 'desk-panel', 'al-desk', 'desk-wide', 'datetime-local', '导出所选'];
const styles = files.filter((file) => file.endsWith('.wxss'));
const deskFiles = files.filter((file) => /(^|[/.-])desk([/.-]|$)/.test(file));
for (const file of deskFiles) problem(`${file} is a desk-only file in a WeChat package`);
const deskMarks = [...scripts, ...styles].flatMap((file) => {
  const text = read(file);
  return DESK_MARKS.filter((mark) => text.includes(mark)).map((mark) => `${file} (${mark})`);
});
for (const found of deskMarks) problem(`desk-only code in a WeChat package: ${found}`);
if (deskFiles.length === 0 && deskMarks.length === 0) console.log(`✓ no desk-only code in the WeChat packages (${DESK_MARKS.join(', ')})`);

// --- CSS variables ------------------------------------------------------------------------
// The app's design tokens (--al-*) are set on `page` in app.wxss (app-origin.wxss), the root
// every page and component inherits from; a declaration whose var() names nothing is dropped,
// and a banner's gradient so broken leaves it blank. Every var(--al-…) without a fallback must
// name a token set there, or one its own file sets. NutUI's rules are not ours: one names a
// variable only its other themes set (--nutui-color-default-light, under a background-color
// that wins anyway).
/** A wxss file's text with the files it imports (app.wxss is only imports of app-origin.wxss and common.wxss). */
function wxssWithImports(file, seen = new Set()) {
  if (seen.has(file) || !files.includes(file)) return '';
  seen.add(file);
  const text = read(file);
  const imports = [...text.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => join(dirname(file), m[1]).split(sep).join('/'));
  return [text, ...imports.map((imported) => wxssWithImports(imported, seen))].join('\n');
}
const rules = (css) =>
  [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selectors: m[1].split(',').map((selector) => selector.trim()),
    body: m[2],
  }));
const setIn = (css) => [...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]);
const pageScope = new Set(
  rules(wxssWithImports('app.wxss'))
    .filter((rule) => rule.selectors.includes('page'))
    .flatMap((rule) => setIn(rule.body)),
);
const unset = styles.flatMap((file) => {
  const text = wxssWithImports(file);
  const own = new Set(setIn(text));
  const names = [...new Set([...text.matchAll(/var\(\s*(--al-[\w-]+)\s*\)/g)].map((m) => m[1]))];
  return names.filter((name) => !pageScope.has(name) && !own.has(name)).map((name) => `${file} (${name})`);
});
for (const found of unset) problem(`a design token used without a fallback is set neither on page in app.wxss nor in its file: ${found}`);
if (unset.length === 0)
  console.log(`✓ every design token used without a fallback is set (${pageScope.size} variables on page in app.wxss)`);

// --- privacy ----------------------------------------------------------------------------
const guide = JSON.parse(readFileSync(join(root, 'wechat/privacy-guide.json'), 'utf8'));
const typeOf = new Map(guide.types.flatMap((type) => type.apis.map((api) => [api, type])));
const used = new Set([
  ...[...code.matchAll(/\.([a-zA-Z]+)\(/g)].map((m) => m[1]).filter((api) => typeOf.has(api) || LOCATION_APIS.includes(api)),
  ...[...code.matchAll(/openType:"([a-zA-Z]+)"/g)].map((m) => `button:${m[1]}`).filter((api) => typeOf.has(api)),
  ...(/type:"nickname"/.test(code) ? ['input:nickname'] : []),
]);
for (const api of used)
  if (!typeOf.has(api)) problem(`${api} collects private information that wechat/privacy-guide.json does not declare`);
const usedTypes = new Set([...used].map((api) => typeOf.get(api)?.key).filter(Boolean));
for (const type of guide.types)
  if (!usedTypes.has(type.key)) problem(`wechat/privacy-guide.json declares ${type.key}, which the build never uses: drop it`);
const docs = readFileSync(join(root, '../docs/wechat.md'), 'utf8');
for (const type of guide.types)
  if (!docs.includes(type.name)) problem(`docs/wechat.md's release checklist does not list "${type.name}" (${type.key})`);
const required = appJson.requiredPrivateInfos ?? [];
for (const api of LOCATION_APIS) {
  if (used.has(api) && !required.includes(api)) problem(`${api} is called but not in app.json requiredPrivateInfos`);
  if (!used.has(api) && required.includes(api)) problem(`requiredPrivateInfos lists ${api}, which the build never calls`);
}
console.log(`✓ private-information APIs: ${[...used].sort().join(', ')}`);

// --- upload settings ----------------------------------------------------------------------
const project = JSON.parse(readFileSync(join(distDir, 'project.config.json'), 'utf8'));
if (!/^wx[0-9a-f]{16}$/.test(project.appid ?? '')) problem(`project.config.json has the appid "${project.appid}": set TARO_APP_ID`);
if (project.setting?.urlCheck !== true) problem('project.config.json does not check server domains (setting.urlCheck)');
if (!project.libVersion) problem('project.config.json names no base library (libVersion)');

if (problems.length > 0) {
  console.error(`\nThe WeChat build is not ready:\n${problems.map((p) => `✗ ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('✓ the WeChat build is ready for upload');
