import { nodeTestConfig } from '../vitest.shared.js';

// One browser and one server at a time: journeys share the machine's two cores.
export default nodeTestConfig({
  include: ['journeys/**/*.spec.ts'],
  setupFiles: ['support/no-problems.ts'],
  // The demo installation made once, which each file's server starts on a copy of.
  globalSetup: ['support/demo-template.ts'],
  testTimeout: 240_000,
  hookTimeout: 240_000,
  fileParallelism: false,
});
