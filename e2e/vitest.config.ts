import { nodeTestConfig } from '../vitest.shared.js';

// One browser and one server at a time: journeys share the machine's two cores.
export default nodeTestConfig({ include: ['journeys/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false });
