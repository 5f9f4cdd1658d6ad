import { nodeTestConfig } from '../vitest.shared.js';

const SPECS = ['src/**/*.spec.ts', 'src/**/*.e2e-spec.ts', 'bench/**/*.spec.ts', 'test/faults/*.e2e-spec.ts'];
/** The files that start their application with a `logDestination` (test/test-app.ts). */
const LOG_READERS = [
  'src/common/log-privacy.e2e-spec.ts',
  'src/giving/abnormal-refunds.e2e-spec.ts',
  'src/governance/votes/secret-ballot.e2e-spec.ts',
];

export default nodeTestConfig({
  setupFiles: ['test/setup-env.ts'],
  // Test files' databases copy one migrated template instead of each running every migration.
  globalSetup: ['test/global-setup.ts'],
  // Each test file gets its own database; starting one takes a few seconds.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Files run in parallel processes, each on its own database.
  pool: 'forks',
  // Two at a time, also on two cores (Vitest's default there is one): a file spends much of its
  // time loading the application or waiting on PostgreSQL, a process of its own, so a second
  // file uses what the first leaves idle. VITEST_MAX_WORKERS overrides it.
  maxWorkers: 2,
  projects: [
    // A worker loads the application's modules once for all its files, not once per file: importing
    // them took ~3 s of each file's time (324 s of the 500 s run in CI on 7 December; 232 s without).
    // Each file still starts its own application on its own database.
    { extends: true, test: { name: 'server', isolate: false, include: SPECS, exclude: LOG_READERS } },
    // nestjs-pino keeps one pino-http instance per process, made by the first application: a file that
    // reads its application's log from a stream of its own needs a process of its own.
    { extends: true, test: { name: 'log readers', include: LOG_READERS } },
  ],
});
