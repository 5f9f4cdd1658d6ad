import { nodeTestConfig } from '../vitest.shared.js';

export default nodeTestConfig({
  include: ['src/**/*.spec.ts', 'src/**/*.e2e-spec.ts', 'bench/**/*.spec.ts', 'test/faults/*.e2e-spec.ts'],
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
});
