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
});
