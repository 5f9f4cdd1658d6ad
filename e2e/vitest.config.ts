import { nodeTestConfig } from '../vitest.shared.js';

export default nodeTestConfig({
  include: ['journeys/**/*.spec.ts'],
  setupFiles: ['support/no-problems.ts'],
  // The demo installation made once, which each file's server starts on a copy of.
  globalSetup: ['support/demo-template.ts'],
  testTimeout: 240_000,
  hookTimeout: 240_000,
  // Two files at a time (Vitest's default on two cores is one), each in its own process with
  // its own copy of the demo data folder, its own server on a port of its own and its own
  // browser: a file spends much of its time waiting on its server or its browser, so a second
  // file uses what the first leaves idle (docs/development.md). VITEST_MAX_WORKERS overrides it.
  pool: 'forks',
  maxWorkers: 2,
  // A journey polls what a page shows, which waits on the server and the browser: Vitest's
  // default of one second is a fraction of a busy machine's page load, where every other wait
  // in the journeys allows 30 seconds.
  expect: { poll: { timeout: 30_000 } },
});
